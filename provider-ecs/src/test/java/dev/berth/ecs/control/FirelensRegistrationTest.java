package dev.berth.ecs.control;

import dev.berth.ecs.api.TaskDefinitionCalls.RegisterTaskDefinitionRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.TaskDefinition;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.berth.ecs.control.Plane.assertEcsError;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** RegisterTaskDefinition takes firelensConfiguration and awsfirelens, and refuses them as ECS does. */
class FirelensRegistrationTest {
    private final Plane p = new Plane();

    private TaskDefinition register(List<Map<String, Object>> containers) {
        return p.api.registerTaskDefinition(new RegisterTaskDefinitionRequest("routed", null, null, "awsvpc",
                containers, null, List.of("FARGATE"), "256", "512", null)).taskDefinition();
    }

    private static Map<String, Object> router(String type, Map<String, String> options) {
        Map<String, Object> c = new LinkedHashMap<>(Map.of("name", "log_router", "image", "router", "essential", true));
        c.put("firelensConfiguration", Map.of("type", type, "options", options));
        return c;
    }

    private static Map<String, Object> app(String name, Map<String, String> options) {
        Map<String, Object> c = new LinkedHashMap<>(Map.of("name", name, "image", "busybox", "essential", true));
        c.put("logConfiguration", Map.of("logDriver", "awsfirelens", "options", options));
        return c;
    }

    @Test
    void aRouterAndItsContainersRegisterAndAreDescribedAsWritten() {
        TaskDefinition td = register(List.of(router("fluentbit", Map.of("enable-ecs-log-metadata", "true")),
                app("app", Map.of("Name", "cloudwatch", "region", "us-east-1"))));
        assertEquals(Map.of("type", "fluentbit", "options", Map.of("enable-ecs-log-metadata", "true")),
                td.containerDefinitions().get(0).get("firelensConfiguration"));
        assertEquals(Map.of("logDriver", "awsfirelens", "options", Map.of("Name", "cloudwatch", "region", "us-east-1")),
                td.containerDefinitions().get(1).get("logConfiguration"));
    }

    @Test
    void ecsOwnRulesComeBackInItsWords() {
        assertEcsError("ClientException", "When awsfirelens log driver is specified in log configuration, a firelens "
                + "configuration object must be configured in one of the containers.",
                () -> register(List.of(app("app", Map.of("Name", "stdout")))));
        Map<String, Object> lonely = router("fluentbit", Map.of());
        assertEcsError("ClientException", "When a firelensConfiguration object is specified, at least one container "
                + "has to be configured with the awsfirelens log driver.", () -> register(List.of(lonely)));
    }

    @Test
    void anOutputWithoutItsPluginNameRegistersAsOnEcsWhoseAgentFailsItsTasks() {
        TaskDefinition td = register(List.of(router("fluentbit", Map.of()), app("app", Map.of("region", "eu-west-1"))));
        assertEquals("awsfirelens", ((Map<?, ?>) td.containerDefinitions().get(1).get("logConfiguration")).get("logDriver"));
    }

    @Test
    void whatTheAgentWouldRefuseAtStartIsRefusedAtRegistration() {
        assertEcsError("ClientException", "Container \"log_router\": invalid value http is specified for option "
                + "config-file-type", () -> register(List.of(router("fluentbit",
                Map.of("config-file-type", "http", "config-file-value", "x")), app("app", Map.of()))));
        assertEcsError("ClientException", "Container \"log_router\": firelensConfiguration type must be fluentbit or "
                + "fluentd, not \"logstash\".", () -> register(List.of(router("logstash", Map.of()), app("app", Map.of()))));
    }

    @Test
    void anS3ConfigFileIsRefusedByNameAndOnlyOneRouterIsAllowed() {
        assertEcsError("ClientException", "Container \"log_router\": berth cannot honour firelensConfiguration option "
                + "config-file-type \"s3\": there is no S3 to read the file from; put the file in the router's image and "
                + "use config-file-type \"file\" with its path.", () -> register(List.of(router("fluentd",
                Map.of("config-file-type", "s3", "config-file-value", "arn:aws:s3:::b/fluent.conf")), app("a", Map.of()))));
        Map<String, Object> second = router("fluentbit", Map.of());
        second.put("name", "second");
        assertEcsError("ClientException", "Container \"second\": only one container of a task can have a "
                + "firelensConfiguration; \"log_router\" already has one.",
                () -> register(List.of(router("fluentbit", Map.of()), second, app("app", Map.of()))));
    }
}
