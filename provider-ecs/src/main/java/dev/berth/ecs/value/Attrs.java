package dev.berth.ecs.value;

import dev.berth.engine.value.BoolValue;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.NumberValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.UnknownValue;
import dev.berth.engine.value.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads typed Java values out of engine values. Sensitive markings are dropped here because the
 * provider's logic needs the plain value; the engine keeps the markings on its own copy.
 * Every getter returns null for both null and unknown, so callers check {@link #unknown} first
 * where the difference matters.
 */
public final class Attrs {
    private Attrs() {
    }

    public static Value raw(MapValue obj, String key) {
        return obj == null ? Value.nil() : obj.get(key).unmarked();
    }

    public static boolean unknown(MapValue obj, String key) {
        return !raw(obj, key).isWhollyKnown();
    }

    public static boolean isUnknown(Value v) {
        return v.unmarked() instanceof UnknownValue;
    }

    public static String string(MapValue obj, String key) {
        return string(raw(obj, key));
    }

    public static String string(Value v) {
        Value u = v.unmarked();
        if (u instanceof StringValue s) return s.value();
        if (u instanceof NumberValue n) return n.toString();
        if (u instanceof BoolValue b) return b.toString();
        return null;
    }

    public static BigDecimal number(MapValue obj, String key) {
        return number(raw(obj, key));
    }

    public static BigDecimal number(Value v) {
        Value u = v.unmarked();
        if (u instanceof NumberValue n) return n.value();
        if (u instanceof StringValue s) {
            try {
                return new BigDecimal(s.value().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    public static Boolean bool(Value v) {
        Value u = v.unmarked();
        if (u instanceof BoolValue b) return b.value();
        if (u instanceof StringValue s && (s.value().equals("true") || s.value().equals("false"))) {
            return Boolean.parseBoolean(s.value());
        }
        return null;
    }

    /** List items, or an empty list when the value is null or not a list. */
    public static List<Value> items(Value v) {
        return v.unmarked() instanceof ListValue l ? l.items() : List.of();
    }

    public static List<Value> items(MapValue obj, String key) {
        return items(raw(obj, key));
    }

    /** Strings of a list; null when the value is null. Unknown elements come back as null. */
    public static List<String> strings(Value v) {
        if (!(v.unmarked() instanceof ListValue l)) return null;
        List<String> out = new ArrayList<>();
        for (Value item : l.items()) out.add(string(item));
        return out;
    }

    public static Map<String, String> stringMap(Value v) {
        if (!(v.unmarked() instanceof MapValue m)) return null;
        Map<String, String> out = new TreeMap<>();
        m.entries().forEach((k, val) -> out.put(k, string(val)));
        return out;
    }

    public static Value ofStrings(List<String> items) {
        List<Value> out = new ArrayList<>();
        for (String s : items) out.add(Value.of(s));
        return Value.list(out);
    }

    public static Value ofStringMap(Map<String, String> entries) {
        Map<String, Value> out = new TreeMap<>();
        entries.forEach((k, v) -> out.put(k, Value.of(v)));
        return Value.map(out);
    }

    /** A copy of {@code obj} with several keys replaced at once. */
    public static MapValue with(MapValue obj, Map<String, Value> changes) {
        return obj.withAll(changes);
    }
}
