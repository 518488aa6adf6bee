package dev.berth.ecs.scheduler;

import dev.berth.ecs.scheduler.LiveCluster;
import dev.berth.ecs.scheduler.Placer;
import dev.berth.ecs.scheduler.model.ClusterSnapshot;

import java.util.List;

/**
 * The EC2 launch type's task placement, as pure functions over cluster snapshots.
 *
 * <p>Each task is placed in turn: instances that fail a binding check (agent, ACTIVE, constraints,
 * cpu, memory, ports) are out; the rest are ordered by the strategies and the first one wins;
 * the task is then counted on it before the next decision. Callers that place over and over (a
 * long-lived service controller, the benchmarks) can keep a {@link LiveCluster} and call
 * {@link Placer} directly, so indexes survive between requests.
 */
public final class Scheduler {
    private Scheduler() {
    }

    public static PlacementResult place(ClusterSnapshot snapshot, PlacementRequest request) {
        List<String> errors = request.validate();
        if (!errors.isEmpty()) throw new PlacementValidationException(errors);
        LiveCluster live = new LiveCluster(snapshot);
        Placer.Outcome o = Placer.place(live, request, true);
        return new PlacementResult(o.placements(), o.failure(), live.snapshot());
    }

    /** The tasks of {@code group} to stop to scale in by {@code count}, in stop order. */
    public static List<TaskToStop> chooseTasksToStop(ClusterSnapshot snapshot, String group, int count) {
        return ScaleIn.choose(snapshot, group, count);
    }
}
