package dev.berth.ecs.taskdef.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.provider.AttributeSchema;
import dev.berth.engine.provider.AttributeType;
import dev.berth.engine.provider.BlockSchema;
import dev.berth.engine.provider.BlockSchema.NestedBlock;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The HCL side of the field tables: the block schema they define, a block's values turned into
 * ECS's JSON (which {@link FieldReader} then reads like any other JSON, so both forms have one
 * parser), and canonical JSON turned back into block values for what refresh reads.
 */
public final class HclFields {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HclFields() {
    }

    /** A block's values in ECS's JSON; unknown values are left out and named in {@code unknown}. */
    public record Converted(ObjectNode json, Set<String> unknown, List<BadNumber> badNumbers) {
    }

    /** A number that is not a whole number; {@code path} is relative to the resource. */
    public record BadNumber(List<Object> path, String value) {
    }

    // --- schema -----------------------------------------------------------------------------

    /** The block body for a table: scalars and maps as attributes, objects as nested blocks. */
    public static BlockSchema schema(List<Field> fields, boolean forceNew) {
        List<AttributeSchema> attributes = new ArrayList<>();
        List<NestedBlock> blocks = new ArrayList<>();
        for (Field f : fields) {
            if (f.hclFlat()) {
                attributes.add(attribute(f.hcl(), f.children().get(0).kind(), f, forceNew));
            } else if (f.kind().nested()) {
                blocks.add(new NestedBlock(f.hcl(), schema(f.children(), false), 0,
                        f.kind() == Kind.OBJECT ? 1 : 0, forceNew));
            } else {
                attributes.add(attribute(f.hcl(), f.kind(), f, forceNew));
            }
        }
        return BlockSchema.of(attributes, blocks);
    }

    private static AttributeSchema attribute(String name, Kind kind, Field f, boolean forceNew) {
        AttributeType type = switch (kind) {
            case STRING -> AttributeType.STRING;
            case INTEGER -> AttributeType.NUMBER;
            case BOOLEAN -> AttributeType.BOOL;
            case STRINGS, INTEGERS -> AttributeType.LIST_OF_STRING;
            case STRING_MAP, NAME_VALUES -> AttributeType.MAP_OF_STRING;
            case OBJECT, OBJECTS -> throw new IllegalArgumentException(name + " is a block");
        };
        AttributeSchema.Builder b = AttributeSchema.named(name, type);
        b = f.mandatory() ? b.required() : f.hclDefault() != null ? b.defaultValue(f.hclDefault()) : b.optional();
        if (forceNew) b = b.forceNew();
        if (f.description() != null) b = b.description(f.description());
        return b.build();
    }

    // --- HCL -> JSON --------------------------------------------------------------------------

    /** One block's values as ECS's JSON object; {@code at} is the block's path in the resource. */
    public static Converted toJson(MapValue block, List<Field> fields, List<Object> at) {
        Set<String> unknown = new HashSet<>();
        List<BadNumber> bad = new ArrayList<>();
        ObjectNode json = NODES.objectNode();
        for (Field f : fields) {
            Value v = Attrs.raw(block, f.hcl());
            if (v.isNull()) continue;
            if (!v.isWhollyKnown()) {
                unknown.add(f.json());
                if (!f.kind().nested() || Attrs.isUnknown(v)) continue;
            }
            JsonNode out = f.hclFlat() ? flat(v, f, at, bad) : value(v, f, path(at, f.hcl()), bad);
            if (out != null) json.set(f.json(), out);
        }
        return new Converted(json, unknown, bad);
    }

    private static JsonNode flat(Value v, Field f, List<Object> at, List<BadNumber> bad) {
        Field only = f.children().get(0);
        JsonNode inner = scalar(v, only.kind(), path(at, f.hcl()), bad);
        return inner == null ? null : NODES.objectNode().set(only.json(), inner);
    }

