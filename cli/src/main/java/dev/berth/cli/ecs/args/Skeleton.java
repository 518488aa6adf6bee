package dev.berth.cli.ecs.args;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.ecs.model.EcsModel;
import dev.berth.cli.ecs.model.Member;
import dev.berth.cli.ecs.model.Shape;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * botocore's ArgumentGenerator, which {@code --generate-cli-skeleton} prints: every member with
 * a placeholder ("" or the first enum value, 0, 0.0, true, one list element, {"KeyName": ...}),
 * recursion cut at the second visit of a shape. With member names (the output skeleton), strings
 * hold their member's name. Timestamps are Python's naive datetime(1970, 1, 1), which JSON prints
 * as 1970-01-01T00:00:00 and text and table as 1970-01-01 00:00:00.
 */
public final class Skeleton {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final EcsModel model;
    private final boolean memberNames;
    private final List<String> stack = new ArrayList<>();

    private Skeleton(EcsModel model, boolean memberNames) {
        this.model = model;
        this.memberNames = memberNames;
    }

    public static JsonNode input(EcsModel model, Shape shape) {
        return new Skeleton(model, false).generate(shape, "");
    }

    public static JsonNode output(EcsModel model, Shape shape) {
        return new Skeleton(model, true).generate(shape, "");
    }

    private JsonNode generate(Shape shape, String name) {
        stack.add(shape.name());
        try {
            return switch (shape.type()) {
                case "structure" -> structure(shape);
                case "list" -> {
                    ArrayNode a = NODES.arrayNode();
                    a.add(generate(model.shape(shape.member()), memberNames ? shape.member() : ""));
                    yield a;
                }
                case "map" -> {
                    ObjectNode o = NODES.objectNode();
                    o.set("KeyName", generate(model.shape(shape.value()), ""));
                    yield o;
                }
                case "string" -> NODES.textNode(memberNames ? name : shape.enum0() != null ? shape.enum0() : "");
                case "integer", "long" -> NODES.numberNode(0);
                case "float", "double" -> NODES.numberNode(0.0);
                case "boolean" -> NODES.booleanNode(true);
                case "timestamp" -> NODES.pojoNode(java.time.LocalDateTime.of(1970, 1, 1, 0, 0));
                default -> NODES.nullNode();
            };
        } finally {
            stack.remove(stack.size() - 1);
        }
    }

    private JsonNode structure(Shape shape) {
        ObjectNode o = NODES.objectNode();
        if (Collections.frequency(stack, shape.name()) > 1) return o;
        for (Member m : shape.members()) {
            if (shape.berthMembers().contains(m.name())) continue;
            o.set(m.name(), generate(model.shape(m.shape()), m.name()));
        }
        return o;
    }
}
