package dev.berth.engine.decode;

import dev.berth.engine.provider.AttributeType;
import dev.berth.engine.value.BoolValue;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.NumberValue;
import dev.berth.engine.value.SensitiveValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts configuration values to a provider attribute's type the way Terraform does: numbers
 * and bools become strings where a string is wanted, numeric strings become numbers, tuples
 * become lists. Unknown and null pass through; sensitivity is kept.
 */
public final class AttributeTypes {
    private AttributeTypes() {
    }

    /** Thrown with a message that completes "Inappropriate value for attribute X: ...". */
    public static final class Mismatch extends RuntimeException {
        public Mismatch(String message) {
            super(message, null, false, false);
        }
    }

    public static Value convert(AttributeType type, Value v) {
        if (v instanceof SensitiveValue s) {
            try {
                return Value.sensitive(convert(type, s.inner()));
            } catch (Mismatch m) {
                throw new Mismatch("a " + type.friendlyName() + " is required; the given value is not shown "
                        + "because it is sensitive.");
            }
        }
        if (v.isNull() || !v.isWhollyKnown() && !(v instanceof ListValue) && !(v instanceof MapValue)) return v;
        return switch (type) {
            case STRING -> toStringValue(v);
            case NUMBER -> toNumber(v);
            case BOOL -> toBool(v);
            case LIST_OF_STRING -> new ListValue(strings(v, "list of string"));
            case SET_OF_STRING -> new ListValue(new ArrayList<>(new LinkedHashSet<>(sorted(strings(v, "set of string")))));
            case MAP_OF_STRING -> mapOfString(v);
            case ANY -> v;
        };
    }

    private static Value toStringValue(Value v) {
        if (v instanceof StringValue) return v;
        if (v instanceof NumberValue n) return new StringValue(n.toString());
        if (v instanceof BoolValue b) return new StringValue(b.toString());
        throw new Mismatch("string required, but found " + article(v.typeName()) + ".");
    }

    private static Value toNumber(Value v) {
        if (v instanceof NumberValue) return v;
        if (v instanceof StringValue s) {
            try {
                return new NumberValue(new BigDecimal(s.value().trim()));
            } catch (NumberFormatException e) {
                throw new Mismatch("a number is required, but \"" + s.value() + "\" is not a number.");
            }
        }
        throw new Mismatch("a number is required, but found " + article(v.typeName()) + ".");
    }

    private static Value toBool(Value v) {
        if (v instanceof BoolValue) return v;
        if (v instanceof StringValue s && (s.value().equals("true") || s.value().equals("false"))) {
            return Value.of(s.value().equals("true"));
        }
        throw new Mismatch("a bool is required, but found " + article(v.typeName()) + ".");
    }

    private static List<Value> strings(Value v, String what) {
        if (!(v instanceof ListValue l)) throw new Mismatch(what + " required, but found " + article(v.typeName()) + ".");
        List<Value> out = new ArrayList<>(l.size());
        for (int i = 0; i < l.size(); i++) {
            try {
                out.add(convert(AttributeType.STRING, l.get(i)));
            } catch (Mismatch m) {
                throw new Mismatch("element " + i + ": " + m.getMessage());
            }
        }
        return out;
    }

    private static List<Value> sorted(List<Value> values) {
        if (!values.stream().allMatch(x -> x instanceof StringValue)) return values;
        return values.stream().sorted((a, b) -> ((StringValue) a).value().compareTo(((StringValue) b).value())).toList();
    }

    private static Value mapOfString(Value v) {
        if (!(v instanceof MapValue m)) throw new Mismatch("map of string required, but found " + article(v.typeName()) + ".");
        Map<String, Value> out = new TreeMap<>();
        for (var e : m.entries().entrySet()) {
            try {
                out.put(e.getKey(), convert(AttributeType.STRING, e.getValue()));
            } catch (Mismatch x) {
                throw new Mismatch("element \"" + e.getKey() + "\": " + x.getMessage());
            }
        }
        return new MapValue(out);
    }

    private static String article(String typeName) {
        return switch (typeName) {
            case "object", "unknown" -> "an " + typeName;
            default -> "a " + typeName;
        };
    }
}