    private static JsonNode value(Value v, Field f, List<Object> at, List<BadNumber> bad) {
        return switch (f.kind()) {
            case STRINGS, INTEGERS -> {
                ArrayNode a = NODES.arrayNode();
                List<Value> items = Attrs.items(v);
                for (int i = 0; i < items.size(); i++) {
                    if (!items.get(i).isWhollyKnown()) continue;
                    JsonNode s = scalar(items.get(i), f.kind() == Kind.STRINGS ? Kind.STRING : Kind.INTEGER,
                            path(at, i), bad);
                    if (s != null) a.add(s);
                }
                yield a;
            }
            case STRING_MAP -> {
                ObjectNode o = NODES.objectNode();
                Map<String, String> m = Attrs.stringMap(v);
                if (m != null) m.forEach((k, s) -> { if (s != null) o.put(k, s); });
                yield o;
            }
            case NAME_VALUES -> {
                ArrayNode a = NODES.arrayNode();
                Map<String, String> m = Attrs.stringMap(v);
                if (m != null) m.forEach((k, s) -> { if (s != null) a.add(NODES.objectNode().put("name", k).put("value", s)); });
                yield a;
            }
            case OBJECT -> {
                List<Value> items = Attrs.items(v);
                yield items.isEmpty() ? null : nested(items.get(0), f, path(at, 0), bad);
            }
            case OBJECTS -> {
                ArrayNode a = NODES.arrayNode();
                List<Value> items = Attrs.items(v);
                for (int i = 0; i < items.size(); i++) a.add(nested(items.get(i), f, path(at, i), bad));
                yield a;
            }
            default -> scalar(v, f.kind(), at, bad);
        };
    }

    private static JsonNode nested(Value item, Field f, List<Object> at, List<BadNumber> bad) {
        MapValue m = item.unmarked() instanceof MapValue mv ? mv : MapValue.EMPTY;
        Converted c = toJson(m, f.children(), at);
        bad.addAll(c.badNumbers());
        return c.json();
    }

    private static JsonNode scalar(Value v, Kind kind, List<Object> at, List<BadNumber> bad) {
        return switch (kind) {
            case STRING -> {
                String s = Attrs.string(v);
                yield s == null ? null : NODES.textNode(s);
            }
            case BOOLEAN -> {
                Boolean b = Attrs.bool(v);
                yield b == null ? null : NODES.booleanNode(b);
            }
            case INTEGER -> {
                BigDecimal n = Attrs.number(v);
                if (n == null) yield null;
                try {
                    yield NODES.numberNode(n.intValueExact());
                } catch (ArithmeticException e) {
                    bad.add(new BadNumber(at, n.toPlainString()));
                    yield null;
                }
            }
            default -> throw new IllegalArgumentException(kind + " is not a scalar");
        };
    }

    private static List<Object> path(List<Object> at, Object step) {
        List<Object> out = new ArrayList<>(at);
        out.add(step);
        return out;
    }

    // --- canonical JSON -> HCL ----------------------------------------------------------------

    /** The attribute values (by HCL name) a canonical JSON object gives a block of this table. */
    public static Map<String, Value> toHcl(JsonNode json, List<Field> fields) {
        Map<String, Value> out = new TreeMap<>();
        for (Field f : fields) {
            JsonNode v = json == null ? null : json.get(f.json());
            out.put(f.hcl(), hcl(v, f));
        }
        return out;
    }

    private static Value hcl(JsonNode v, Field f) {
        boolean absent = v == null || v.isNull();
        if (f.hclFlat()) {
            JsonNode inner = absent ? null : v.get(f.children().get(0).json());
            return inner == null ? Value.nil() : scalarValue(inner, f.children().get(0).kind());
        }
        return switch (f.kind()) {
            case OBJECT -> absent ? Value.list(List.of()) : Value.list(List.of(Value.map(toHcl(v, f.children()))));
            case OBJECTS -> {
                List<Value> items = new ArrayList<>();
                if (!absent) for (JsonNode i : v) items.add(Value.map(toHcl(i, f.children())));
                yield Value.list(items);
            }
            case STRINGS, INTEGERS -> {
                if (absent) yield Value.nil();
                List<Value> items = new ArrayList<>();
                for (JsonNode i : v) items.add(f.kind() == Kind.STRINGS ? Value.of(i.asText()) : Value.of(i.longValue()));
                yield Value.list(items);
            }
            case STRING_MAP -> {
                if (absent) yield Value.nil();
                Map<String, Value> m = new TreeMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    m.put(e.getKey(), Value.of(e.getValue().asText()));
                }
                yield Value.map(m);
            }
            case NAME_VALUES -> {
                if (absent) yield Value.nil();
                Map<String, Value> m = new TreeMap<>();
                for (JsonNode e : v) m.put(e.get("name").asText(), Value.of(e.get("value").asText()));
                yield Value.map(m);
            }
            default -> absent ? (f.hclDefault() != null ? f.hclDefault() : Value.nil()) : scalarValue(v, f.kind());
        };
    }

    private static Value scalarValue(JsonNode v, Kind kind) {
        return switch (kind) {
            case INTEGER -> Value.of(v.longValue());
            case BOOLEAN -> Value.of(v.asBoolean());
            default -> Value.of(v.asText());
        };
    }
}
