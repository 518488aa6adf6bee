package dev.berth.ecs.schema;

import dev.berth.engine.provider.AttributeSchema;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.value.Value;

import java.util.List;
import java.util.Map;

/**
 * What configuration would hold for arguments it leaves out: each attribute's default and an
 * empty list for each nested block type. An imported object gets these, so the first plan after
 * an import compares like with like instead of proposing to "add" defaults.
 */
public final class SchemaDefaults {
    private SchemaDefaults() {
    }

    public static void fill(ResourceSchema schema, Map<String, Value> attributes) {
        for (AttributeSchema a : schema.body().attributes().values()) {
            if (!attributes.containsKey(a.name()) && !a.defaultValue().isNull()) {
                attributes.put(a.name(), a.defaultValue());
            }
        }
        for (String block : schema.body().blocks().keySet()) attributes.putIfAbsent(block, Value.list(List.of()));
    }
}
