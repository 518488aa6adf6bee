package dev.berth.ecs.taskdef;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A container's {@code logConfiguration} as ECS writes it: {@code logDriver}, {@code options}
 * (a string map) and {@code secretOptions} ({@code name}, {@code valueFrom}). A typed view over
 * the canonical JSON the field table keeps; it parses nothing the table has not checked, so a
 * value of the wrong kind reads as absent here.
 */
public record LogConfiguration(String logDriver, Map<String, String> options, List<SecretOption> secretOptions) {
    public record SecretOption(String name, String valueFrom) {
    }

    public LogConfiguration {
        options = options == null ? Map.of() : new TreeMap<>(options);
        secretOptions = secretOptions == null ? List.of() : List.copyOf(secretOptions);
    }

    /** The view of a {@code logConfiguration} JSON object; null when the node is absent or null. */
    public static LogConfiguration of(JsonNode node) {
        if (node == null || node.isNull() || !node.isObject()) return null;
        JsonNode driver = node.get("logDriver");
        return new LogConfiguration(driver == null || driver.isNull() ? null : driver.asText(),
                strings(node.get("options")), secrets(node.get("secretOptions")));
    }

    /** The container's log configuration; null when it has none. */
    public static LogConfiguration of(ContainerDefinition c) {
        return of(c.extra("logConfiguration"));
    }

    /** An option's value, or null. */
    public String option(String name) {
        return options.get(name);
    }

    static Map<String, String> strings(JsonNode node) {
        Map<String, String> out = new TreeMap<>();
        if (node == null || !node.isObject()) return out;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNull()) out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private static List<SecretOption> secrets(JsonNode node) {
        List<SecretOption> out = new ArrayList<>();
        if (node == null || !node.isArray()) return out;
        for (JsonNode s : node) {
            out.add(new SecretOption(s.path("name").asText(null), s.path("valueFrom").asText(null)));
        }
        return out;
    }
}
