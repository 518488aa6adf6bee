package dev.berth.engine.eval;

import dev.berth.engine.diag.Suggestions;
import dev.berth.engine.diag.SourceRange;
import dev.berth.engine.hcl.SplatExpr;
import dev.berth.engine.hcl.TraversalStep;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.NullValue;
import dev.berth.engine.value.NumberValue;
import dev.berth.engine.value.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Attribute access, indexing and splats on values. */
final class Traversals {
    private static final int MAX_LISTED_KEYS = 20;
    private final Evaluation ev;

    Traversals(Evaluation ev) {
        this.ev = ev;
    }

    Value apply(Value v, List<TraversalStep> steps, int from, Locals locals) {
        for (int i = from; i < steps.size(); i++) {
            v = step(v, steps.get(i), locals);
        }
        return v;
    }

    private Value step(Value v, TraversalStep s, Locals locals) {
        if (s instanceof TraversalStep.Attr a) return attr(v, a.name(), a.range());
        TraversalStep.Index ix = (TraversalStep.Index) s;
        return index(v, ev.eval(ix.key(), locals), ix.range());
    }

    Value attr(Value v, String name, SourceRange range) {
        boolean sensitive = Marks.sensitive(v);
        v = Marks.unwrap(v);
        if (Marks.unknown(v)) return Marks.mark(Value.unknown(), sensitive);
        if (v instanceof MapValue m) {
            if (m.has(name)) return Marks.mark(m.get(name), sensitive);
            if (sensitive) {
                ev.error("Unsupported attribute: this object has no attribute named \"" + name + "\"",
                        "Its attributes are not listed because the object is sensitive.", range);
                return Value.unknown();
            }
            String suggestion = Suggestions.closest(name, m.entries().keySet()).orElse(null);
            ev.error("Unsupported attribute: this object has no attribute named \"" + name + "\"",
                    (suggestion != null ? "Did you mean \"" + suggestion + "\"? " : "")
                            + "Valid attributes: " + keys(m) + ".", range);
            return Value.unknown();
        }
        if (v instanceof NullValue) {
            ev.error("Attempt to get attribute from null value: cannot read \"" + name + "\" from null",
                    "This value is null, so it has no attributes.", range);
        } else if (v instanceof ListValue) {
            ev.error(PrimitiveAttributes.listSummary(name), PrimitiveAttributes.listDetail(name), range);
        } else {
            // Worded as Terraform and as the validate-time check of declared types (which
            // produces this very diagnostic for unknown values, so a run reports it once).
            ev.error(PrimitiveAttributes.summary(v.typeName()), PrimitiveAttributes.detail(v.typeName(), name), range);
        }
        return Value.unknown();
    }

    Value index(Value coll, Value key, SourceRange range) {
        boolean sensitive = Marks.sensitive(coll) || Marks.sensitive(key);
        coll = Marks.unwrap(coll);
        key = Marks.unwrap(key);
        if (Marks.unknown(coll) || Marks.unknown(key)) return Marks.mark(Value.unknown(), sensitive);
        if (coll instanceof ListValue l) return Marks.mark(listIndex(l, key, range, sensitive), sensitive);
        if (coll instanceof MapValue m) {
            String k = Conversions.toStringKey(key);
            if (k == null) {
                ev.error("Invalid index: a map key must be a string, but found " + Marks.article(key), "", range);
                return Value.unknown();
            }
            if (m.has(k)) return Marks.mark(m.get(k), sensitive);
            if (sensitive) {
                ev.error("Invalid index: the key does not exist in this map",
                        "The key and the map's keys are not shown because they are sensitive.", range);
                return Value.unknown();
            }
            ev.error("Invalid index: the key \"" + k + "\" does not exist in this map",
                    m.entries().isEmpty() ? "The map is empty." : "Valid keys: " + keys(m) + ".", range);
            return Value.unknown();
        }
        if (coll instanceof NullValue) {
            ev.error("Attempt to index null value: this value is null", "", range);
        } else {
            ev.error("Invalid index: cannot index " + Marks.article(coll),
                    "Only lists, maps and objects can be indexed.", range);
        }
        return Value.unknown();
    }

    private Value listIndex(ListValue l, Value key, SourceRange range, boolean sensitive) {
        BigDecimal n = Conversions.toNumber(key);
        if (n == null) {
            ev.error("Invalid index: a list index must be a number, but found " + Marks.article(key), "", range);
            return Value.unknown();
        }
        if (n.signum() < 0 || n.stripTrailingZeros().scale() > 0 || n.compareTo(BigDecimal.valueOf(l.size())) >= 0) {
            if (sensitive) {
                ev.error("Invalid index: the index is out of range for this list",
                        "The index and the list's length are not shown because they are sensitive.", range);
                return Value.unknown();
            }
            String shown = new NumberValue(n).toString();
            ev.error("Invalid index: the index " + shown + " is out of range for a list of length " + l.size(),
                    l.size() == 0 ? "The list is empty." : "Valid indexes are 0 to " + (l.size() - 1) + ".", range);
            return Value.unknown();
        }
        return l.get(n.intValueExact());
    }

    private static String keys(MapValue m) {
        StringBuilder sb = new StringBuilder();
        int count = 0;
        for (String k : m.entries().keySet()) {
            if (count++ == MAX_LISTED_KEYS) {
                sb.append(", ...");
                break;
            }
            if (sb.length() > 0) sb.append(", ");
            sb.append('"').append(k).append('"');
        }
        return sb.toString();
    }

    /**
     * {@code [*]} and {@code .*}: null gives an empty list, a list maps the steps over its
     * elements, anything else is treated as a one-element list.
     */
    Value splat(SplatExpr s, Locals locals) {
        Value src = ev.eval(s.source(), locals);
        boolean sensitive = Marks.sensitive(src);
        src = Marks.unwrap(src);
        if (Marks.unknown(src)) return Marks.mark(Value.unknown(), sensitive);
        if (src instanceof NullValue) return Marks.mark(new ListValue(List.of()), sensitive);
        List<Value> items = src instanceof ListValue l ? l.items() : List.of(src);
        List<Value> out = new ArrayList<>(items.size());
        for (Value item : items) out.add(apply(item, s.each(), 0, locals));
        return Marks.mark(new ListValue(out), sensitive);
    }
}
