package dev.berth.engine.run;

import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.config.Config;
import dev.berth.engine.config.ResourceConfig;
import dev.berth.engine.config.VariableConfig;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.eval.PrimitiveAttributes;
import dev.berth.engine.eval.References;
import dev.berth.engine.eval.TypeConstraint;
import dev.berth.engine.eval.TypeConstraints;
import dev.berth.engine.hcl.Attribute;
import dev.berth.engine.hcl.Block;
import dev.berth.engine.hcl.Body;
import dev.berth.engine.hcl.ConfigFile;
import dev.berth.engine.hcl.LiteralExpr;
import dev.berth.engine.hcl.ScopeTraversalExpr;
import dev.berth.engine.hcl.TraversalStep;
import dev.berth.engine.provider.AttributeSchema;
import dev.berth.engine.provider.Providers;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.value.NumberValue;

import java.util.List;
import java.util.Optional;

/**
 * Terraform refuses {@code ecs_service.web.endpoints[0].port} at validate: endpoints is
 * list(string), so its element is a string, which has no attributes. Before apply such a value is
 * unknown, and the evaluator, which sees only values, cannot tell; the declared type can. This
 * check follows each static reference to a resource attribute (through its schema type) or to a
 * typed variable (through its type constraint) and reports an attribute read from a string,
 * number or bool. Where the evaluator also sees the value (a configured attribute, a variable's
 * value at plan) it reports the identical diagnostic, and a run prints it once.
 */
final class PrimitiveAttributeCheck {
    private static final TypeConstraint STRING = new TypeConstraint.Primitive("string");

    private final Config config;
    private final Providers providers;
    private final Diagnostics diags;

    private PrimitiveAttributeCheck(Config config, Providers providers, Diagnostics diags) {
        this.config = config;
        this.providers = providers;
        this.diags = diags;
    }

    static void check(Config config, Providers providers, Diagnostics diags) {
        PrimitiveAttributeCheck c = new PrimitiveAttributeCheck(config, providers, diags);
        for (ConfigFile f : config.files()) c.body(f.body());
    }

    private void body(Body body) {
        for (Attribute a : body.attributes()) {
            for (ScopeTraversalExpr t : References.traversals(a.expr())) traversal(t);
        }
        for (Block b : body.blocks()) body(b.body());
    }

    private void traversal(ScopeTraversalExpr t) {
        List<TraversalStep> steps = t.steps();
        if (steps.isEmpty() || !(steps.get(0) instanceof TraversalStep.Attr name)) return;
        if (t.root().equals("var")) {
            VariableConfig v = config.variables().get(name.name());
            if (v == null || v.type() == null) return;
            TypeConstraint type = TypeConstraints.parse(v.type(), new Diagnostics());
            walk(t, type, 1);
            return;
        }
        Optional<ResourceSchema> schema = providers.schema(t.root());
        ResourceConfig rc = config.resources().get(new ResourceAddr(t.root(), name.name()));
        if (schema.isEmpty() || rc == null) return;
        int i = 1;
        if (rc.count() != null || rc.forEach() != null) {
            if (steps.size() <= i || !(steps.get(i) instanceof TraversalStep.Index)) return;
            i++;
        }
        if (steps.size() <= i || !(steps.get(i) instanceof TraversalStep.Attr attr)) return;
        AttributeSchema as = schema.get().body().attributes().get(attr.name());
        if (as != null) walk(t, constraint(as), i + 1);
    }

    /** Follows the steps from {@code from} through the type; reports the first attribute of a primitive. */
    private void walk(ScopeTraversalExpr t, TypeConstraint type, int from) {
        List<TraversalStep> steps = t.steps();
        for (int i = from; i < steps.size() && type != null; i++) {
            TraversalStep s = steps.get(i);
            if (type instanceof TypeConstraint.Optional o) type = o.type();
            if (type instanceof TypeConstraint.Primitive p) {
                if (s instanceof TraversalStep.Attr a) {
                    diags.error(PrimitiveAttributes.summary(p.name()), PrimitiveAttributes.detail(p.name(), a.name()),
                            a.range());
                }
                return;
            }
            type = element(type, s);
        }
    }

    /** The type one step reaches, or null when it cannot be told (any, unknown keys, bad steps). */
    private static TypeConstraint element(TypeConstraint type, TraversalStep s) {
        if (type instanceof TypeConstraint.Collection c) {
            boolean ok = s instanceof TraversalStep.Index || (c.kind().equals("map") && s instanceof TraversalStep.Attr);
            return ok ? c.element() : null;
        }
        if (type instanceof TypeConstraint.ObjectType o) {
            String key = s instanceof TraversalStep.Attr a ? a.name() : null;
            return key == null ? null : o.attributes().get(key);
        }
        if (type instanceof TypeConstraint.TupleType tt && s instanceof TraversalStep.Index ix
                && ix.key() instanceof LiteralExpr lit && lit.value() instanceof NumberValue n) {
            int k = n.value().intValue();
            return k >= 0 && k < tt.elements().size() ? tt.elements().get(k) : null;
        }
        return null;
    }

    private static TypeConstraint constraint(AttributeSchema as) {
        return switch (as.type()) {
            case STRING, NUMBER, BOOL -> new TypeConstraint.Primitive(as.type().friendlyName());
            case LIST_OF_STRING -> new TypeConstraint.Collection("list", STRING);
            case SET_OF_STRING -> new TypeConstraint.Collection("set", STRING);
            case MAP_OF_STRING -> new TypeConstraint.Collection("map", STRING);
            default -> null;
        };
    }
}
