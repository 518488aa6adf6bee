package dev.berth.engine.state;

import dev.berth.engine.addrs.ResourceInstanceAddr;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state as of one serial. Lineage identifies the state's history: a saved plan made against
 * one lineage must never be applied to another. {@code resources} holds each instance's current
 * object; {@code deposed} the old objects that create_before_destroy set aside and that are yet
 * to be destroyed, ordered by address and key.
 */
public record StateSnapshot(String lineage, long serial, Map<ResourceInstanceAddr, ResourceState> resources,
                            Map<String, OutputState> outputs, List<DeposedObject> deposed) {
    public StateSnapshot {
        resources = SortedView.of(resources);
        outputs = SortedView.of(outputs);
        deposed = deposed.stream().sorted(Comparator.comparing(DeposedObject::addr).thenComparing(DeposedObject::key))
                .toList();
    }

    /** A snapshot without deposed objects. */
    public StateSnapshot(String lineage, long serial, Map<ResourceInstanceAddr, ResourceState> resources,
                         Map<String, OutputState> outputs) {
        this(lineage, serial, resources, outputs, List.of());
    }

    /** The same snapshot with other current objects (refresh, moved blocks); deposed objects stay. */
    public StateSnapshot withResources(Map<ResourceInstanceAddr, ResourceState> other) {
        return new StateSnapshot(lineage, serial, other, outputs, deposed);
    }

    public static StateSnapshot empty(String lineage) {
        return new StateSnapshot(lineage, 0, Map.of(), Map.of());
    }

    public Optional<ResourceState> resource(ResourceInstanceAddr addr) {
        return Optional.ofNullable(resources.get(addr));
    }

    public boolean isEmpty() {
        return resources.isEmpty() && outputs.isEmpty() && deposed.isEmpty();
    }
}
