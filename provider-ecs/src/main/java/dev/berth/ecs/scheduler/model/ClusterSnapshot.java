package dev.berth.ecs.scheduler.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The container instances of one cluster at a point in time, kept sorted by id for determinism.
 * {@code engines} holds, by engine, what engines shared with instances outside the snapshot
 * can hold and already hold; an engine not listed is the snapshot's alone and unbounded beyond
 * its instances' registered sizes.
 */
public record ClusterSnapshot(String cluster, List<ContainerInstance> instances, Map<String, EngineLoad> engines) {
    public ClusterSnapshot(String cluster, List<ContainerInstance> instances) {
        this(cluster, instances, Map.of());
    }

    public ClusterSnapshot {
        engines = Map.copyOf(engines);
        List<ContainerInstance> sorted = new ArrayList<>(instances);
        sorted.sort(Comparator.comparing(ContainerInstance::id));
        Set<String> seen = new HashSet<>();
        for (ContainerInstance i : sorted) {
            if (!seen.add(i.id())) throw new IllegalArgumentException("duplicate container instance " + i.id());
        }
        instances = List.copyOf(sorted);
    }

    public Optional<ContainerInstance> instance(String id) {
        return instances.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public int taskCount() {
        return instances.stream().mapToInt(i -> i.runningTasks().size()).sum();
    }

    public long tasksOfGroup(String group) {
        return instances.stream().flatMap(i -> i.runningTasks().stream()).filter(t -> t.group().equals(group)).count();
    }
}
