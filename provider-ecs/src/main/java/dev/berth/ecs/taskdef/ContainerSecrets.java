package dev.berth.ecs.taskdef;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A container's {@code secrets [{name, valueFrom}]}: each environment variable and the reference
 * to the secret that fills it. Only references live here; values are read when the container is
 * created (see {@code dev.berth.ecs.secret}).
 *
 * @param entries the entries in the order written (a name may repeat; {@link #problems} says so)
 */
public record ContainerSecrets(List<Entry> entries) {
    public static final String FIELD = "secrets";
    public static final ContainerSecrets NONE = new ContainerSecrets(List.of());

    public record Entry(String name, String valueFrom) {
    }

    public ContainerSecrets {
        entries = List.copyOf(entries);
    }

    /** The container's secrets, from its canonical definition. */
    public static ContainerSecrets of(ContainerDefinition c) {
        return fromJson(c.extra(FIELD));
    }

    /**
     * Its log configuration's {@code secretOptions}: the same {name, valueFrom} shape, resolved the
     * same way, each naming a log driver option rather than a variable.
     */
    public static ContainerSecrets logOptions(ContainerDefinition c) {
        JsonNode log = c.extra("logConfiguration");
        return log == null ? NONE : fromJson(log.get("secretOptions"));
    }

    /** Reads the field's JSON (null: absent); entries without a text name or valueFrom are kept as null. */
    static ContainerSecrets fromJson(JsonNode node) {
        if (node == null || !node.isArray()) return NONE;
        List<Entry> out = new ArrayList<>();
        for (JsonNode e : node) out.add(new Entry(text(e, "name"), text(e, "valueFrom")));
        return new ContainerSecrets(out);
    }

    private static String text(JsonNode e, String field) {
        JsonNode v = e == null ? null : e.get(field);
        return v == null || !v.isTextual() ? null : v.textValue();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Environment variable to valueFrom, for the runtime. */
    public Map<String, String> byVariable() {
        Map<String, String> out = new TreeMap<>();
        for (Entry e : entries) if (e.name() != null && e.valueFrom() != null) out.put(e.name(), e.valueFrom());
        return Collections.unmodifiableMap(out);
    }
}
