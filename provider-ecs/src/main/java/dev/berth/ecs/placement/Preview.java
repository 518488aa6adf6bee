package dev.berth.ecs.placement;

import dev.berth.ecs.scheduler.Placement;
import dev.berth.ecs.scheduler.PlacementResult;
import dev.berth.ecs.scheduler.TaskToStop;
import dev.berth.ecs.scheduler.model.ClusterSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The whole deployment a plan would run, walked on a copy of the snapshot assuming every task
 * starts; the lines a plan prints under the service, or the failure that makes the plan an error.
 */
public record Preview(List<String> notes, Optional<String> error) {
    /** Enough steps for any rollout of up to thousands of tasks; a loop beyond is a bug, not a plan. */
    static final int MAX_STEPS = 1000;

    public static Preview of(ClusterSnapshot snapshot, ServiceSpec spec) {
        return of(snapshot, spec, false);
    }

    /** {@code fargate}: the snapshot is the account's Fargate capacity, and failures say so as ECS does. */
    public static Preview of(ClusterSnapshot snapshot, ServiceSpec spec, boolean fargate) {
        List<Placement> starts = new ArrayList<>();
        List<TaskToStop> stops = new ArrayList<>();
        ClusterSnapshot s = snapshot;
        int steps = 0;
        try {
            for (Optional<Reconciler.Step> step = Reconciler.next(s, spec); step.isPresent() && steps < MAX_STEPS;
                 step = Reconciler.next(s, spec)) {
                steps++;
                if (step.get().failure().isPresent()) {
                    var failure = step.get().failure().get();
                    return new Preview(List.of(), Optional.of(fargate ? FargateQuota.message(spec.subject(), failure)
                            : failure.message()));
                }
                starts.addAll(step.get().starts());
                stops.addAll(step.get().stops());
                s = step.get().after();
            }
        } catch (IllegalArgumentException unplaceable) {
            // The request itself is wrong (PlacementValidationException) or the bounds deadlock.
            return new Preview(List.of(), Optional.of("The service cannot be deployed: " + unplaceable.getMessage() + "."));
        }
        List<String> notes = new ArrayList<>();
        if (!starts.isEmpty()) {
            notes.add("placement: " + new PlacementResult(starts, Optional.empty(), s).summary());
        }
        if (!stops.isEmpty()) notes.add("stop: " + stopSummary(snapshot, stops));
        if (steps > 1) {
            notes.add("rollout: " + steps + " steps, between " + spec.minimumHealthyPercent() + "% and "
                    + spec.maximumPercent() + "% of " + spec.desired() + " tasks");
        }
        return new Preview(notes, Optional.empty());
    }

    private static String stopSummary(ClusterSnapshot snapshot, List<TaskToStop> stops) {
        Map<String, Integer> counts = new TreeMap<>();
        for (TaskToStop t : stops) counts.merge(t.instanceId(), 1, Integer::sum);
        List<String> parts = new ArrayList<>();
        counts.forEach((id, n) -> {
            String name = snapshot.instance(id).map(i -> i.shortName() + (i.zone() == null ? "" : " (" + i.zone() + ")"))
                    .orElse(id);
            parts.add(n + (n == 1 ? " task on " : " tasks on ") + name);
        });
        return String.join(", ", parts);
    }
}
