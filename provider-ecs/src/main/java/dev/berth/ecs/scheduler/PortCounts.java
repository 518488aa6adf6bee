package dev.berth.ecs.scheduler;

import java.util.HashMap;
import java.util.Map;

/**
 * Host-port use counts for one instance or engine. Counts, not a set, because a port can be held
 * twice on an engine (once per instance sharing it) when a snapshot arrives already conflicting,
 * and stopping one holder must not free it for the other.
 */
final class PortCounts {
    private final Map<Integer, Integer> counts = new HashMap<>();

    boolean inUse(int key) {
        return counts.containsKey(key);
    }

    void add(int key) {
        counts.merge(key, 1, Integer::sum);
    }

    void remove(int key) {
        counts.computeIfPresent(key, (k, v) -> v == 1 ? null : v - 1);
    }
}
