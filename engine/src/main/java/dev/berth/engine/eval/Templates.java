package dev.berth.engine.eval;

import dev.berth.engine.hcl.Expr;
import dev.berth.engine.hcl.TemplateExpr;
import dev.berth.engine.hcl.TemplatePart;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.NullValue;
import dev.berth.engine.value.Value;

import java.util.List;

/**
 * Renders templates. Every part is still evaluated when one is unknown, so all errors are
 * reported; the result is unknown if any part was, and sensitive if any part was.
 */
final class Templates {
    private final Evaluation ev;
    private boolean unknown;
    private boolean sensitive;
    private boolean failed;

    Templates(Evaluation ev) {
        this.ev = ev;
    }

    Value render(TemplateExpr t, Locals locals) {
        StringBuilder sb = new StringBuilder();
        render(t.parts(), locals, sb);
        if (failed || unknown) return Marks.mark(Value.unknown(), sensitive);
        return Marks.mark(Value.of(sb.toString()), sensitive);
    }

    private void render(List<TemplatePart> parts, Locals locals, StringBuilder sb) {
        for (TemplatePart p : parts) {
            if (p instanceof TemplatePart.Literal l) {
                sb.append(l.text());
            } else if (p instanceof TemplatePart.Interpolation in) {
                append(ev.eval(in.expr(), locals), in.expr(), sb);
            } else if (p instanceof TemplatePart.If c) {
                Boolean b = condition(c.condition(), locals);
                if (b != null) render(b ? c.thenParts() : c.elseParts(), locals, sb);
            } else if (p instanceof TemplatePart.For f) {
                loop(f, locals, sb);
            }
        }
    }

    private Boolean condition(Expr e, Locals locals) {
        Value v = ev.eval(e, locals);
        sensitive |= Marks.sensitive(v);
        v = Marks.unwrap(v);
        if (Marks.unknown(v)) {
            unknown = true;
            return null;
        }
        Boolean b = Conversions.toBool(v);
        if (b == null) {
            ev.error("Invalid template if condition: expected a bool, but found " + Marks.article(v), "", e.range());
            failed = true;
        }
        return b;
    }

    private void loop(TemplatePart.For f, Locals locals, StringBuilder sb) {
        Value coll = ev.eval(f.collection(), locals);
        sensitive |= Marks.sensitive(coll);
        coll = Marks.unwrap(coll);
        if (Marks.unknown(coll)) {
            unknown = true;
            return;
        }
        List<Iteration.Entry> entries = Iteration.entries(ev, coll, f.collection().range());
        if (entries == null) {
            failed = true;
            return;
        }
        for (Iteration.Entry e : entries) {
            render(f.body(), locals.bind(f.keyVar(), e.key()).bind(f.valueVar(), e.value()), sb);
        }
    }

    private void append(Value v, Expr src, StringBuilder sb) {
        sensitive |= Marks.sensitive(v);
        v = Marks.unwrap(v);
        if (Marks.unknown(v)) {
            unknown = true;
            return;
        }
        String s = Conversions.toStringKey(v);
        if (s != null) {
            sb.append(s);
            return;
        }
        failed = true;
        if (v instanceof NullValue) {
            ev.error("Invalid template interpolation value: the expression result is null",
                    "Null cannot be included in a string; use coalesce() or a conditional to supply a default.",
                    src.range());
        } else if (v instanceof ListValue || v instanceof MapValue) {
            ev.error("Invalid template interpolation value: cannot include " + Marks.article(v) + " in a string",
                    "Use join() or jsonencode() to turn it into a string first.", src.range());
        }
    }
}
