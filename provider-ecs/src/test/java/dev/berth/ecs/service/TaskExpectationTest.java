package dev.berth.ecs.service;

import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.berth.ecs.schema.ServiceSchema.C_PORTS;
import static dev.berth.ecs.schema.ServiceSchema.C_STATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskExpectationTest {
    private static final String INIT_AND_APP = "[{\"name\":\"init\",\"image\":\"busybox\",\"essential\":false},"
            + "{\"name\":\"app\",\"image\":\"busybox\",\"essential\":true,\"portMappings\":[{\"containerPort\":80}],"
            + "\"dependsOn\":[{\"containerName\":\"init\",\"condition\":\"SUCCESS\"}]}]";

    private static List<MapValue> planned(String containers) {
        TaskDefinitionRow td = new TaskDefinitionRow("td:1", "td", 1, "ACTIVE", "256", "512", "awsvpc",
                List.of("FARGATE"), null, null, containers, null);
        return TaskExpectation.of(td).containers().stream().map(c -> (MapValue) c.toValue()).toList();
    }

    @Test
    void aNonEssentialContainersStateIsKnownOnlyAfterApply() {
        // An init container exits by design: planning it "running" made apply inconsistent with the plan.
        List<MapValue> c = planned(INIT_AND_APP);
        assertTrue(c.get(0).get(C_STATE).unmarked() instanceof dev.berth.engine.value.UnknownValue, "init: " + c.get(0).get(C_STATE));
        assertEquals(Value.of("running"), c.get(1).get(C_STATE));
    }

    @Test
    void anAwsvpcTasksPortsAreExpectedOnTheNamespaceOwnerTheRuntimePicks() {
        // init is awaited to exit, so app owns the namespace and publishes the task's ports.
        List<MapValue> c = planned(INIT_AND_APP);
        assertEquals(Value.list(List.of()), c.get(0).get(C_PORTS));
        assertEquals(1, ((dev.berth.engine.value.ListValue) c.get(1).get(C_PORTS).unmarked()).size());
    }
}
