package dev.berth.engine.state;

import dev.berth.engine.addrs.ResourceInstanceAddr;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The state as of one serial. Lineage identifies the state's history: a saved plan made against
 * one lineage must never be applied to another.
 */
public record StateSnapshot(String lineage, long serial, Map<ResourceInstanceAddr, ResourceState> resources,
                            Map<String, OutputState> outputs) {
    public StateSnapshot {
        resources = Collections.unmodifiableSortedMap(new TreeMap<>(resources));
        outputs = Collections.unmodifiableSortedMap(new TreeMap<>(outputs));
    }

    public static StateSnapshot empty(String lineage) {
        return new StateSnapshot(lineage, 0, Map.of(), Map.of());
    }

    public Optional<ResourceState> resource(ResourceInstanceAddr addr) {
        return Optional.ofNullable(resources.get(addr));
    }

    public boolean isEmpty() {
        return resources.isEmpty() && outputs.isEmpty();
    }
}
