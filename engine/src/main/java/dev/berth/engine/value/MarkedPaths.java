package dev.berth.engine.value;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Sensitive markings addressed by path ({@code ["container", 0, "environment", "PASSWORD"]}), so
 * they can be lifted off a value handed to a provider and put back on what the provider returns,
 * as Terraform does with its path-value marks.
 */
public final class MarkedPaths {
    private MarkedPaths() {
    }

    /**
     * The paths of the outermost markings of {@code v}; the empty path when {@code v} is marked as
     * a whole. Markings inside a marked value add nothing (the whole is hidden) and are left out.
     */
    public static Set<List<Object>> of(Value v) {
        Set<List<Object>> out = new LinkedHashSet<>();
        collect(v, new ArrayList<>(), out);
        return out;
    }

    private static void collect(Value v, List<Object> path, Set<List<Object>> out) {
        if (v instanceof SensitiveValue) {
            out.add(List.copyOf(path));
        } else if (v instanceof MapValue m) {
            m.entries().forEach((k, x) -> {
                path.add(k);
                collect(x, path, out);
                path.remove(path.size() - 1);
            });
        } else if (v instanceof ListValue l) {
            for (int i = 0; i < l.size(); i++) {
                path.add(i);
                collect(l.get(i), path, out);
                path.remove(path.size() - 1);
            }
        }
    }

    /**
     * {@code v} with the value at {@code path} marked sensitive. A path that runs into an unknown
     * marks the unknown (whatever it turns out to be holds the marked part); a path that leads
     * nowhere, or to null, changes nothing.
     */
    public static Value mark(Value v, List<Object> path) {
        return mark(v, path, 0);
    }

    private static Value mark(Value v, List<Object> path, int at) {
        if (v == null || v instanceof NullValue || v instanceof SensitiveValue) return v;
        if (at == path.size() || v instanceof UnknownValue) return Value.sensitive(v);
        Object step = path.get(at);
        if (v instanceof MapValue m && step instanceof String key && m.has(key)) {
            TreeMap<String, Value> copy = new TreeMap<>(m.entries());
            copy.put(key, mark(m.get(key), path, at + 1));
            return new MapValue(copy);
        }
        if (v instanceof ListValue l && step instanceof Integer i && i >= 0 && i < l.size()) {
            List<Value> copy = new ArrayList<>(l.items());
            copy.set(i, mark(l.get(i), path, at + 1));
            return new ListValue(copy);
        }
        return v;
    }

    /** {@code v} with every path of {@code paths} marked. */
    public static Value markAll(Value v, Iterable<List<Object>> paths) {
        for (List<Object> p : paths) v = mark(v, p);
        return v;
    }
}
