package dev.berth.ecs.agent;

import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateRepairerTest {
    private static Value task(String arn, String status) {
        return new MapValue(Map.of("arn", Value.of(arn), "last_status", Value.of(status)));
    }

    private static MapValue service(int desired, int running, List<Value> tasks, List<Value> orphans) {
        return new MapValue(Map.of("desired_count", Value.of(desired), "running_count", Value.of(running),
                "tasks", Value.list(tasks), "orphaned_containers", Value.list(orphans)));
    }

    @Test
    void aServiceRunsAsDesiredOnlyWithItsRecordedTasksAndNoOrphans() {
        MapValue stored = service(2, 2, List.of(task("a", "RUNNING"), task("b", "RUNNING")), List.of());
        assertTrue(StateRepairer.runsAsDesired(stored, stored));
        assertFalse(StateRepairer.runsAsDesired(stored,
                service(2, 1, List.of(task("a", "RUNNING"), task("b", "STOPPED")), List.of())));
        assertFalse(StateRepairer.runsAsDesired(stored,
                service(2, 2, List.of(task("a", "RUNNING"), task("b", "RUNNING")), List.of(Value.of("x")))));
        assertFalse(StateRepairer.runsAsDesired(stored,
                service(2, 2, List.of(task("a", "RUNNING"), task("c", "RUNNING")), List.of())));
    }

    @Test
    void runningListsOnlyRunningTasks() {
        assertEquals(List.of("a"), StateRepairer.running(
                service(2, 1, List.of(task("a", "RUNNING"), task("b", "STOPPED")), List.of())));
    }
}
