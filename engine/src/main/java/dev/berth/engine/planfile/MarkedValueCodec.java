package dev.berth.engine.planfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.engine.value.BoolValue;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.NullValue;
import dev.berth.engine.value.NumberValue;
import dev.berth.engine.value.SensitiveValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.UnknownValue;
import dev.berth.engine.value.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A value with its markings as JSON, exactly reversible. Primitives are written as themselves;
 * every structured value is a one-key object naming what it is ({@code list}, {@code map},
 * {@code unknown}, {@code sensitive}), so a map whose user keys happen to look like a tag can
 * never be mistaken for a marking. Unlike the state's codec this must carry unknowns: a plan's
 * after values hold them until apply.
 */
final class MarkedValueCodec {
    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private MarkedValueCodec() {
    }

    static JsonNode encode(Value v) {
        if (v == null) throw new IllegalArgumentException("a plan value is missing");
        if (v instanceof NullValue) return NODES.nullNode();
        if (v instanceof StringValue s) return NODES.textNode(s.value());
        if (v instanceof NumberValue n) return NODES.numberNode(n.value());
        if (v instanceof BoolValue b) return NODES.booleanNode(b.value());
        ObjectNode tagged = NODES.objectNode();
        if (v instanceof ListValue l) {
            ArrayNode items = tagged.putArray("list");
            for (Value item : l.items()) items.add(encode(item));
        } else if (v instanceof MapValue m) {
            ObjectNode entries = tagged.putObject("map");
            m.entries().forEach((k, item) -> entries.set(k, encode(item)));
        } else if (v instanceof UnknownValue) {
            tagged.put("unknown", true);
        } else if (v instanceof SensitiveValue s) {
            tagged.set("sensitive", encode(s.inner()));
        }
        return tagged;
    }

    /** Null for a JSON null is {@link NullValue}; a missing node is a damaged file. */
    static Value decode(JsonNode n) {
        if (n == null || n.isMissingNode()) throw new PlanFileException.Damaged("a value is missing");
        if (n.isNull()) return NullValue.INSTANCE;
        if (n.isTextual()) return new StringValue(n.textValue());
        if (n.isBoolean()) return Value.of(n.booleanValue());
        if (n.isNumber()) return new NumberValue(n.isIntegralNumber() ? new BigDecimal(n.bigIntegerValue()) : n.decimalValue());
        if (!n.isObject() || n.size() != 1) throw new PlanFileException.Damaged("a value has an unknown shape");
        Map.Entry<String, JsonNode> tag = n.fields().next();
        JsonNode body = tag.getValue();
        return switch (tag.getKey()) {
            case "list" -> {
                if (!body.isArray()) throw new PlanFileException.Damaged("a list value is not an array");
                List<Value> items = new ArrayList<>(body.size());
                for (JsonNode item : body) items.add(decode(item));
                yield new ListValue(items);
            }
            case "map" -> {
                if (!body.isObject()) throw new PlanFileException.Damaged("a map value is not an object");
                Map<String, Value> entries = new TreeMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    entries.put(e.getKey(), decode(e.getValue()));
                }
                yield new MapValue(entries);
            }
            case "unknown" -> UnknownValue.INSTANCE;
            case "sensitive" -> Value.sensitive(decode(body));
            default -> throw new PlanFileException.Damaged("a value is tagged \"" + tag.getKey() + "\"");
        };
    }

    /** A map value, as every resource's before and after is; null stays null (no object). */
    static MapValue decodeObject(JsonNode n) {
        if (n == null || n.isNull()) return null;
        Value v = decode(n);
        if (v instanceof MapValue m) return m;
        throw new PlanFileException.Damaged("a resource value is not an object");
    }
}
