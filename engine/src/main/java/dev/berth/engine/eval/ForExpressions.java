package dev.berth.engine.eval;

import dev.berth.engine.hcl.ForExpr;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code [for ...]} and {@code {for ...}} including filtering and {@code ...} grouping. */
final class ForExpressions {
    private final Evaluation ev;

    ForExpressions(Evaluation ev) {
        this.ev = ev;
    }

    Value eval(ForExpr f, Locals locals) {
        Value coll = ev.eval(f.collection(), locals);
        boolean sensitive = Marks.sensitive(coll);
        coll = Marks.unwrap(coll);
        if (Marks.unknown(coll)) return Marks.mark(Value.unknown(), sensitive);
        List<Iteration.Entry> entries = Iteration.entries(ev, coll, f.collection().range());
        if (entries == null) return Value.unknown();
        boolean unknown = false;
        List<Value> items = new ArrayList<>();
        Map<String, Value> object = new LinkedHashMap<>();
        Map<String, List<Value>> groups = new LinkedHashMap<>();
        for (Iteration.Entry entry : entries) {
            Locals inner = locals.bind(f.keyVar(), entry.key()).bind(f.valueVar(), entry.value());
            if (f.condition() != null) {
                Value c = ev.eval(f.condition(), inner);
                sensitive |= Marks.sensitive(c);
                c = Marks.unwrap(c);
                if (Marks.unknown(c)) {
                    unknown = true;
                    continue;
                }
                Boolean keep = Conversions.toBool(c);
                if (keep == null) {
                    ev.error("Invalid for expression condition: expected a bool, but found " + Marks.article(c),
                            "The condition after \"if\" must be true or false.", f.condition().range());
                    return Value.unknown();
                }
                if (!keep) continue;
            }
            if (!f.isObject()) {
                items.add(ev.eval(f.valueExpr(), inner));
                continue;
            }
            Value k = ev.eval(f.keyExpr(), inner);
            sensitive |= Marks.sensitive(k);
            k = Marks.unwrap(k);
            if (Marks.unknown(k)) {
                unknown = true;
                continue;
            }
            String key = Conversions.toStringKey(k);
            if (key == null) {
                ev.error("Invalid object key: expected a string, but found " + Marks.article(k),
                        "The key expression of an object for expression must produce a string.", f.keyExpr().range());
                return Value.unknown();
            }
            Value v = ev.eval(f.valueExpr(), inner);
            if (f.grouping()) {
                groups.computeIfAbsent(key, x -> new ArrayList<>()).add(v);
            } else if (object.putIfAbsent(key, v) != null) {
                ev.error("Duplicate object key: the key \"" + key + "\" is produced more than once",
                        "Add \"...\" after the value expression to group values with the same key into lists.",
                        f.keyExpr().range());
                return Value.unknown();
            }
        }
        if (unknown) return Marks.mark(Value.unknown(), sensitive);
        Value result;
        if (!f.isObject()) {
            result = new ListValue(items);
        } else if (f.grouping()) {
            Map<String, Value> grouped = new LinkedHashMap<>();
            groups.forEach((k, vs) -> grouped.put(k, new ListValue(vs)));
            result = Value.map(grouped);
        } else {
            result = Value.map(object);
        }
        return Marks.mark(result, sensitive);
    }
}
