package dev.berth.engine.eval;

import dev.berth.engine.diag.SourceRange;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.NullValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The key/value pairs a for expression or template loop visits. */
final class Iteration {
    record Entry(Value key, Value value) {
    }

    private Iteration() {
    }

    /**
     * Lists yield index/element, sets element/element (as Terraform binds them), maps key/value
     * in key order; null after reporting an error.
     */
    static List<Entry> entries(Evaluation ev, Value coll, SourceRange range) {
        if (coll instanceof ListValue l) {
            List<Entry> out = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) out.add(new Entry(l.set() ? l.get(i) : Value.of(i), l.get(i)));
            return out;
        }
        if (coll instanceof MapValue m) {
            List<Entry> out = new ArrayList<>(m.entries().size());
            for (Map.Entry<String, Value> e : m.entries().entrySet()) {
                out.add(new Entry(Value.of(e.getKey()), e.getValue()));
            }
            return out;
        }
        if (coll instanceof NullValue) {
            ev.error("Iteration over null value: the collection to iterate over is null",
                    "A for expression needs a list, set, map or object.", range);
        } else {
            ev.error("Iteration over non-iterable value: expected a list, set, map or object, but found "
                    + Marks.article(coll), "", range);
        }
        return null;
    }
}
