package dev.berth.engine.eval;

import dev.berth.engine.hcl.ConditionalExpr;
import dev.berth.engine.hcl.BinaryOpExpr;
import dev.berth.engine.hcl.Expr;
import dev.berth.engine.hcl.ForExpr;
import dev.berth.engine.hcl.FunctionCallExpr;
import dev.berth.engine.hcl.IndexExpr;
import dev.berth.engine.hcl.LiteralExpr;
import dev.berth.engine.hcl.ObjectConsExpr;
import dev.berth.engine.hcl.ParenthesesExpr;
import dev.berth.engine.hcl.RelativeTraversalExpr;
import dev.berth.engine.hcl.ScopeTraversalExpr;
import dev.berth.engine.hcl.SplatExpr;
import dev.berth.engine.hcl.TemplateExpr;
import dev.berth.engine.hcl.TemplatePart;
import dev.berth.engine.hcl.TemplateWrapExpr;
import dev.berth.engine.hcl.TraversalStep;
import dev.berth.engine.hcl.TupleConsExpr;
import dev.berth.engine.hcl.UnaryOpExpr;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the references an expression makes, in source order, for dependency ordering and for
 * the plan's JSON. Names bound by for expressions and template loops are not references.
 */
public final class References {
    private References() {
    }

    /** A classified reference and how many traversal steps its name consumed. */
    record Classified(Reference ref, int consumed) {
    }

    public static List<Reference> of(Expr e) {
        List<Reference> out = new ArrayList<>();
        for (ScopeTraversalExpr t : traversals(e)) {
            Classified c = classify(t);
            if (c != null) out.add(c.ref());
        }
        return out;
    }

    /** The root traversals of an expression in source order, leaving out names a for expression binds. */
    public static List<ScopeTraversalExpr> traversals(Expr e) {
        List<ScopeTraversalExpr> out = new ArrayList<>();
        walk(e, Locals.EMPTY, out, null);
        return out;
    }

    /** The function calls of an expression, nested ones included, in source order. */
    public static List<FunctionCallExpr> calls(Expr e) {
        List<FunctionCallExpr> calls = new ArrayList<>();
        walk(e, Locals.EMPTY, new ArrayList<>(), calls);
        return calls;
    }

    /** Classifies a root traversal; null when it names nothing a scope could resolve. */
    static Classified classify(ScopeTraversalExpr t) {
        String root = t.root();
        List<TraversalStep> steps = t.steps();
        String first = steps.size() > 0 && steps.get(0) instanceof TraversalStep.Attr a ? a.name() : null;
        if (first == null) return null;
        return switch (root) {
            case "var", "local", "count", "each", "path", "self", "module", "terraform" ->
                    new Classified(new Reference(root, first, text(t), t.range()), 1);
            case "data" -> {
                String second = steps.size() > 1 && steps.get(1) instanceof TraversalStep.Attr b ? b.name() : null;
                yield second == null ? null
                        : new Classified(new Reference("data", first + "." + second, text(t), t.range()), 2);
            }
            default -> new Classified(new Reference("resource", root + "." + first, text(t), t.range()), 1);
        };
    }

    static String text(ScopeTraversalExpr t) {
        StringBuilder sb = new StringBuilder(t.root());
        for (TraversalStep s : t.steps()) {
            if (s instanceof TraversalStep.Attr a) {
                sb.append('.').append(a.name());
            } else if (((TraversalStep.Index) s).key() instanceof LiteralExpr lit) {
                Value k = lit.value();
                sb.append('[');
                if (k instanceof StringValue str) sb.append('"').append(str.value()).append('"');
                else sb.append(k);
                sb.append(']');
            }
        }
        return sb.toString();
    }

    private static void walk(Expr e, Locals bound, List<ScopeTraversalExpr> out, List<FunctionCallExpr> calls) {
        if (e == null) return;
        if (e instanceof ScopeTraversalExpr t) {
            if (!bound.has(t.root())) out.add(t);
        } else if (e instanceof RelativeTraversalExpr r) {
            walk(r.source(), bound, out, calls);
        } else if (e instanceof IndexExpr ix) {
            walk(ix.collection(), bound, out, calls);
            walk(ix.key(), bound, out, calls);
        } else if (e instanceof SplatExpr s) {
            walk(s.source(), bound, out, calls);
            for (TraversalStep step : s.each()) {
                if (step instanceof TraversalStep.Index i) walk(i.key(), bound, out, calls);
            }
        } else if (e instanceof FunctionCallExpr f) {
            if (calls != null) calls.add(f);
            for (Expr a : f.args()) walk(a, bound, out, calls);
        } else if (e instanceof ConditionalExpr c) {
            walk(c.condition(), bound, out, calls);
            walk(c.trueResult(), bound, out, calls);
            walk(c.falseResult(), bound, out, calls);
        } else if (e instanceof BinaryOpExpr b) {
            walk(b.left(), bound, out, calls);
            walk(b.right(), bound, out, calls);
        } else if (e instanceof UnaryOpExpr u) {
            walk(u.operand(), bound, out, calls);
        } else if (e instanceof TupleConsExpr t) {
            for (Expr i : t.items()) walk(i, bound, out, calls);
        } else if (e instanceof ObjectConsExpr o) {
            for (ObjectConsExpr.Item i : o.items()) {
                walk(i.key(), bound, out, calls);
                walk(i.value(), bound, out, calls);
            }
        } else if (e instanceof ForExpr f) {
            walk(f.collection(), bound, out, calls);
            Locals inner = bound.bind(f.keyVar(), Value.nil()).bind(f.valueVar(), Value.nil());
            walk(f.keyExpr(), inner, out, calls);
            walk(f.valueExpr(), inner, out, calls);
            walk(f.condition(), inner, out, calls);
        } else if (e instanceof ParenthesesExpr p) {
            walk(p.inner(), bound, out, calls);
        } else if (e instanceof TemplateWrapExpr w) {
            walk(w.wrapped(), bound, out, calls);
        } else if (e instanceof TemplateExpr t) {
            walkParts(t.parts(), bound, out, calls);
        }
    }

    private static void walkParts(List<TemplatePart> parts, Locals bound, List<ScopeTraversalExpr> out,
                                  List<FunctionCallExpr> calls) {
        for (TemplatePart p : parts) {
            if (p instanceof TemplatePart.Interpolation i) {
                walk(i.expr(), bound, out, calls);
            } else if (p instanceof TemplatePart.If c) {
                walk(c.condition(), bound, out, calls);
                walkParts(c.thenParts(), bound, out, calls);
                walkParts(c.elseParts(), bound, out, calls);
            } else if (p instanceof TemplatePart.For f) {
                walk(f.collection(), bound, out, calls);
                walkParts(f.body(), bound.bind(f.keyVar(), Value.nil()).bind(f.valueVar(), Value.nil()), out, calls);
            }
        }
    }
}
