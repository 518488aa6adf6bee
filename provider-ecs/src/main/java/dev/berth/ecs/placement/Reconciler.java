package dev.berth.ecs.placement;

import dev.berth.ecs.scheduler.Placement;
import dev.berth.ecs.scheduler.PlacementFailure;
import dev.berth.ecs.scheduler.PlacementResult;
import dev.berth.ecs.scheduler.Rollout;
import dev.berth.ecs.scheduler.Scheduler;
import dev.berth.ecs.scheduler.TaskToStop;
import dev.berth.ecs.scheduler.model.ClusterSnapshot;
import dev.berth.ecs.scheduler.model.ContainerInstance;
import dev.berth.ecs.scheduler.model.InstanceStatus;
import dev.berth.ecs.scheduler.model.RunningTask;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides a service's next deployment step from a cluster snapshot; pure. A task is "old" when it
 * runs another revision, sits on a DRAINING or disconnected instance, or is marked for
 * replacement; each step starts and stops as many tasks as ECS's two bounds allow (the counts of
 * {@link Rollout}, with the tasks of the target revision already running counted as started), so
 * the apply and the plan's preview walk the very same steps.
 */
public final class Reconciler {
    /** One step: tasks to start where the scheduler put them, tasks to stop, and what could not be placed. */
    public record Step(List<Placement> starts, List<TaskToStop> stops, Optional<PlacementFailure> failure,
                       ClusterSnapshot after) {
    }

    private Reconciler() {
    }

    /** The next step, or empty when the service is steady. Throws IllegalArgumentException when the bounds deadlock. */
    public static Optional<Step> next(ClusterSnapshot snapshot, ServiceSpec spec) {
        List<RunningTask> old = new ArrayList<>(), current = new ArrayList<>();
        for (ContainerInstance i : snapshot.instances()) {
            for (RunningTask t : i.runningTasks()) {
                if (!t.group().equals(spec.group())) continue;
                (isOld(i, t, spec) ? old : current).add(t);
            }
        }
        if (old.isEmpty() && current.size() == spec.desired()) return Optional.empty();
        if (old.isEmpty() && current.size() > spec.desired()) {
            List<TaskToStop> stops = Scheduler.chooseTasksToStop(only(snapshot, current::contains), spec.group(),
                    current.size() - spec.desired());
            return Optional.of(new Step(List.of(), stops, Optional.empty(), without(snapshot, stops)));
        }
        int lower = Rollout.lowerLimit(spec.desired(), spec.minimumHealthyPercent());
        int upper = Rollout.upperLimit(spec.desired(), spec.maximumPercent());
        int running = old.size() + current.size();
        int start = Math.max(0, Math.min(spec.desired() - current.size(), upper - running));
        int stop = Math.max(0, Math.min(old.size(), running - lower));
        if (start == 0 && stop == 0) {
            throw new IllegalArgumentException("the deployment cannot progress: with " + old.size() + " old and "
                    + current.size() + " new tasks running, a minimum healthy of " + lower + " and a maximum of " + upper
                    + " tasks allow neither a start nor a stop; raise deployment_maximum_percent or lower "
                    + "deployment_minimum_healthy_percent");
        }
        PlacementResult placed = Scheduler.place(snapshot, spec.request(start));
        List<TaskToStop> stops = chooseOld(snapshot, spec, old, stop);
        return Optional.of(new Step(placed.placements(), stops, placed.failure(), without(placed.snapshot(), stops)));
    }

    /** Tasks on instances that take no tasks go first; then ECS's scale-in order among the rest. */
    private static List<TaskToStop> chooseOld(ClusterSnapshot snapshot, ServiceSpec spec, List<RunningTask> old, int count) {
        List<TaskToStop> out = new ArrayList<>();
        for (ContainerInstance i : snapshot.instances()) {
            if (i.status() == InstanceStatus.ACTIVE && i.agentConnected()) continue;
            for (RunningTask t : i.runningTasks()) {
                if (out.size() < count && old.contains(t)) out.add(new TaskToStop(i.id(), i.zone(), t.taskId()));
            }
        }
        if (out.size() < count) {
            List<String> taken = out.stream().map(TaskToStop::taskId).toList();
            out.addAll(Scheduler.chooseTasksToStop(only(snapshot, t -> old.contains(t) && !taken.contains(t.taskId())),
                    spec.group(), count - out.size()));
        }
        return out;
    }

    private static boolean isOld(ContainerInstance i, RunningTask t, ServiceSpec spec) {
        return !t.taskDefinition().equals(spec.task().taskDefinition()) || i.status() != InstanceStatus.ACTIVE
                || !i.agentConnected() || spec.replace().contains(t.taskId());
    }

    private static ClusterSnapshot only(ClusterSnapshot s, Predicate<RunningTask> keep) {
        List<ContainerInstance> out = new ArrayList<>();
        for (ContainerInstance i : s.instances()) out.add(i.withTasks(i.runningTasks().stream().filter(keep).toList()));
        return new ClusterSnapshot(s.cluster(), out, s.engines());
    }

    public static ClusterSnapshot without(ClusterSnapshot s, List<TaskToStop> stops) {
        List<String> ids = stops.stream().map(TaskToStop::taskId).toList();
        return only(s, t -> !ids.contains(t.taskId()));
    }
}
