package dev.berth.ecs.control;

import dev.berth.ecs.api.TaskDefinitionCalls.RegisterTaskDefinitionRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.TaskDefinition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.berth.ecs.control.Plane.assertEcsError;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** RegisterTaskDefinition takes dependsOn, startTimeout and stopTimeout, and refuses them as ECS does. */
class ContainerOrderRegistrationTest {
    private final Plane p = new Plane();

    private TaskDefinition register(List<Map<String, Object>> containers) {
        return p.api.registerTaskDefinition(new RegisterTaskDefinitionRequest("ordered", null, null, "awsvpc",
                containers, null, List.of("FARGATE"), "256", "512", null)).taskDefinition();
    }

    private static Map<String, Object> container(String name, boolean essential, Object... more) {
        Map<String, Object> c = new java.util.LinkedHashMap<>(Map.of("name", name, "image", "busybox",
                "essential", essential));
        for (int i = 0; i < more.length; i += 2) c.put((String) more[i], more[i + 1]);
        return c;
    }

    private static List<Map<String, String>> on(String name, String condition) {
        return List.of(Map.of("containerName", name, "condition", condition));
    }

    @Test
    void dependsOnAndTheTimeoutsAreRegisteredAndDescribedAsWritten() {
        TaskDefinition td = register(List.of(container("init", false),
                container("app", true, "dependsOn", on("init", "SUCCESS"), "startTimeout", 30, "stopTimeout", 10)));
        Map<String, Object> app = td.containerDefinitions().get(1);
        assertEquals(on("init", "SUCCESS"), app.get("dependsOn"));
        assertEquals(30, app.get("startTimeout"));
        assertEquals(10, app.get("stopTimeout"));
    }

    @Test
    void ecsRefusalsComeBackAsClientExceptions() {
        assertEcsError("ClientException", "A dependency container with SUCCESS or COMPLETE condition cannot be an "
                + "essential container", () -> register(List.of(container("envoy", true),
                container("app", true, "dependsOn", on("envoy", "SUCCESS")))));
        assertEcsError("ClientException", "Cannot depend on container + 'sidecar' because it does not exist",
                () -> register(List.of(container("app", true, "dependsOn", on("sidecar", "START")))));
        assertEcsError("ClientException", "The containers' dependsOn form a cycle (a -> b -> a), so they can never "
                + "start.", () -> register(List.of(container("a", true, "dependsOn", on("b", "START")),
                container("b", true, "dependsOn", on("a", "START")))));
        assertEcsError("ClientException", "Container \"app\": stopTimeout 300 is not between 2 and 120 seconds, the "
                + "range ECS allows for FARGATE.", () -> register(List.of(container("app", true, "stopTimeout", 300))));
    }
}
