package dev.berth.cli.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.engine.eval.TypeConstraint;
import dev.berth.engine.value.BoolValue;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.NullValue;
import dev.berth.engine.value.NumberValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

/**
 * A value's type in Terraform's JSON type syntax ("string", ["tuple", [...]], ["object", {...}]).
 * Values do not carry their declared type, so lists read as tuples and maps as objects: the
 * types Terraform gives the same literal. Where configuration declares the type (a list(string)
 * variable or attribute) and the value fits it, the declared type is printed, as Terraform does.
 */
public final class CtyTypes {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CtyTypes() {
    }

    public static JsonNode of(Value v, TypeConstraint declared) {
        JsonNode t = declared == null || !fits(v, declared) ? null : of(declared);
        return t != null ? t : of(v);
    }

    /** The declared type, or null when part of it is "any" (then the value decides). */
    private static JsonNode of(TypeConstraint t) {
        if (t instanceof TypeConstraint.Optional o) return of(o.type());
        if (t instanceof TypeConstraint.Primitive p) return NODES.textNode(p.name());
        if (t instanceof TypeConstraint.Collection c) {
            JsonNode e = of(c.element());
            return e == null ? null : NODES.arrayNode().add(c.kind()).add(e);
        }
        if (t instanceof TypeConstraint.ObjectType o) {
            ObjectNode attrs = NODES.objectNode();
            for (var e : new java.util.TreeMap<>(o.attributes()).entrySet()) {
                JsonNode a = of(e.getValue());
                if (a == null) return null;
                attrs.set(e.getKey(), a);
            }
            return NODES.arrayNode().add("object").add(attrs);
        }
        if (t instanceof TypeConstraint.TupleType tt) {
            ArrayNode elems = NODES.arrayNode();
            for (TypeConstraint e : tt.elements()) {
                JsonNode a = of(e);
                if (a == null) return null;
                elems.add(a);
            }
            return NODES.arrayNode().add("tuple").add(elems);
        }
        return null;
    }

    /** Whether the value has the declared shape; a state saved under another configuration may not. */
    private static boolean fits(Value v, TypeConstraint t) {
        if (t instanceof TypeConstraint.Optional o) return fits(v, o.type());
        if (v instanceof NullValue) return true;
        if (t instanceof TypeConstraint.Primitive p) {
            return switch (p.name()) {
                case "string" -> v instanceof StringValue;
                case "number" -> v instanceof NumberValue;
                case "bool" -> v instanceof BoolValue;
                default -> false;
            };
        }
        if (t instanceof TypeConstraint.Collection c) {
            if (c.kind().equals("map")) {
                return v instanceof MapValue m && m.entries().values().stream().allMatch(e -> fits(e, c.element()));
            }
            return v instanceof ListValue l && l.items().stream().allMatch(e -> fits(e, c.element()));
        }
        if (t instanceof TypeConstraint.ObjectType o) {
            return v instanceof MapValue m && m.entries().keySet().equals(o.attributes().keySet())
                    && o.attributes().entrySet().stream().allMatch(e -> fits(m.get(e.getKey()), e.getValue()));
        }
        if (t instanceof TypeConstraint.TupleType tt) {
            if (!(v instanceof ListValue l) || l.size() != tt.elements().size()) return false;
            for (int i = 0; i < l.size(); i++) if (!fits(l.get(i), tt.elements().get(i))) return false;
            return true;
        }
        return false;
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
