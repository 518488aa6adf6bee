package dev.berth.engine.value;

import java.util.Map;
import java.util.TreeMap;

/**
 * A string-keyed collection: HCL maps and objects. Keys are kept sorted, which is the order
 * Terraform prints attributes in, so rendering and comparison are deterministic.
 */
public record MapValue(Map<String, Value> entries) implements Value {
    public MapValue {
        entries = SortedEntries.of(entries);
    }

    public static final MapValue EMPTY = new MapValue(Map.of());

    public Value get(String key) {
        Value v = entries.get(key);
        return v == null ? NullValue.INSTANCE : v;
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public MapValue with(String key, Value v) {
        return new MapValue(((SortedEntries) entries).with(key, v));
    }

    /** This map with every one of {@code changes} set, added or replaced. */
    public MapValue withAll(Map<String, Value> changes) {
        return new MapValue(((SortedEntries) entries).withAll(changes));
    }

    @Override
    public String typeName() {
        return "object";
    }

    /** Written out, as {@link StringValue}'s are. */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof MapValue m && entries.equals(m.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public boolean isWhollyKnown() {
        return ((SortedEntries) entries).isWhollyKnown();
    }

    @Override
    public boolean containsSensitive() {
        return ((SortedEntries) entries).containsSensitive();
    }

    @Override
    public Value unmarked() {
        if (!containsSensitive()) return this;
        TreeMap<String, Value> out = new TreeMap<>();
        entries.forEach((k, v) -> out.put(k, v.unmarked()));
        return new MapValue(out);
    }
}
