package dev.berth.cli.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.engine.value.BoolValue;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.NumberValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

/**
 * A value's type in Terraform's JSON type syntax ("string", ["tuple", [...]], ["object", {...}]).
 * Values do not carry their declared type, so lists read as tuples and maps as objects: the
 * types Terraform gives the same literal.
 */
final class CtyTypes {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CtyTypes() {
    }

    static JsonNode of(Value v) {
        if (v instanceof StringValue) return NODES.textNode("string");
        if (v instanceof NumberValue) return NODES.textNode("number");
        if (v instanceof BoolValue) return NODES.textNode("bool");
        if (v instanceof ListValue l) {
            ArrayNode t = NODES.arrayNode().add("tuple");
            ArrayNode elems = t.addArray();
            l.items().forEach(i -> elems.add(of(i)));
            return t;
        }
        if (v instanceof MapValue m) {
            ArrayNode t = NODES.arrayNode().add("object");
            ObjectNode attrs = t.addObject();
            m.entries().forEach((k, i) -> attrs.set(k, of(i)));
            return t;
        }
        return NODES.textNode("dynamic");
    }
}
