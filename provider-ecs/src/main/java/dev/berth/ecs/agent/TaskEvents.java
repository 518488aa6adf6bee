package dev.berth.ecs.agent;

import dev.berth.ecs.resource.EcsLabels;
import dev.berth.ecs.runtime.ContainerEvent;
import dev.berth.ecs.runtime.TaskLife;
import dev.berth.ecs.store.TaskRow;

/**
 * Reads a container event against its task's row. Only essential containers decide a task's
 * fate (as in ECS, by {@link TaskLife}'s one rule); a dying sidecar is left alone. A task already past RUNNING (stopped by an
 * apply, or replayed after a reconnect) is never stopped twice, and one still starting is the
 * starter's to judge: it reports a container that exits at once itself.
 */
public final class TaskEvents {
    /** Docker's action for a failed health check; other health_status actions mean nothing here. */
    static final String UNHEALTHY = "health_status: unhealthy";

    private TaskEvents() {
    }

    public static Verdict judge(ContainerEvent event, TaskRow row) {
        if (row == null || !row.running()) return Verdict.NONE;
        String container = event.attributes().get(EcsLabels.CONTAINER_NAME);
        if (!TaskLife.endsTask(container == null ? null : row.essential(container))) return Verdict.NONE;
        String action = event.action().trim();
        if (action.equals("die")) {
            return Verdict.stopped(TaskRow.ESSENTIAL_CONTAINER_EXITED, TaskRow.ESSENTIAL_EXITED_REASON);
        }
        if (action.equals(UNHEALTHY)) {
            // ECS's service scheduler replaces a task whose essential container fails its checks.
            return Verdict.stopped(TaskRow.SERVICE_SCHEDULER_INITIATED, TaskRow.HEALTH_CHECK_REASON);
        }
        return Verdict.NONE;
    }
}
