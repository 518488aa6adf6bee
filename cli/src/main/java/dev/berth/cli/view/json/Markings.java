package dev.berth.cli.view.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.SensitiveValue;
import dev.berth.engine.value.UnknownValue;
import dev.berth.engine.value.Value;
import dev.berth.engine.value.ValueJson;

import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import static dev.berth.cli.view.json.JsonDocs.NODES;

/**
 * A value's markings in the shapes of Terraform's JSON plan. {@link #unknown} and
 * {@link #sensitive} mirror the value: {@code true} at a marked leaf, objects and arrays where the
 * value has them, object entries that are {@code false} left out (Terraform's compaction), array
 * elements kept so positions still line up. {@link #plain} is the value itself with unknowns left
 * out, as Terraform's {@code omitUnknowns} does, and with every sensitive part replaced by null:
 * berth never prints a sensitive value, not even in JSON, where Terraform would.
 */
final class Markings {
    private Markings() {
    }

    /** Terraform's unknownAsBool: a sensitive wrapper is looked through. */
    static JsonNode unknown(Value v) {
        return mirror(v, x -> x instanceof UnknownValue, x -> x instanceof SensitiveValue s ? s.inner() : x);
    }

    /** Terraform's SensitiveAsBool; a missing value (the before of a create) is {@code false}. */
    static JsonNode sensitive(Value v) {
        return mirror(v, x -> x instanceof SensitiveValue, x -> x);
    }

    /**
     * The value's shape with {@code true} where {@code marked} holds, arrays for lists and objects
     * (leaving out unmarked keys) for maps, {@code false} elsewhere: the shape of Terraform's
     * *_unknown and *_sensitive maps.
     */
    private static JsonNode mirror(Value v, Predicate<Value> marked, UnaryOperator<Value> through) {
        Value seen = through.apply(v);
        if (marked.test(seen)) return BooleanNode.TRUE;
        if (seen instanceof ListValue l) {
            ArrayNode arr = NODES.arrayNode();
            for (Value item : l.items()) arr.add(mirror(item, marked, through));
            return arr;
        }
        if (seen instanceof MapValue m) {
            ObjectNode obj = NODES.objectNode();
            m.entries().forEach((k, item) -> {
                JsonNode inner = mirror(item, marked, through);
                if (!inner.equals(BooleanNode.FALSE)) obj.set(k, inner);
            });
            return obj;
        }
        return BooleanNode.FALSE;
    }

    /**
     * after_unknown of a resource change: {@code {}} when nothing is unknown (including a delete,
     * which has no after), as Terraform writes it, otherwise the mirrored shape.
     */
    static JsonNode afterUnknown(Value after) {
        if (after == null || after.isWhollyKnown()) return NODES.objectNode();
        return unknown(after);
    }

    /**
     * The printable value; Java null when the value as a whole is unknown, which callers show
     * by leaving the key out. A missing value (null) is JSON null.
     */
    static JsonNode plain(Value v) {
        if (v == null || v instanceof SensitiveValue) return NODES.nullNode();
        if (v instanceof UnknownValue) return null;
        if (v instanceof ListValue l) {
            ArrayNode arr = NODES.arrayNode();
            for (Value item : l.items()) {
                JsonNode p = plain(item);
                // Element positions are how after_unknown lines up with after, so keep a null.
                arr.add(p == null ? NODES.nullNode() : p);
            }
            return arr;
        }
        if (v instanceof MapValue m) {
            ObjectNode obj = NODES.objectNode();
            m.entries().forEach((k, item) -> {
                JsonNode p = plain(item);
                if (p != null) obj.set(k, p);
            });
            return obj;
        }
        return ValueJson.toJsonNode(v);
    }

    /** {@link #plain}, with a wholly unknown value as JSON null, for places that always have the key. */
    static JsonNode plainOrNull(Value v) {
        JsonNode p = plain(v);
        return p == null ? NODES.nullNode() : p;
    }

    /** The type Terraform would infer for the value, as cty's JSON type syntax. */
    static JsonNode type(Value v) {
        if (v instanceof SensitiveValue s) return type(s.inner());
        if (v instanceof ListValue l) {
            ArrayNode tuple = NODES.arrayNode().add("tuple");
            ArrayNode items = tuple.addArray();
            for (Value item : l.items()) items.add(type(item));
            return tuple;
        }
        if (v instanceof MapValue m) {
            ArrayNode object = NODES.arrayNode().add("object");
            ObjectNode attrs = object.addObject();
            m.entries().forEach((k, item) -> attrs.set(k, type(item)));
            return object;
        }
        return switch (v.typeName()) {
            case "string", "number", "bool" -> NODES.textNode(v.typeName());
            default -> NODES.textNode("dynamic");
        };
    }
}
