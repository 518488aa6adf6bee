package dev.berth.ecs.service;

import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.runtime.ContainerInfo;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Restarts from what inspect says (start time, restart count), never from the engine's event log. */
class EngineViewReaderTest {
    private static final Instant RECORDED = Instant.parse("2026-12-03T08:00:00.500Z");

    private static TaskRow row(String containerId) {
        return new TaskRow("task", "svc", "cluster", "td", TaskRow.RUNNING, 1, RECORDED.toString(), null, null,
                List.of(new TaskRow.TaskContainer("app", containerId, true)), Map.of());
    }

    private static ContainerInfo container(String id, Instant startedAt, int restartCount) {
        return new ContainerInfo(id, id, "busybox", Map.of(), "running", null, List.of(), 0, 0, 0, Map.of(),
                startedAt, restartCount, true);
    }

    @Test
    void aContainerStartedBeforeItsTaskWasRecordedHasNotRestarted() {
        assertEquals(Map.of(), EngineViewReader.restarts(
                List.of(container("c1", RECORDED.minusMillis(400), 0)), List.of(row("c1"))));
    }

    @Test
    void aStartAfterTheTaskWasRecordedIsOneRestart() {
        assertEquals(Map.of("c1", 1), EngineViewReader.restarts(
                List.of(container("c1", RECORDED.plusSeconds(30), 0)), List.of(row("c1"))));
    }

    @Test
    void theRestartPolicysCountIsKept() {
        assertEquals(Map.of("c1", 3), EngineViewReader.restarts(
                List.of(container("c1", RECORDED.plusSeconds(30), 3)), List.of(row("c1"))));
    }

    @Test
    void aStartTheAgentMadeForTheRestartPolicyIsNotDriftButALaterOneIs() {
        TaskRow restarted = row("c1").withRestart("app", RECORDED.plusSeconds(31).toString());
        assertEquals(Map.of(), EngineViewReader.restarts(
                List.of(container("c1", RECORDED.plusSeconds(30), 0)), List.of(restarted)));
        assertEquals(Map.of("c1", 1), EngineViewReader.restarts(
                List.of(container("c1", RECORDED.plusSeconds(90), 0)), List.of(restarted)));
    }

    @Test
    void containersNoRunningTaskRecordsAndUnknownStartTimesAreNoRestarts() {
        TaskRow stopped = row("c1").stopped("2026-12-03T09:00:00Z", "done");
        assertEquals(Map.of(), EngineViewReader.restarts(List.of(container("c1", RECORDED.plusSeconds(30), 0),
                container("c2", null, 0)), List.of(stopped, row("c2"))));
    }
}
