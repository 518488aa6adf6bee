package dev.berth.engine.eval;

import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.hcl.Expr;
import dev.berth.engine.hcl.FunctionCallExpr;
import dev.berth.engine.hcl.LiteralExpr;
import dev.berth.engine.hcl.ObjectConsExpr;
import dev.berth.engine.hcl.ScopeTraversalExpr;
import dev.berth.engine.hcl.TemplateExpr;
import dev.berth.engine.hcl.TupleConsExpr;
import dev.berth.engine.value.StringValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads type constraint expressions: string, list(number), object({ a = optional(bool) }), ... */
public final class TypeConstraints {
    private static final String DETAIL =
            "A type is string, number, bool, any, list(T), set(T), map(T), object({name = T, ...}) or tuple([T, ...]).";

    private TypeConstraints() {
    }

    /** Parses a constraint; on error adds a diagnostic and answers {@code any}. */
    public static TypeConstraint parse(Expr e, Diagnostics diags) {
        return parse(e, diags, false);
    }

    private static TypeConstraint parse(Expr e, Diagnostics diags, boolean attribute) {
        if (e instanceof ScopeTraversalExpr t && t.steps().isEmpty()) return keyword(t.root(), e, diags);
        if (e instanceof TemplateExpr t && t.staticText().isPresent()) return keyword(t.staticText().get(), e, diags);
        if (e instanceof FunctionCallExpr f) return constructor(f, diags, attribute);
        return invalid(e, diags, "expected a type");
    }

    private static TypeConstraint keyword(String word, Expr e, Diagnostics diags) {
        return switch (word) {
            case "string", "number", "bool" -> new TypeConstraint.Primitive(word);
            case "any" -> new TypeConstraint.Any();
            case "list", "set", "map" -> new TypeConstraint.Collection(word, new TypeConstraint.Any());
            default -> invalid(e, diags, "\"" + word + "\" is not a type");
        };
    }

    private static TypeConstraint constructor(FunctionCallExpr f, Diagnostics diags, boolean attribute) {
        List<Expr> args = f.args();
        switch (f.name()) {
            case "list", "set", "map" -> {
                if (args.size() != 1) return invalid(f, diags, f.name() + "() takes exactly one element type");
                return new TypeConstraint.Collection(f.name(), parse(args.get(0), diags, false));
            }
            case "object" -> {
                if (args.size() != 1 || !(args.get(0) instanceof ObjectConsExpr o)) {
                    return invalid(f, diags, "object() takes one argument of the form {name = type, ...}");
                }
                Map<String, TypeConstraint> attrs = new LinkedHashMap<>();
                for (ObjectConsExpr.Item item : o.items()) {
                    String name = attributeName(item.key());
                    if (name == null) {
                        invalid(item.key(), diags, "object attribute names must be plain identifiers");
                        continue;
                    }
                    attrs.put(name, parse(item.value(), diags, true));
                }
                return new TypeConstraint.ObjectType(attrs);
            }
            case "tuple" -> {
                if (args.size() != 1 || !(args.get(0) instanceof TupleConsExpr t)) {
                    return invalid(f, diags, "tuple() takes one argument of the form [type, ...]");
                }
                List<TypeConstraint> elems = new ArrayList<>();
                for (Expr item : t.items()) elems.add(parse(item, diags, false));
                return new TypeConstraint.TupleType(elems);
            }
            case "optional" -> {
                if (!attribute) return invalid(f, diags, "optional() may only be used for an object attribute");
                if (args.isEmpty() || args.size() > 2) {
                    return invalid(f, diags, "optional() takes a type and an optional default value");
                }
                return new TypeConstraint.Optional(parse(args.get(0), diags, false), args.size() == 2 ? args.get(1) : null);
            }
            default -> {
                return invalid(f, diags, "\"" + f.name() + "\" is not a type constructor");
            }
        }
    }

    private static String attributeName(Expr key) {
        if (key instanceof LiteralExpr l && l.value() instanceof StringValue s) return s.value();
        if (key instanceof TemplateExpr t) return t.staticText().orElse(null);
        return null;
    }

    private static TypeConstraint invalid(Expr e, Diagnostics diags, String why) {
        diags.error("Invalid type specification: " + why, DETAIL, e.range());
        return new TypeConstraint.Any();
    }
}
