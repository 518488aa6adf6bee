package dev.berth.engine.decode;

import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.eval.Evaluator;
import dev.berth.engine.eval.Scope;
import dev.berth.engine.hcl.Attribute;
import dev.berth.engine.hcl.Block;
import dev.berth.engine.hcl.Body;
import dev.berth.engine.provider.AttributeSchema;
import dev.berth.engine.provider.BlockSchema;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Evaluates a resource body into the object a provider receives: every schema attribute present
 * (null when unset, its default when it has one), values converted to the attribute's type,
 * sensitive attributes marked, nested blocks as lists of objects.
 */
public final class BodyDecoder {
    private final Evaluator evaluator;

    public BodyDecoder(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    public MapValue decode(Body body, BlockSchema schema, Scope scope, Diagnostics diags) {
        TreeMap<String, Value> out = new TreeMap<>();
        for (AttributeSchema s : schema.attributes().values()) {
            Optional<Attribute> a = s.settable() ? body.attribute(s.name()) : Optional.empty();
            Value v = a.isPresent() ? convert(s, evaluator.evaluate(a.get().expr(), scope, diags), a.get(), diags)
                    : s.defaultValue();
            if (v.isNull() && s.required() && a.isPresent()) {
                diags.error("Invalid value for \"" + s.name() + "\": the argument is required and must not be null.", "",
                        a.get().expr().range());
            }
            out.put(s.name(), s.sensitive() && !v.isNull() ? Value.sensitive(v) : v);
        }
        for (BlockSchema.NestedBlock nb : schema.blocks().values()) {
            List<Value> items = new ArrayList<>();
            for (Block b : body.blocks(nb.name())) items.add(decode(b.body(), nb.body(), scope, diags));
            out.put(nb.name(), new ListValue(items));
        }
        return new MapValue(out);
    }

    private static Value convert(AttributeSchema s, Value v, Attribute a, Diagnostics diags) {
        try {
            return AttributeTypes.convert(s.type(), v);
        } catch (AttributeTypes.Mismatch m) {
            diags.error("Incorrect attribute value type: inappropriate value for attribute \"" + s.name() + "\": "
                    + m.getMessage(), "The attribute \"" + s.name() + "\" takes a " + s.type().friendlyName() + ".",
                    a.expr().range());
            return Value.unknown();
        }
    }
}
