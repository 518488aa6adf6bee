package dev.berth.ecs.control;

import dev.berth.ecs.api.TaskDefinitionCalls.DescribeTaskDefinitionRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.RegisterTaskDefinitionRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.TaskDefinition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.berth.ecs.control.Plane.assertEcsError;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** RegisterTaskDefinition's roles: checked as ECS checks them, kept and described as given. */
class TaskRolesTest {
    private static final String TASK_ROLE = "arn:aws:iam::123456789012:role/app/web";
    private static final String EXEC_ROLE = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole";
    private final Plane p = new Plane();

    private static RegisterTaskDefinitionRequest web(String taskRole, String executionRole) {
        return new RegisterTaskDefinitionRequest("web", taskRole, executionRole, null, List.of(Map.of("name", "web",
                "image", "busybox", "memory", 64)), null, null, null, null, null);
    }

    @Test
    void rolesAreDescribedAsRegistered() {
        p.api.registerTaskDefinition(web(TASK_ROLE, EXEC_ROLE));
        TaskDefinition td = p.api.describeTaskDefinition(new DescribeTaskDefinitionRequest("web", null)).taskDefinition();
        assertEquals(TASK_ROLE, td.taskRoleArn());
        assertEquals(EXEC_ROLE, td.executionRoleArn());
    }

    @Test
    void aBadRoleIsEcsClientExceptionRoleIsNotValid() {
        assertEcsError("ClientException", "Role is not valid",
                () -> p.api.registerTaskDefinition(web("REPLACE_ME_ECS_TASK_ROLE_ARN!", null)));
        assertEcsError("ClientException", "Role is not valid",
                () -> p.api.registerTaskDefinition(web(null, "arn:aws:iam::aws_account_id:role/ecsTaskExecutionRole")));
    }
}
