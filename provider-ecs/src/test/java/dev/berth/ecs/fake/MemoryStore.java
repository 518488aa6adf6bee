package dev.berth.ecs.fake;

import dev.berth.ecs.store.EcsStore;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An in-memory provider store for pure-logic tests. */
public final class MemoryStore implements EcsStore {
    private final Map<String, TreeMap<String, String>> tables = new HashMap<>();
    private final Map<String, Long> counters = new HashMap<>();

    @Override
    public synchronized Optional<String> get(String table, String key) {
        return Optional.ofNullable(tables.getOrDefault(table, new TreeMap<>()).get(key));
    }

    @Override
    public synchronized void put(String table, String key, String json) {
        tables.computeIfAbsent(table, t -> new TreeMap<>()).put(key, json);
    }

    @Override
    public synchronized void delete(String table, String key) {
        tables.getOrDefault(table, new TreeMap<>()).remove(key);
    }

    @Override
    public synchronized Map<String, String> list(String table) {
        return new TreeMap<>(tables.getOrDefault(table, new TreeMap<>()));
    }

    @Override
    public synchronized long next(String counter) {
        return counters.merge(counter, 1L, Long::sum);
    }
}
