package dev.berth.ecs.agent;

import dev.berth.ecs.resource.EcsLabels;
import dev.berth.ecs.runtime.ContainerEvent;
import dev.berth.ecs.store.TaskRow;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskEventsTest {
    private static final String ARN = "arn:aws:ecs:local:000000000000:task/c/abc";

    private static TaskRow row(String status) {
        return new TaskRow(ARN, "svc", "cluster", "td", status, 1, "t", null, null,
                List.of(new TaskRow.TaskContainer("web", "id1", true), new TaskRow.TaskContainer("probe", "id2", false)),
                Map.of());
    }

    private static ContainerEvent event(String action, String container) {
        return new ContainerEvent("id", action, 0, Map.of(EcsLabels.TASK_ARN, ARN, EcsLabels.CONTAINER_NAME, container,
                "exitCode", "137"));
    }

    @Test
    void anEssentialContainerDyingStopsItsRunningTask() {
        Verdict v = TaskEvents.judge(event("die", "web"), row(TaskRow.RUNNING));
        assertTrue(v.stops());
        assertEquals("EssentialContainerExited", v.stopCode());
        assertEquals("Essential container in task exited", v.stoppedReason());
        assertEquals(137, event("die", "web").exitCode());
    }

    @Test
    void anUnhealthyEssentialContainerStopsItsTaskWithEcsReason() {
        Verdict v = TaskEvents.judge(event("health_status: unhealthy", "web"), row(TaskRow.RUNNING));
        assertTrue(v.stops());
        assertEquals("ServiceSchedulerInitiated", v.stopCode());
        assertEquals("Task failed container health checks", v.stoppedReason());
        assertFalse(TaskEvents.judge(event("health_status: healthy", "web"), row(TaskRow.RUNNING)).stops());
    }

    @Test
    void sidecarsStoppedTasksStartingTasksAndUnknownTasksAreLeftAlone() {
        assertFalse(TaskEvents.judge(event("die", "probe"), row(TaskRow.RUNNING)).stops());
        assertFalse(TaskEvents.judge(event("die", "web"), row(TaskRow.STOPPED)).stops());
        assertFalse(TaskEvents.judge(event("die", "web"), row(TaskRow.PENDING)).stops());
        assertFalse(TaskEvents.judge(event("die", "web"), null).stops());
        assertFalse(TaskEvents.judge(event("start", "web"), row(TaskRow.RUNNING)).stops());
    }

    @Test
    void tasksOnlyMoveForward() {
        assertTrue(TaskStates.canMove("PROVISIONING", "PENDING"));
        assertTrue(TaskStates.canMove("PENDING", "RUNNING"));
        assertTrue(TaskStates.canMove("RUNNING", "STOPPED"));
        assertTrue(TaskStates.canMove("PROVISIONING", "STOPPED"));
        assertFalse(TaskStates.canMove("STOPPED", "RUNNING"));
        assertFalse(TaskStates.canMove("RUNNING", "PENDING"));
        assertFalse(TaskStates.canMove("RUNNING", "RUNNING"));
        assertFalse(TaskStates.canMove("RUNNING", "GONE"));
    }

    @Test
    void oldRowsWithoutAStopCodeReadBackAndStoppingKeepsTheReason() {
        TaskRow stopped = row(TaskRow.RUNNING).stopped("now", TaskRow.USER_INITIATED, "Stopped by hand");
        assertEquals("STOPPED", stopped.status());
        assertEquals("UserInitiated", stopped.stopCode());
        assertEquals("Stopped by hand", stopped.stoppedReason());
        assertEquals("EssentialContainerExited", row(TaskRow.RUNNING).stopped("now",
                TaskRow.ESSENTIAL_EXITED_REASON).stopCode());
        assertEquals(null, row(TaskRow.RUNNING).stopCode());
    }
}
