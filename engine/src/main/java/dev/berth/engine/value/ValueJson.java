package dev.berth.engine.value;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts values to and from JSON. Numbers travel as exact decimals in both directions so a
 * state file or a {@code jsonencode} result never picks up binary floating point noise.
 */
public final class ValueJson {
    // exactBigDecimals keeps 1.50 as written rather than routing it through double.
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .nodeFactory(NODES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            // Scientific notation is valid JSON but nobody writes 1E-7 in a config; keep it plain.
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private ValueJson() {
    }

    /** Compact JSON with sorted keys. Sensitive markings are dropped; unknowns are rejected. */
    public static String toJson(Value v) {
        // Written as it is walked, with the calls a tree of it would make: jsonencode runs for
        // every resource a plan decodes, and the tree was a third of what that allocated.
        java.io.StringWriter out = new java.io.StringWriter();
        try (JsonGenerator g = MAPPER.createGenerator(out)) {
            write(g, v);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot serialise value as JSON: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Value v) throws IOException {
        if (v instanceof NullValue) {
            g.writeNull();
        } else if (v instanceof StringValue s) {
            g.writeString(s.value());
        } else if (v instanceof NumberValue n) {
            if (n.isInteger()) g.writeNumber(n.value().toBigIntegerExact());
            else g.writeNumber(n.value());
        } else if (v instanceof BoolValue b) {
            g.writeBoolean(b.value());
        } else if (v instanceof ListValue l) {
            g.writeStartArray();
            for (Value item : l.items()) write(g, item);
            g.writeEndArray();
        } else if (v instanceof MapValue m) {
            g.writeStartObject();
            for (Map.Entry<String, Value> e : m.entries().entrySet()) {
                g.writeFieldName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof SensitiveValue s) {
            write(g, s.inner());
        } else {
            throw new IllegalArgumentException("cannot serialise an unknown value (known after apply) as JSON");
        }
    }

    /**
     * The value as a JSON tree, built directly rather than from {@link #write}'s tokens: through a
     * token buffer it took twice as long (measured on maps of 20 attributes), and {@code plan
     * -json} and {@code show -json} convert every object's values.
     */
    public static JsonNode toJsonNode(Value v) {
        if (v instanceof NullValue) return NODES.nullNode();
        if (v instanceof StringValue s) return NODES.textNode(s.value());
        if (v instanceof NumberValue n) {
            return n.isInteger() ? NODES.numberNode(n.value().toBigIntegerExact()) : NODES.numberNode(n.value());
        }
        if (v instanceof BoolValue b) return NODES.booleanNode(b.value());
        if (v instanceof ListValue l) {
            ArrayNode arr = NODES.arrayNode(l.size());
            for (Value item : l.items()) arr.add(toJsonNode(item));
            return arr;
        }
        if (v instanceof MapValue m) {
            ObjectNode obj = NODES.objectNode();
            // MapValue keys are already sorted, and ObjectNode keeps insertion order.
            m.entries().forEach((k, item) -> obj.set(k, toJsonNode(item)));
            return obj;
        }
        if (v instanceof SensitiveValue s) return toJsonNode(s.inner());
        throw new IllegalArgumentException("cannot serialise an unknown value (known after apply) as JSON");
    }

    /** Parses a single JSON document; numbers become exact decimals. */
    public static Value fromJson(String json) {
        if (json == null) throw new IllegalArgumentException("cannot parse JSON: input is null");
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON: " + describe(e), e);
        }
        if (node == null || node.isMissingNode()) {
            throw new IllegalArgumentException("invalid JSON: no content");
        }
        return fromJsonNode(node);
    }

    public static Value fromJsonNode(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return NullValue.INSTANCE;
        if (node.isTextual()) return new StringValue(node.textValue());
        if (node.isBoolean()) return Value.of(node.booleanValue());
        if (node.isNumber()) return new NumberValue(exact(node));
        if (node.isArray()) {
            List<Value> items = new ArrayList<>(node.size());
            for (JsonNode item : node) items.add(fromJsonNode(item));
            return new ListValue(items);
        }
        if (node.isObject()) {
            Map<String, Value> entries = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                entries.put(f.getKey(), fromJsonNode(f.getValue()));
            }
            return new MapValue(entries);
        }
        throw new IllegalArgumentException("unsupported JSON node type " + node.getNodeType());
    }

    private static BigDecimal exact(JsonNode node) {
        if (node.isBigDecimal() || node.isFloatingPointNumber()) return node.decimalValue();
        return new BigDecimal(node.bigIntegerValue());
    }

    private static String describe(JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        var loc = e.getLocation();
        if (loc == null) return msg;
        return msg + " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }
}
