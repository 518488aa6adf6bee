package dev.berth.cli.ecs.args;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.ecs.model.EcsModel;
import dev.berth.cli.ecs.model.Member;
import dev.berth.cli.ecs.model.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The AWS CLI's BackCompatVisitor: after shorthand parsing, numbers and booleans the model asks
 * for become numbers and booleans, and a single value where the model has a list becomes a list
 * of one. Keys the model does not know are left for validation to report.
 */
final class ShorthandTypes {
    private final EcsModel model;

    ShorthandTypes(EcsModel model) {
        this.model = model;
    }

    JsonNode apply(JsonNode value, Shape shape) {
        return visit(value, shape);
    }

    private JsonNode visit(JsonNode value, Shape shape) {
        if (value == null) return null;
        if (shape.isStructure()) {
            if (!(value instanceof ObjectNode o)) return value;
            for (Member m : shape.members()) {
                if (!o.has(m.name())) continue;
                JsonNode v = visitMember(o.get(m.name()), model.shape(m.shape()));
                if (v != null) o.set(m.name(), v);
            }
            return o;
        }
        if (shape.isList()) {
            if (!(value instanceof ArrayNode a)) return value;
            Shape member = model.shape(shape.member());
            for (int i = 0; i < a.size(); i++) {
                JsonNode v = visitMember(a.get(i), member);
                if (v != null) a.set(i, v);
            }
            return a;
        }
        if (shape.isMap()) {
            if (!(value instanceof ObjectNode o)) return value;
            Shape valueShape = model.shape(shape.value());
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            o.fields().forEachRemaining(entries::add);
            for (Map.Entry<String, JsonNode> e : entries) {
                JsonNode v = visitMember(e.getValue(), valueShape);
                if (v != null) o.set(e.getKey(), v);
            }
            return o;
        }
        return value;
    }

    /** The value to put back in the parent (null: leave it as it is). */
    private JsonNode visitMember(JsonNode value, Shape shape) {
        if (shape.isList() && !value.isArray()) {
            ArrayNode wrapped = JsonNodeFactory.instance.arrayNode();
            wrapped.add(value);
            return wrapped;
        }
        if (shape.isScalar()) {
            if (!value.isTextual()) return null;
            String text = value.textValue();
            return switch (shape.type()) {
                case "integer", "long" -> JsonNodeFactory.instance.numberNode(PyInt.parse(text));
                case "double", "float" -> JsonNodeFactory.instance.numberNode(PyInt.parseFloat(text));
                case "boolean" -> text.equalsIgnoreCase("true") ? JsonNodeFactory.instance.booleanNode(true)
                        : text.equalsIgnoreCase("false") ? JsonNodeFactory.instance.booleanNode(false) : null;
                default -> null;
            };
        }
        return visit(value, shape);
    }
}
