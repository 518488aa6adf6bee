package dev.berth.ecs.taskdef;

import dev.berth.engine.provider.ProviderDiagnostic;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.berth.ecs.fake.Configs.blocks;
import static dev.berth.ecs.fake.Configs.container;
import static dev.berth.ecs.fake.Configs.taskDef;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoleArnsTest {
    @Test
    void iamRoleArnsWithPathsAndPartitionsAndShortNamesAreRoles() {
        for (String ok : List.of("arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
                "arn:aws:iam::123456789012:role/service-role/app/web-task+x=y,z.a@b_c",
                "arn:aws-cn:iam::123456789012:role/r", "arn:aws-us-gov:iam::123456789012:role/r", "ecsTaskRole")) {
            assertTrue(RoleArns.valid(ok), ok);
        }
    }

    @Test
    void placeholdersOtherArnsAndBadNamesAreNot() {
        for (String bad : List.of("REPLACE_ME_ECS_ROLE_ARN ", "arn:aws:iam::aws_account_id:role/ecsTaskExecutionRole",
                "arn:aws:iam::123456789012:user/alice", "arn:aws:ecs:local:000000000000:cluster/main",
                "arn:aws:iam:us-east-1:123456789012:role/r", "arn:aws:iam::123456789012:role/", "role with spaces",
                "a".repeat(65), "")) {
            assertFalse(RoleArns.valid(bad), bad);
        }
    }

    @Test
    void theValidatorSaysWhichAttributeNamesNoRoleInEcsWords() {
        List<ProviderDiagnostic> errors = TaskDefinitionValidator.validate(taskDef("memory", "512",
                "task_role_arn", "arn:aws:iam::123:role/x", "execution_role_arn", "arn:aws:iam::123456789012:role/ok",
                "container", blocks(container("name", "web", "image", "nginx")))).stream()
                .filter(ProviderDiagnostic::isError).toList();
        assertEquals(1, errors.size(), errors::toString);
        assertEquals(List.of("task_role_arn"), errors.get(0).path());
        assertTrue(errors.get(0).summary().startsWith("Role is not valid: task_role_arn \"arn:aws:iam::123:role/x\""),
                errors.get(0).summary());
    }
}
