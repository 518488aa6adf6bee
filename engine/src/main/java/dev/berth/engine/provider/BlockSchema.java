package dev.berth.engine.provider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of a resource or nested block: its attributes and the nested block types it allows.
 * Nested blocks decode to a list of objects under the block type's name.
 */
public record BlockSchema(Map<String, AttributeSchema> attributes, Map<String, NestedBlock> blocks) {

    public record NestedBlock(String name, BlockSchema body, int minItems, int maxItems, boolean forceNew) {
    }

    public static BlockSchema of(List<AttributeSchema> attributes, List<NestedBlock> blocks) {
        Map<String, AttributeSchema> a = new LinkedHashMap<>();
        for (AttributeSchema s : attributes) a.put(s.name(), s);
        Map<String, NestedBlock> b = new LinkedHashMap<>();
        for (NestedBlock n : blocks) b.put(n.name(), n);
        return new BlockSchema(Map.copyOf(a), Map.copyOf(b));
    }

    public static BlockSchema of(List<AttributeSchema> attributes) {
        return of(attributes, List.of());
    }
}
