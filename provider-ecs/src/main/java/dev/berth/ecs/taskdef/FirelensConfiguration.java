package dev.berth.ecs.taskdef;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.TreeMap;

/** A container's {@code firelensConfiguration}: the log router {@code type} (fluentbit or fluentd) and its options. */
public record FirelensConfiguration(String type, Map<String, String> options) {
    public FirelensConfiguration {
        options = options == null ? Map.of() : new TreeMap<>(options);
    }

    /** The view of a {@code firelensConfiguration} JSON object; null when absent or null. */
    public static FirelensConfiguration of(JsonNode node) {
        if (node == null || node.isNull() || !node.isObject()) return null;
        JsonNode type = node.get("type");
        return new FirelensConfiguration(type == null || type.isNull() ? null : type.asText(),
                LogConfiguration.strings(node.get("options")));
    }
}
