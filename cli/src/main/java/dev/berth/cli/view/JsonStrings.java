package dev.berth.cli.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Recognises strings that hold a JSON object or array (task and container definitions are
 * passed around as such strings) so their changes can be shown structurally rather than as one
 * unreadable line. Only documents starting with a bracket count, as in Terraform: a string such
 * as {@code "42"} is valid JSON but is just a string to the reader.
 */
final class JsonStrings {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonStrings() {
    }

    static Optional<Value> parse(String s) {
        if (!s.startsWith("{") && !s.startsWith("[")) return Optional.empty();
        try {
            return Optional.of(toValue(MAPPER.readTree(s)));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static Value toValue(JsonNode n) {
        if (n.isObject()) {
            Map<String, Value> m = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(e.getKey(), toValue(e.getValue()));
            }
            return new MapValue(m);
        }
        if (n.isArray()) {
            List<Value> items = new ArrayList<>(n.size());
            for (JsonNode item : n) items.add(toValue(item));
            return new ListValue(items);
        }
        if (n.isTextual()) return Value.of(n.textValue());
        if (n.isNumber()) return Value.of(n.decimalValue());
        if (n.isBoolean()) return Value.of(n.booleanValue());
        return Value.nil();
    }
}
