package dev.berth.engine.eval;

import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.NumberValue;
import dev.berth.engine.value.Value;

import java.util.Map;

/** Structural equality of unmarked, known values; numbers compare by value. */
final class Equality {
    private Equality() {
    }

    static boolean equal(Value a, Value b) {
        if (a instanceof NumberValue x && b instanceof NumberValue y) return x.value().compareTo(y.value()) == 0;
        if (a instanceof ListValue x && b instanceof ListValue y) {
            // A set is never equal to a list or tuple in Terraform, whatever their elements.
            if (x.set() != y.set() || x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++) if (!equal(x.get(i), y.get(i))) return false;
            return true;
        }
        if (a instanceof MapValue x && b instanceof MapValue y) {
            if (!x.entries().keySet().equals(y.entries().keySet())) return false;
            for (Map.Entry<String, Value> e : x.entries().entrySet()) {
                if (!equal(e.getValue(), y.get(e.getKey()))) return false;
            }
            return true;
        }
        return a.equals(b);
    }
}
