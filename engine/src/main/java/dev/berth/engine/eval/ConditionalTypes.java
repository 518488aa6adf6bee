package dev.berth.engine.eval;

import dev.berth.engine.value.BoolValue;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.NumberValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The result type of {@code cond ? a : b}: Terraform gives both results one type before it
 * picks one, so {@code true ? 1 : "b"} is the string "1" and {@code true ? 1 : false} is an
 * error. berth's values carry no static type, so the unification is done on the two values:
 * primitives of different kinds become strings when one is a string, and tuples and objects of
 * the same shape are unified element by element. Shapes that differ are left as they are.
 */
final class ConditionalTypes {
    /** The two results cannot share a type; the message says which kinds met. */
    static final class Inconsistent extends RuntimeException {
        Inconsistent(String message) {
            super(message, null, false, false);
        }
    }

    private ConditionalTypes() {
    }

    /** {@code chosen} converted to the type it shares with {@code other}. */
    static Value unify(Value chosen, Value other) {
        if (chosen.isNull() || other.isNull() || !chosen.isWhollyKnown() || !other.isWhollyKnown()
                || chosen.containsSensitive() || other.containsSensitive()) {
            return chosen;
        }
        if (isPrimitive(chosen) && isPrimitive(other)) {
            if (chosen.getClass() == other.getClass()) return chosen;
            if (chosen instanceof StringValue || other instanceof StringValue) return Value.of(text(chosen));
            throw new Inconsistent("one result is " + chosen.typeName() + ", but the other is " + other.typeName());
        }
        if (isPrimitive(chosen) != isPrimitive(other)) {
            throw new Inconsistent("one result is " + kind(chosen) + ", but the other is " + kind(other));
        }
        if (chosen instanceof ListValue a && other instanceof ListValue b && a.set() && b.set()) {
            List<Value> both = new ArrayList<>(a.items());
            both.addAll(b.items());
            List<Value> unified;
            try {
                unified = dev.berth.engine.types.Type.list(dev.berth.engine.types.Type.ANY)
                        .convert(new ListValue(both)) instanceof ListValue l ? l.items() : both;
            } catch (dev.berth.engine.types.TypeConversionException e) {
                throw new Inconsistent("the two sets have different element types");
            }
            return ListValue.setOf(dev.berth.engine.types.ValueOrder.distinctSorted(unified.subList(0, a.size())));
        }
        if (chosen instanceof ListValue a && other instanceof ListValue b && !a.set() && !b.set() && a.size() == b.size()) {
            List<Value> out = new ArrayList<>(a.size());
            for (int i = 0; i < a.size(); i++) out.add(unify(a.get(i), b.get(i)));
            return new ListValue(out);
        }
        if (chosen instanceof MapValue a && other instanceof MapValue b && a.entries().keySet().equals(b.entries().keySet())) {
            Map<String, Value> out = new TreeMap<>();
            a.entries().forEach((k, v) -> out.put(k, unify(v, b.get(k))));
            return new MapValue(out);
        }
        return chosen;
    }

    private static String kind(Value v) {
        return isPrimitive(v) ? v.typeName() : v instanceof ListValue l ? (l.set() ? "set" : "tuple") : "object";
    }

    private static boolean isPrimitive(Value v) {
        return v instanceof StringValue || v instanceof NumberValue || v instanceof BoolValue;
    }

    private static String text(Value v) {
        return v instanceof StringValue s ? s.value() : v instanceof NumberValue n ? n.toString() : v.toString();
    }
}
