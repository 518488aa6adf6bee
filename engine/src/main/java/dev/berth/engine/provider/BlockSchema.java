package dev.berth.engine.provider;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The body of a resource or nested block: its attributes and the nested block types it allows.
 * Nested blocks decode to a list of objects under the block type's name.
 *
 * <p>A value, compared by its attributes and blocks. What the planner asks of a schema for every
 * resource of a plan (names in order, which attributes are derived, whether any force-new or
 * sensitive mark lies inside) is worked out once here rather than per resource: at 10,000
 * resources those walks of the schema were a tenth of a no-change plan.
 */
public final class BlockSchema {
    private final Map<String, AttributeSchema> attributes;
    private final Map<String, NestedBlock> blocks;
    private final List<AttributeSchema> attributesByName;
    private final List<NestedBlock> blocksByName;
    private final List<AttributeSchema> derivedAttributes;
    private final boolean forceNewInside;
    private final boolean sensitiveInside;

    public record NestedBlock(String name, BlockSchema body, int minItems, int maxItems, boolean forceNew) {
    }

    public BlockSchema(Map<String, AttributeSchema> attributes, Map<String, NestedBlock> blocks) {
        this.attributes = Map.copyOf(attributes);
        this.blocks = Map.copyOf(blocks);
        this.attributesByName = this.attributes.values().stream()
                .sorted(Comparator.comparing(AttributeSchema::name)).toList();
        this.blocksByName = this.blocks.values().stream().sorted(Comparator.comparing(NestedBlock::name)).toList();
        this.derivedAttributes = attributesByName.stream().filter(a -> !a.derivedFrom().isEmpty()).toList();
        this.forceNewInside = attributesByName.stream().anyMatch(AttributeSchema::forceNew)
                || blocksByName.stream().anyMatch(b -> b.forceNew() || b.body().forceNewInside);
        this.sensitiveInside = attributesByName.stream().anyMatch(a -> a.sensitive() || !a.sensitiveWithin().isEmpty())
                || blocksByName.stream().anyMatch(b -> b.body().sensitiveInside);
    }

    public static BlockSchema of(List<AttributeSchema> attributes, List<NestedBlock> blocks) {
        Map<String, AttributeSchema> a = new LinkedHashMap<>();
        for (AttributeSchema s : attributes) a.put(s.name(), s);
        Map<String, NestedBlock> b = new LinkedHashMap<>();
        for (NestedBlock n : blocks) b.put(n.name(), n);
        return new BlockSchema(a, b);
    }

    public static BlockSchema of(List<AttributeSchema> attributes) {
        return of(attributes, List.of());
    }

    public Map<String, AttributeSchema> attributes() {
        return attributes;
    }

    public Map<String, NestedBlock> blocks() {
        return blocks;
    }

    /** The attributes sorted by name. */
    public List<AttributeSchema> attributesByName() {
        return attributesByName;
    }

    /** The nested block types sorted by name. */
    public List<NestedBlock> blocksByName() {
        return blocksByName;
    }

    /** The attributes {@linkplain AttributeSchema#derivedFrom() derived} from others, by name. */
    public List<AttributeSchema> derivedAttributes() {
        return derivedAttributes;
    }

    /** Whether a force-new mark lies anywhere in this body: on an attribute, a block, or deeper. */
    public boolean forceNewInside() {
        return forceNewInside;
    }

    /** Whether an attribute anywhere in this body is sensitive, wholly or in parts. */
    public boolean sensitiveInside() {
        return sensitiveInside;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockSchema s && attributes.equals(s.attributes) && blocks.equals(s.blocks);
    }

    @Override
    public int hashCode() {
        return Objects.hash(attributes, blocks);
    }

    @Override
    public String toString() {
        return "BlockSchema[attributes=" + attributes + ", blocks=" + blocks + "]";
    }
}
