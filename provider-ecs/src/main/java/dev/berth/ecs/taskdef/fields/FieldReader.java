package dev.berth.ecs.taskdef.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads one JSON object against a table of fields into its canonical form: keys in the table's
 * terms, {@code null} and empty lists, maps and objects left out (an absent field, as ECS treats
 * them), numbers as integers, maps and name/value lists sorted. Problems are collected, not
 * thrown: a type ECS would refuse or a field berth does not honour is an error; a key ECS does
 * not know is a warning (old consoles wrote {@code expanded}), and is dropped.
 */
public final class FieldReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    public List<String> errors() {
        return errors;
    }

    public List<String> warnings() {
        return warnings;
    }

    /** The canonical object, {@code owner} naming it in messages ("Container \"web\""). */
    public ObjectNode object(JsonNode node, List<Field> fields, String owner) {
        ObjectNode out = NODES.objectNode();
        if (!node.isObject()) {
            errors.add(owner + " must be a JSON object.");
            return out;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (Field.find(fields, key) == null) {
                warnings.add(owner + " has a field \"" + key + "\" that ECS does not know; berth ignores it.");
            }
        }
        // In the table's order, so the same definition always gets the same messages in the same order.
        Map<String, JsonNode> sorted = new TreeMap<>();
        for (Field f : fields) {
            JsonNode v = value(node.get(f.json()), f, owner);
            if (v == null) continue;
            String refusal = f.support().refusal(owner, f.json());
            if (refusal != null) errors.add(refusal);
            sorted.put(f.json(), v);
        }
        sorted.forEach(out::set);
        return out;
    }

    /** The canonical value of one field, or null when it is absent or unreadable. */
    private JsonNode value(JsonNode v, Field f, String owner) {
        if (v == null || v.isNull()) return null;
        String what = owner + ": " + f.json();
        return switch (f.kind()) {
            case STRING -> text(v, what);
            case INTEGER -> whole(v, what);
            case BOOLEAN -> bool(v, what);
            case STRINGS -> list(v, what, "a list of strings", item -> text(item, what));
            case INTEGERS -> list(v, what, "a list of whole numbers", item -> whole(item, what));
            case STRING_MAP -> map(v, what);
            case NAME_VALUES -> nameValues(v, what);
            case OBJECT -> {
                ObjectNode o = object(v, f.children(), owner + " " + f.json());
                yield o.isEmpty() ? null : o;
            }
            case OBJECTS -> list(v, what, "a list of objects", item -> object(item, f.children(), owner + " " + f.json()));
        };
    }

    private JsonNode text(JsonNode v, String what) {
        if (v.isValueNode()) return NODES.textNode(v.asText());
        errors.add(what + " must be a string.");
        return null;
    }

    private JsonNode whole(JsonNode v, String what) {
        try {
            if (!v.isValueNode()) throw new NumberFormatException();
            BigDecimal d = v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText().trim());
            return NODES.numberNode(d.intValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            errors.add(what + " must be a whole number, not " + v + ".");
            return null;
        }
    }

    private JsonNode bool(JsonNode v, String what) {
        if (v.isBoolean()) return v;
        if (v.isTextual() && (v.asText().equals("true") || v.asText().equals("false"))) {
            return NODES.booleanNode(Boolean.parseBoolean(v.asText()));
        }
        errors.add(what + " must be true or false.");
        return null;
    }

    private interface Item {
        JsonNode read(JsonNode item);
    }

    private JsonNode list(JsonNode v, String what, String shape, Item item) {
        if (!v.isArray()) {
            errors.add(what + " must be " + shape + ".");
            return null;
        }
        ArrayNode out = NODES.arrayNode();
        for (JsonNode i : v) {
            if (i.isNull()) continue;
            JsonNode r = item.read(i);
            if (r != null) out.add(r);
        }
        return out.isEmpty() ? null : out;
    }

    private JsonNode map(JsonNode v, String what) {
        if (!v.isObject()) {
            errors.add(what + " must be an object of strings.");
            return null;
        }
        TreeMap<String, JsonNode> sorted = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) continue;
            JsonNode t = text(e.getValue(), what + " \"" + e.getKey() + "\"");
            if (t != null) sorted.put(e.getKey(), t);
        }
        ObjectNode out = NODES.objectNode();
        sorted.forEach(out::set);
        return out.isEmpty() ? null : out;
    }

    /** ECS's [{name, value}] lists (environment, properties): sorted by name, each name once. */
    private JsonNode nameValues(JsonNode v, String what) {
        if (!v.isArray()) {
            errors.add(what + " must be a list of {name, value} objects.");
            return null;
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        for (JsonNode e : v) {
            if (e.isNull()) continue;
            JsonNode name = e.isObject() ? e.get("name") : null;
            if (name == null || name.isNull() || !name.isValueNode() || name.asText().isEmpty()) {
                errors.add(what + ": every entry needs a name.");
                continue;
            }
            for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!k.equals("name") && !k.equals("value")) {
                    warnings.add(what + " \"" + name.asText() + "\" has a field \"" + k
                            + "\" that ECS does not know; berth ignores it.");
                }
            }
            JsonNode value = e.get("value");
            String text = value == null || value.isNull() ? "" : value.isValueNode() ? value.asText() : null;
            if (text == null) {
                errors.add(what + " \"" + name.asText() + "\": value must be a string.");
                continue;
            }
            if (sorted.put(name.asText(), text) != null) {
                errors.add(what + " sets \"" + name.asText() + "\" twice.");
            }
        }
        ArrayNode out = NODES.arrayNode();
        sorted.forEach((k, val) -> out.add(NODES.objectNode().put("name", k).put("value", val)));
        return out.isEmpty() ? null : out;
    }
}
