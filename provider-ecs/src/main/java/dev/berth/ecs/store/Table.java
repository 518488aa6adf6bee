package dev.berth.ecs.store;


import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A provider store table whose rows are one record type, stored as JSON. */
public final class Table<T> {
    private final EcsStore store;
    private final String name;
    private final Class<T> type;

    public Table(EcsStore store, String name, Class<T> type) {
        this.store = store;
        this.name = name;
        this.type = type;
    }

    public Optional<T> get(String key) {
        return store.get(name, key).map(json -> Decoded.read(json, type));
    }

    /** The rows of {@code keys} that exist, by key, read at once (see {@link EcsStore#getAll}). */
    public java.util.Map<String, T> getAll(java.util.Collection<String> keys) {
        java.util.Map<String, T> out = new java.util.HashMap<>();
        store.getAll(name, keys).forEach((key, json) -> out.put(key, Json.read(json, type)));
        return out;
    }

    public void put(String key, T row) {
        store.put(name, key, Json.write(row));
    }

    /**
     * Changes the row in one step ({@link EcsStore#update}): {@code change} gets the row as stored
     * now (null: none) and returns the row to store (null: leave it). Returns the row afterwards.
     */
    public Optional<T> update(String key, java.util.function.UnaryOperator<T> change) {
        return store.update(name, key, json -> {
            T now = json == null ? null : Decoded.read(json, type);
            T next = change.apply(now);
            return next == null || next.equals(now) ? null : Json.write(next);
        }).map(json -> Decoded.read(json, type));
    }

    public void delete(String key) {
        store.delete(name, key);
    }

    /** Every row by key, in key order. */
    public java.util.Map<String, T> entries() {
        java.util.Map<String, T> out = new java.util.LinkedHashMap<>();
        store.list(name).forEach((key, json) -> out.put(key, Decoded.read(json, type)));
        return out;
    }

    /**
     * Every row by key as one read of the table sees them, decoded only when asked for: for
     * looking up some rows of a large table without decoding or copying all of them.
     */
    public java.util.function.Function<String, T> lookup() {
        java.util.Map<String, String> rows = store.list(name);
        return key -> {
            String json = rows.get(key);
            return json == null ? null : Decoded.read(json, type);
        };
    }

    /** Every row, in key order. */
    public List<T> all() {
        List<T> out = new ArrayList<>();
        for (String json : store.list(name).values()) out.add(Decoded.read(json, type));
        return out;
    }
}
