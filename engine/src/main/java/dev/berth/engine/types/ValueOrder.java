package dev.berth.engine.types;

import dev.berth.engine.value.BoolValue;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.NullValue;
import dev.berth.engine.value.NumberValue;
import dev.berth.engine.value.SensitiveValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The canonical order of set elements. Sets have no order of their own, so a fixed one keeps
 * plans and state files stable: strings lexically, numbers numerically, false before true,
 * collections element by element, then null. Unknown elements sort last.
 */
public final class ValueOrder implements Comparator<Value> {
    public static final ValueOrder INSTANCE = new ValueOrder();

    private ValueOrder() {
    }

    /** Removes duplicates and sorts; unknown elements are kept, since they may differ. */
    public static List<Value> distinctSorted(List<Value> items) {
        LinkedHashSet<Value> known = new LinkedHashSet<>();
        List<Value> unknown = new ArrayList<>();
        for (Value v : items) {
            if (v.isWhollyKnown()) known.add(v);
            else unknown.add(v);
        }
        List<Value> out = new ArrayList<>(known);
        out.sort(INSTANCE);
        out.addAll(unknown);
        return out;
    }

    @Override
    public int compare(Value a, Value b) {
        a = a instanceof SensitiveValue s ? s.inner() : a;
        b = b instanceof SensitiveValue s ? s.inner() : b;
        int ra = rank(a), rb = rank(b);
        if (ra != rb) return Integer.compare(ra, rb);
        if (a instanceof StringValue sa) return compareStrings(sa.value(), ((StringValue) b).value());
        if (a instanceof NumberValue na) return na.value().compareTo(((NumberValue) b).value());
        if (a instanceof BoolValue ba) return Boolean.compare(ba.value(), ((BoolValue) b).value());
        if (a instanceof ListValue la) return compareLists(la.items(), ((ListValue) b).items());
        if (a instanceof MapValue ma) return compareMaps(ma.entries(), ((MapValue) b).entries());
        return 0;
    }

    /**
     * Compares by code point, which matches the UTF-8 byte order Terraform sorts by; plain
     * String.compareTo would misplace characters outside the Basic Multilingual Plane.
     */
    public static int compareStrings(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i), cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    private int compareLists(List<Value> a, List<Value> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compare(a.get(i), b.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    }

    private int compareMaps(Map<String, Value> a, Map<String, Value> b) {
        Iterator<Map.Entry<String, Value>> ia = a.entrySet().iterator();
        Iterator<Map.Entry<String, Value>> ib = b.entrySet().iterator();
        while (ia.hasNext() && ib.hasNext()) {
            var ea = ia.next();
            var eb = ib.next();
            int c = ea.getKey().compareTo(eb.getKey());
            if (c == 0) c = compare(ea.getValue(), eb.getValue());
            if (c != 0) return c;
        }
        return Boolean.compare(ia.hasNext(), ib.hasNext());
    }

    private static int rank(Value v) {
        if (v instanceof BoolValue) return 1;
        if (v instanceof NumberValue) return 2;
        if (v instanceof StringValue) return 3;
        if (v instanceof ListValue) return 4;
        if (v instanceof MapValue) return 5;
        // Terraform's sets put null after every other known element.
        if (v instanceof NullValue) return 6;
        return 7;
    }
}
