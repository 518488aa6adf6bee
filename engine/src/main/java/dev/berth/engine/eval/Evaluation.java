package dev.berth.engine.eval;

import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.diag.SourceRange;
import dev.berth.engine.hcl.BinaryOpExpr;
import dev.berth.engine.hcl.ConditionalExpr;
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
import dev.berth.engine.hcl.TemplateWrapExpr;
import dev.berth.engine.hcl.TraversalStep;
import dev.berth.engine.hcl.TupleConsExpr;
import dev.berth.engine.hcl.UnaryOpExpr;
import dev.berth.engine.value.BoolValue;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.NullValue;
import dev.berth.engine.value.NumberRangeException;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One evaluation: the scope, the diagnostics sink, and dispatch over expression kinds. */
final class Evaluation {
    final Evaluator owner;
    final Scope scope;
    final Diagnostics diags;
    /** Inside templatefile(): only the vars map is visible, not the module scope. */
    final boolean templateVarsOnly;
    final Traversals traversals;

    Evaluation(Evaluator owner, Scope scope, Diagnostics diags, boolean templateVarsOnly) {
        this.owner = owner;
        this.scope = scope;
        this.diags = diags;
        this.templateVarsOnly = templateVarsOnly;
        this.traversals = new Traversals(this);
    }

    /** Same scope, different sink: used by can() and try() to test an expression quietly. */
    Evaluation withDiagnostics(Diagnostics other) {
        return new Evaluation(owner, scope, other, templateVarsOnly);
    }

    Value evalSafely(Expr e, Locals locals) {
        try {
            return eval(e, locals);
        } catch (NumberRangeException ex) {
            error("Number out of range", ex.getMessage(), e.range());
            return Value.unknown();
        } catch (StackOverflowError | RuntimeException ex) {
            error("Internal error while evaluating this expression", ex.toString(), e.range());
            return Value.unknown();
        }
    }

    void error(String summary, String detail, SourceRange range) {
        diags.error(summary, detail, range);
    }

    Value eval(Expr e, Locals locals) {
        if (e instanceof LiteralExpr l) return l.value();
        if (e instanceof TemplateWrapExpr w) return eval(w.wrapped(), locals);
        if (e instanceof ParenthesesExpr p) return eval(p.inner(), locals);
        if (e instanceof TemplateExpr t) return new Templates(this).render(t, locals);
        if (e instanceof ScopeTraversalExpr t) return scopeTraversal(t, locals);
        if (e instanceof RelativeTraversalExpr r) {
            return traversals.apply(eval(r.source(), locals), r.steps(), 0, locals);
        }
        if (e instanceof IndexExpr ix) {
            Value coll = eval(ix.collection(), locals);
            Value key = eval(ix.key(), locals);
            return traversals.index(coll, key, ix.range());
        }
        if (e instanceof SplatExpr s) return traversals.splat(s, locals);
        if (e instanceof FunctionCallExpr f) return new FunctionCalls(this).call(f, locals);
        if (e instanceof ConditionalExpr c) return conditional(c, locals);
        if (e instanceof BinaryOpExpr b) return new Operators(this).binary(b, locals);
        if (e instanceof UnaryOpExpr u) return new Operators(this).unary(u, locals);
        if (e instanceof TupleConsExpr t) {
            List<Value> items = new ArrayList<>(t.items().size());
            for (Expr i : t.items()) items.add(eval(i, locals));
            return new ListValue(items);
        }
        if (e instanceof ObjectConsExpr o) return object(o, locals);
        if (e instanceof ForExpr f) return new ForExpressions(this).eval(f, locals);
        throw new IllegalStateException("unhandled expression " + e.getClass().getSimpleName());
    }

    private Value scopeTraversal(ScopeTraversalExpr t, Locals locals) {
        Value local = locals.get(t.root());
        if (local != null) return traversals.apply(local, t.steps(), 0, locals);
        if (templateVarsOnly) {
            error("Invalid reference in template: \"" + t.root() + "\" is not a key of the vars map",
                    "templatefile() templates can only refer to the variables passed in its second argument.",
                    t.range());
            return Value.unknown();
        }
        References.Classified c = References.classify(t);
        if (c == null) {
            error("Invalid reference: \"" + t.root() + "\" must be followed by an attribute name",
                    "References look like var.name, local.name or TYPE.NAME for a resource.", t.range());
            return Value.unknown();
        }
        if (scope == null) {
            error("Variables not allowed: \"" + c.ref().text() + "\" cannot be used here",
                    "Only constant values are accepted in this context.", t.range());
            return Value.unknown();
        }
        Value v = scope.resolve(c.ref(), diags);
        return traversals.apply(v == null ? Value.unknown() : v, t.steps(), c.consumed(), locals);
    }

    private Value conditional(ConditionalExpr c, Locals locals) {
        Value cond = eval(c.condition(), locals);
        boolean sensitive = Marks.sensitive(cond);
        Value plain = Marks.unwrap(cond);
        if (Marks.unknown(plain)) {
            // Either branch may be the answer, so a secret in either marks it; errors wait until
            // the condition is known and one branch is really taken.
            Evaluation quiet = withDiagnostics(new Diagnostics());
            boolean either = quiet.eval(c.trueResult(), locals).containsSensitive()
                    || quiet.eval(c.falseResult(), locals).containsSensitive();
            return Marks.mark(Value.unknown(), sensitive || either);
        }
        Boolean b = Conversions.toBool(plain);
        if (b == null) {
            error("Invalid condition: expected a bool, but found " + Marks.article(plain),
                    "The condition before \"?\" must be true or false.", c.condition().range());
            return Value.unknown();
        }
        Value result = eval(b ? c.trueResult() : c.falseResult(), locals);
        // The other result only lends its type; its errors are not this expression's.
        Value other = withDiagnostics(new Diagnostics()).eval(b ? c.falseResult() : c.trueResult(), locals);
        try {
            result = ConditionalTypes.unify(result, other);
        } catch (ConditionalTypes.Inconsistent e) {
            error("Inconsistent conditional result types: " + e.getMessage(),
                    "The true and false results of a conditional must have the same type, or types that convert "
                            + "to one (a number or bool converts to a string).", c.range());
            return Value.unknown();
        }
        return Marks.mark(result, sensitive);
    }

    private Value object(ObjectConsExpr o, Locals locals) {
        Map<String, Value> entries = new LinkedHashMap<>();
        boolean unknown = false;
        boolean sensitive = false;
        for (ObjectConsExpr.Item item : o.items()) {
            Value k = eval(item.key(), locals);
            Value v = eval(item.value(), locals);
            sensitive |= Marks.sensitive(k);
            k = Marks.unwrap(k);
            if (Marks.unknown(k)) {
                unknown = true;
                continue;
            }
            String key = Conversions.toStringKey(k);
            if (key == null) {
                error("Invalid object key: expected a string, but found " + Marks.article(k),
                        "Object keys must be strings, numbers or bools.", item.key().range());
                unknown = true;
                continue;
            }
            entries.put(key, v);
        }
        if (unknown) return Marks.mark(Value.unknown(), sensitive);
        return Marks.mark(Value.map(entries), sensitive);
    }

    static boolean isNull(Value v) {
        return v instanceof NullValue;
    }

    static Value bool(boolean b) {
        return b ? BoolValue.TRUE : BoolValue.FALSE;
    }

    static Value str(String s) {
        return new StringValue(s);
    }

    static String stepName(TraversalStep s) {
        return s instanceof TraversalStep.Attr a ? a.name() : "[...]";
    }
}
