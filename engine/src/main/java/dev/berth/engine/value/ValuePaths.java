package dev.berth.engine.value;

import java.util.List;

/** Reading a value at an attribute path such as {@code ["container", 0, "name"]}. */
public final class ValuePaths {
    private ValuePaths() {
    }

    /** {@link #get(Value, List)} of the one-step path {@code [key]}, without making the path. */
    public static Value get(Value root, String key) {
        Value v = root instanceof SensitiveValue s ? s.inner() : root;
        if (v instanceof MapValue m) {
            Value next = m.entries().get(key);
            if (next == null && !m.has(key)) return null;
            return next == null ? NullValue.INSTANCE : next;
        }
        return v instanceof UnknownValue ? v : null;
    }

    /** The value at the path; null when the path leads nowhere (missing key, index out of range). */
    public static Value get(Value root, List<Object> path) {
        Value v = root;
        for (int at = 0; at < path.size(); at++) { // by index: no iterator per lookup
            Object step = path.get(at);
            if (v instanceof SensitiveValue s) v = s.inner();
            if (v instanceof MapValue m && step instanceof String key) {
                Value next = m.entries().get(key); // one search, where has() and get() made two
                if (next == null && !m.has(key)) return null;
                v = next == null ? NullValue.INSTANCE : next;
            } else if (v instanceof ListValue l && step instanceof Integer i) {
                if (i < 0 || i >= l.size()) return null;
                v = l.get(i);
            } else if (v instanceof UnknownValue) {
                return v;
            } else {
                return null;
            }
        }
        return v;
    }

    /**
     * Whether two values are the same once sensitivity markings are set aside. An attribute that
     * is absent from an object equals one that is null, as in Terraform's object types, so an
     * object read back by a provider that leaves out unset attributes is not a change.
     */
    public static boolean sameValue(Value a, Value b) {
        if (a == b) return true;
        if (a == null || b == null) return false;
        // Equal values are the same, markings and all: the common case (an unchanged object) is
        // answered slot by slot, without unmarking copies or gathering every object's keys.
        if (a.equals(b)) return true;
        return same(a.unmarked(), b.unmarked());
    }

    private static boolean same(Value a, Value b) {
        if (a instanceof MapValue x && b instanceof MapValue y) {
            if (x.equals(y)) return true;
            java.util.Set<String> keys = new java.util.HashSet<>(x.entries().keySet());
            keys.addAll(y.entries().keySet());
            for (String k : keys) if (!same(x.get(k), y.get(k))) return false;
            return true;
        }
        if (a instanceof ListValue x && b instanceof ListValue y) {
            if (x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++) if (!same(x.get(i), y.get(i))) return false;
            return true;
        }
        return a.equals(b);
    }
}
