package dev.berth.ecs.store;

import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a control plane holds: every row by table and key, every counter by name. What a
 * migration between stores carries across (leases are not: they only say who keeps what now).
 */
public record StoreContents(Map<String, Map<String, String>> rows, Map<String, Long> counters) {
    public StoreContents {
        Map<String, Map<String, String>> copy = new TreeMap<>();
        rows.forEach((t, r) -> copy.put(t, java.util.Collections.unmodifiableMap(new TreeMap<>(r))));
        rows = java.util.Collections.unmodifiableMap(copy);
        counters = java.util.Collections.unmodifiableMap(new TreeMap<>(counters));
    }

    public int rowCount() {
        return rows.values().stream().mapToInt(Map::size).sum();
    }

    public boolean isEmpty() {
        return rows.isEmpty() && counters.isEmpty();
    }
}
