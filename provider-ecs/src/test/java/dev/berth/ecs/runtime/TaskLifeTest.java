package dev.berth.ecs.runtime;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskLifeTest {
    @Test
    void onlyContainersMarkedNonEssentialMayEndWithoutEndingTheTask() {
        assertTrue(TaskLife.endsTask(true));
        assertTrue(TaskLife.endsTask(null), "a container the task does not list counts as essential");
        assertFalse(TaskLife.endsTask(false));
    }

    @Test
    void aTaskRunsWhileEveryEssentialContainerRuns() {
        Map<String, Boolean> essential = Map.of("web", true, "sidecar", false);
        assertTrue(TaskLife.runs(essential, Map.of("web", true, "sidecar", true)));
        assertTrue(TaskLife.runs(essential, Map.of("web", true, "sidecar", false)), "a sidecar may exit");
        assertTrue(TaskLife.runs(essential, Map.of("web", true)), "a sidecar may be gone");
        assertFalse(TaskLife.runs(essential, Map.of("web", false, "sidecar", true)));
        assertFalse(TaskLife.runs(essential, Map.of("sidecar", true)), "a removed essential container ends it");
    }

    @Test
    void containersTheTaskDoesNotListCountAsEssential() {
        assertTrue(TaskLife.runs(Map.of(), Map.of("a", true, "b", true)));
        assertFalse(TaskLife.runs(Map.of(), Map.of("a", true, "b", false)));
        assertFalse(TaskLife.runs(Map.of(), Map.of()), "no container runs");
    }
}
