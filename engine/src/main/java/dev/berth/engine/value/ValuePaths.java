package dev.berth.engine.value;

import java.util.List;

/** Reading a value at an attribute path such as {@code ["container", 0, "name"]}. */
public final class ValuePaths {
    private ValuePaths() {
    }

    /** The value at the path; null when the path leads nowhere (missing key, index out of range). */
    public static Value get(Value root, List<Object> path) {
        Value v = root;
        for (Object step : path) {
            if (v instanceof SensitiveValue s) v = s.inner();
            if (v instanceof MapValue m && step instanceof String key) {
                if (!m.has(key)) return null;
                v = m.get(key);
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

    /** Whether two values are the same once sensitivity markings are set aside. */
    public static boolean sameValue(Value a, Value b) {
        if (a == null || b == null) return a == b;
        return a.unmarked().equals(b.unmarked());
    }
}
