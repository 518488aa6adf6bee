package dev.berth.state;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Value to JSON and back, kept private to the state module so the file format does not move
 * when the engine's own JSON rendering does.
 *
 * <p>A value is stored as plain JSON with its sensitive markings stripped, beside a separate list
 * of the paths that were marked (Terraform's {@code sensitive_attributes}): each path is an array
 * of steps, a string for a map key and an integer for a list index, and {@code []} marks the value
 * itself. Keeping the markings apart means the plain JSON stays readable by tools, while the exact
 * placement of every {@link SensitiveValue}, nested ones included, survives a round trip.
 * Numbers are written as exact decimals in plain notation and read back as {@code BigDecimal}, so
 * {@code 0.1} never becomes a binary float. Unknown values cannot be stored: state only ever holds
 * what a provider reported.
 */
final class ValueCodec {

    static final JsonMapper JSON = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private static final JsonNodeFactory NODES = JSON.getNodeFactory();

    private ValueCodec() {
    }

    /** A value split into its plain JSON and the paths that were marked sensitive. */
    record Encoded(JsonNode plain, ArrayNode sensitivePaths) {
    }

    static Encoded encode(Value value) {
        ArrayNode paths = NODES.arrayNode();
        JsonNode plain = encode(value, new ArrayList<>(), paths);
        return new Encoded(plain, paths);
    }

    static Value decode(JsonNode plain, JsonNode sensitivePaths) {
        return decode(decodePlain(plain), sensitivePaths);
    }

    private static Value decode(Value plain, JsonNode sensitivePaths) {
        Value v = plain;
        List<List<Object>> paths = new ArrayList<>();
        if (sensitivePaths != null) {
            for (JsonNode p : sensitivePaths) paths.add(readPath(p));
        }
        // Deepest first, so marking an outer value wraps the already-marked inner ones rather
        // than hiding them from the walk down.
        paths.sort(Comparator.comparingInt((List<Object> p) -> p.size()).reversed());
        for (List<Object> p : paths) v = markAt(v, p, 0);
        return v;
    }

    /**
     * {@link #decode(JsonNode, JsonNode)} of the stored text, read as it streams by rather than
     * through a tree first: a state of 100,000 objects is read on every plan. Gives exactly what
     * decoding the parsed tree gives.
     */
    static Value decode(String plain, String sensitivePaths) {
        Value v;
        try (JsonParser p = JSON.getFactory().createParser(plain)) {
            p.nextToken();
            v = read(p);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("corrupt JSON in state file: " + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("corrupt JSON in state file: " + e.getMessage(), e);
        }
        return NO_PATHS.equals(sensitivePaths) ? v : decode(v, parse(sensitivePaths));
    }

    /** The list of no sensitive paths, as {@link #write} renders it. */
    private static final String NO_PATHS = "[]";

    /**
     * Values a state repeats in every object (empty lists; "256", "awsvpc", "FARGATE", an image
     * name) decoded once: a background berth keeps every decoded object between plans, and at
     * 100,000 objects the copies were about 40 MB. Values are immutable, so sharing them is safe;
     * short strings only, and no more than {@link #SHARED_MAX} of them for the life of the JVM.
     */
    private static final ListValue NO_ITEMS = new ListValue(List.of());
    private static final int SHARED_UP_TO = 40;
    private static final int SHARED_MAX = 4096;
    private static final ConcurrentHashMap<String, StringValue> STRINGS = new ConcurrentHashMap<>();

    private static StringValue string(String s) {
        if (s.length() > SHARED_UP_TO) return new StringValue(s);
        StringValue known = STRINGS.get(s);
        if (known != null) return known;
        StringValue v = new StringValue(s);
        if (STRINGS.size() < SHARED_MAX) STRINGS.putIfAbsent(s, v);
        return v;
    }

    private static Value read(JsonParser p) throws java.io.IOException {
        JsonToken t = p.currentToken();
        if (t == null) return NullValue.INSTANCE;
        switch (t) {
            case VALUE_NULL:
                return NullValue.INSTANCE;
            case VALUE_STRING:
                return string(p.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new NumberValue(p.getDecimalValue());
            case VALUE_TRUE:
                return BoolValue.TRUE;
            case VALUE_FALSE:
                return BoolValue.FALSE;
            case START_ARRAY: {
                if (p.nextToken() == JsonToken.END_ARRAY) return NO_ITEMS;
                List<Value> items = new ArrayList<>();
                do items.add(read(p)); while (p.nextToken() != JsonToken.END_ARRAY);
                return new ListValue(items);
            }
            case START_OBJECT: {
                Map<String, Value> entries = new TreeMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    entries.put(name, read(p));
                }
                return new MapValue(entries);
            }
            default:
                throw new IllegalArgumentException("unsupported JSON in state file: " + t);
        }
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("corrupt JSON in state file: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode encode(Value value, List<Object> path, ArrayNode paths) {
        if (value instanceof SensitiveValue s) {
            paths.add(writePath(path));
            return encode(s.inner(), path, paths);
        }
        if (value instanceof NullValue) return NODES.nullNode();
        if (value instanceof StringValue s) return NODES.textNode(s.value());
        if (value instanceof NumberValue n) return NODES.numberNode(n.value());
        if (value instanceof BoolValue b) return NODES.booleanNode(b.value());
        if (value instanceof ListValue l) {
            ArrayNode out = NODES.arrayNode();
            for (int i = 0; i < l.size(); i++) {
                path.add(i);
                out.add(encode(l.get(i), path, paths));
                path.remove(path.size() - 1);
            }
            return out;
        }
        if (value instanceof MapValue m) {
            ObjectNode out = NODES.objectNode();
            for (Map.Entry<String, Value> e : m.entries().entrySet()) {
                path.add(e.getKey());
                out.set(e.getKey(), encode(e.getValue(), path, paths));
                path.remove(path.size() - 1);
            }
            return out;
        }
        if (value instanceof UnknownValue) {
            throw new IllegalArgumentException("an unknown value cannot be stored in state"
                    + (path.isEmpty() ? "" : " (at " + path + ")"));
        }
        throw new IllegalArgumentException("unsupported value " + value.getClass().getName());
    }

    private static Value decodePlain(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return NullValue.INSTANCE;
        if (n.isTextual()) return new StringValue(n.textValue());
        if (n.isNumber()) return new NumberValue(n.decimalValue());
        if (n.isBoolean()) return n.booleanValue() ? BoolValue.TRUE : BoolValue.FALSE;
        if (n.isArray()) {
            List<Value> items = new ArrayList<>(n.size());
            for (JsonNode item : n) items.add(decodePlain(item));
            return new ListValue(items);
        }
        if (n.isObject()) {
            Map<String, Value> entries = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                entries.put(e.getKey(), decodePlain(e.getValue()));
            }
            return new MapValue(entries);
        }
        throw new IllegalArgumentException("unsupported JSON in state file: " + n.getNodeType());
    }

    private static Value markAt(Value v, List<Object> path, int depth) {
        if (depth == path.size()) return new SensitiveValue(v);
        if (v instanceof SensitiveValue s) return new SensitiveValue(markAt(s.inner(), path, depth));
        Object step = path.get(depth);
        if (step instanceof Integer i && v instanceof ListValue l && i >= 0 && i < l.size()) {
            List<Value> items = new ArrayList<>(l.items());
            items.set(i, markAt(items.get(i), path, depth + 1));
            return new ListValue(items);
        }
        if (step instanceof String k && v instanceof MapValue m && m.has(k)) {
            return m.with(k, markAt(m.get(k), path, depth + 1));
        }
        throw new IllegalArgumentException("sensitive path " + path + " does not exist in the stored value");
    }

    private static ArrayNode writePath(List<Object> path) {
        ArrayNode out = NODES.arrayNode();
        for (Object step : path) {
            if (step instanceof Integer i) out.add(i);
            else out.add((String) step);
        }
        return out;
    }

    private static List<Object> readPath(JsonNode p) {
        if (!p.isArray()) throw new IllegalArgumentException("corrupt sensitive path in state file: " + p);
        List<Object> out = new ArrayList<>(p.size());
        for (JsonNode step : p) {
            if (step.isInt()) out.add(step.intValue());
            else if (step.isTextual()) out.add(step.textValue());
            else throw new IllegalArgumentException("corrupt sensitive path in state file: " + p);
        }
        return out;
    }
}
