package dev.berth.engine.run;

import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.config.Config;
import dev.berth.engine.config.LocalConfig;
import dev.berth.engine.config.ResourceConfig;
import dev.berth.engine.config.VariableConfig;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.eval.TypeConstraint;
import dev.berth.engine.eval.TypeConstraints;
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
 * The type configuration declares for a static reference, known before any value is: var.NAME
 * has its type constraint, a resource attribute its schema type, and a local that is just another
 * reference ({@code locals { eps = ecs_service.web.endpoints }}) that reference's type. Steps
 * after the base follow the type (an index of list(string) is a string).
 */
public final class DeclaredTypes {
    private static final TypeConstraint STRING = new TypeConstraint.Primitive("string");

    /** What a step read from a value that has no attributes: its type and the step. */
    record Misread(TypeConstraint type, TraversalStep.Attr step) {
    }

    /** The declared type a reference starts from and the index of the first step it leaves. */
    record Base(TypeConstraint type, int next) {
    }

    private final Config config;
    private final Providers providers;

    public DeclaredTypes(Config config, Providers providers) {
        this.config = config;
        this.providers = providers;
    }

    /** The declared type of the whole reference, when configuration tells it. */
    public Optional<TypeConstraint> of(ScopeTraversalExpr t) {
        Base b = base(t, 0);
        if (b == null) return Optional.empty();
        Walk w = walk(t, b.type(), b.next());
        return w.misread() == null ? Optional.ofNullable(w.type()) : Optional.empty();
    }

    /** Where following the reference reads an attribute from a string, number, bool or list. */
    Optional<Misread> misread(ScopeTraversalExpr t) {
        Base b = base(t, 0);
        return b == null ? Optional.empty() : Optional.ofNullable(walk(t, b.type(), b.next()).misread());
    }

    Base base(ScopeTraversalExpr t, int depth) {
        List<TraversalStep> steps = t.steps();
        if (steps.isEmpty() || !(steps.get(0) instanceof TraversalStep.Attr name)) return null;
        if (t.root().equals("var")) {
            VariableConfig v = config.variables().get(name.name());
            if (v == null || v.type() == null) return null;
            return new Base(TypeConstraints.parse(v.type(), new Diagnostics()), 1);
        }
        if (t.root().equals("local")) {
            LocalConfig l = config.locals().get(name.name());
            // The depth bound keeps a cycle of locals (reported elsewhere) from looping here.
            if (l == null || depth > 16 || !(l.expr() instanceof ScopeTraversalExpr inner)) return null;
            Base b = base(inner, depth + 1);
            Walk w = b == null ? null : walk(inner, b.type(), b.next());
            return w == null || w.type() == null ? null : new Base(w.type(), 1);
        }
        ResourceAddr addr;
        int i = 1;
        if (t.root().equals("data")) {
            if (steps.size() < 2 || !(steps.get(1) instanceof TraversalStep.Attr dataName)) return null;
            addr = ResourceAddr.data(name.name(), dataName.name());
            i = 2;
        } else {
            addr = new ResourceAddr(t.root(), name.name());
        }
        Optional<ResourceSchema> schema = providers.schema(addr);
        ResourceConfig rc = config.resources().get(addr);
        if (schema.isEmpty() || rc == null) return null;
        if (rc.count() != null || rc.forEach() != null) {
            if (steps.size() <= i || !(steps.get(i) instanceof TraversalStep.Index)) return null;
            i++;
        }
        if (steps.size() <= i || !(steps.get(i) instanceof TraversalStep.Attr attr)) return null;
        AttributeSchema as = schema.get().body().attributes().get(attr.name());
        TypeConstraint type = as == null ? null : constraint(as);
        return type == null ? null : new Base(type, i + 1);
    }

    /** The type reached (null when it cannot be told) or the step that reads a missing attribute. */
    private record Walk(TypeConstraint type, Misread misread) {
    }

    private static Walk walk(ScopeTraversalExpr t, TypeConstraint type, int from) {
        List<TraversalStep> steps = t.steps();
        for (int i = from; i < steps.size() && type != null; i++) {
            TraversalStep s = steps.get(i);
            if (type instanceof TypeConstraint.Optional o) type = o.type();
            boolean noAttributes = type instanceof TypeConstraint.Primitive
                    || (type instanceof TypeConstraint.Collection c && c.kind().equals("list"));
            if (noAttributes && s instanceof TraversalStep.Attr a) return new Walk(null, new Misread(type, a));
            if (type instanceof TypeConstraint.Primitive) return new Walk(null, null);
            type = element(type, s);
        }
        return new Walk(type, null);
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
