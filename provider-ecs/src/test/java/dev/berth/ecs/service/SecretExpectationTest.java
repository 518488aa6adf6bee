package dev.berth.ecs.service;

import dev.berth.ecs.store.TaskDefinitionRow;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A variable a secret sets is never compared with the engine, so its value (which the engine
 * shows) is never read back into a service's state, even when environment names it too.
 */
class SecretExpectationTest {
    @Test
    void variablesSetBySecretsAreLeftOutOfWhatIsCompared() {
        String containers = "[{\"name\":\"web\",\"image\":\"nginx\",\"memory\":64,\"essential\":true,"
                + "\"environment\":[{\"name\":\"DB\",\"value\":\"x\"},{\"name\":\"MODE\",\"value\":\"y\"}],"
                + "\"secrets\":[{\"name\":\"DB\",\"valueFrom\":\"db\"},{\"name\":\"TOKEN\",\"valueFrom\":\"t\"}]}]";
        TaskDefinitionRow td = new TaskDefinitionRow("arn:aws:ecs:local:000000000000:task-definition/web:1", "web", 1,
                "ACTIVE", null, null, "awsvpc", List.of("FARGATE"), null, null, containers, "2026-01-01T00:00:00Z");
        List<ContainerView> expected = TaskExpectation.of(td).containers();
        assertEquals(Map.of("MODE", "y"), expected.get(0).environment());
    }
}
