package dev.berth.ecs.scheduler;

import dev.berth.ecs.scheduler.model.ClusterSnapshot;
import dev.berth.ecs.scheduler.model.ContainerInstance;
import dev.berth.ecs.scheduler.model.RunningTask;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which tasks a service stops when it scales in, following the ECS service scheduler's documented
 * default: pick the Availability Zone with the most running tasks of the service, then within it
 * the container instance with the most tasks of the service, and stop a task there; repeat with
 * the counts updated. Within an instance the newest task (latest start) goes first, since it has
 * served the least and is likeliest to be still warming up. ECS leaves ties open; berth breaks
 * them by zone name, then instance id, then task id, so plans are reproducible. Instances without
 * a zone attribute form one zone of their own, ranked like any other.
 */
final class ScaleIn {
    private ScaleIn() {
    }

    static List<TaskToStop> choose(ClusterSnapshot snapshot, String group, int count) {
        Map<String, Integer> perZone = new HashMap<>();
        Map<String, List<RunningTask>> perInstance = new HashMap<>();
        for (ContainerInstance inst : snapshot.instances()) {
            List<RunningTask> mine = new ArrayList<>();
            for (RunningTask t : inst.runningTasks()) if (t.group().equals(group)) mine.add(t);
            if (mine.isEmpty()) continue;
            // Newest last, so the next to stop is always at the end.
            mine.sort(Comparator.comparingLong(RunningTask::startedAt).thenComparing(RunningTask::taskId, Comparator.reverseOrder()));
            perInstance.put(inst.id(), mine);
            perZone.merge(zoneKey(inst), mine.size(), Integer::sum);
        }
        List<TaskToStop> out = new ArrayList<>();
        while (out.size() < count && !perZone.isEmpty()) {
            String zone = perZone.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .orElseThrow().getKey();
            ContainerInstance inst = snapshot.instances().stream()
                    .filter(i -> zoneKey(i).equals(zone) && perInstance.containsKey(i.id()))
                    .max(Comparator.<ContainerInstance>comparingInt(i -> perInstance.get(i.id()).size())
                            .thenComparing(ContainerInstance::id, Comparator.reverseOrder()))
                    .orElseThrow();
            List<RunningTask> mine = perInstance.get(inst.id());
            RunningTask victim = mine.remove(mine.size() - 1);
            out.add(new TaskToStop(inst.id(), inst.zone(), victim.taskId()));
            if (mine.isEmpty()) perInstance.remove(inst.id());
            perZone.computeIfPresent(zone, (z, n) -> n == 1 ? null : n - 1);
        }
        return out;
    }

    /** Instances without a zone sort after every named zone ("~" is above letters and digits). */
    private static String zoneKey(ContainerInstance i) {
        return Objects.requireNonNullElse(i.zone(), "~no-zone");
    }
}
