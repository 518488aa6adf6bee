package dev.berth.engine.functions;

import dev.berth.engine.types.Type;
import dev.berth.engine.types.TypeConversionException;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Set algebra. Arguments are converted to sets first (deduplicated, in canonical order) and the
 * results are sets too, so the answer never depends on the order elements were written in.
 */
final class SetFunctions {
    private SetFunctions() {
    }

    static List<Function> all() {
        return List.of(
                Fn.variadic("setunion", List.of("first_set"), "other_sets", a -> {
                    List<Value> all = new ArrayList<>();
                    for (int i = 0; i < a.size(); i++) all.addAll(a.list(i));
                    return toSet(all);
                }),
                Fn.variadic("setintersection", List.of("first_set"), "other_sets", a -> {
                    List<Value> result = new ArrayList<>(a.list(0));
                    for (int i = 1; i < a.size(); i++) result.retainAll(new HashSet<>(a.list(i)));
                    return toSet(result);
                }),
                Fn.of("setsubtract", List.of("a", "b"), a -> {
                    List<Value> result = new ArrayList<>(a.list(0));
                    result.removeAll(new HashSet<>(a.list(1)));
                    return toSet(result);
                }),
                Fn.variadic("setproduct", List.of(), "sets", SetFunctions::setproduct));
    }

    private static Value toSet(List<Value> items) {
        try {
            return Type.set(Type.ANY).convert(new ListValue(items));
        } catch (TypeConversionException e) {
            throw new FunctionException("given sets must all have compatible element types");
        }
    }

    /** Every combination, varying the last argument fastest as Terraform does. */
    private static Value setproduct(Args a) {
        if (a.size() < 2) throw new FunctionException("at least two arguments are required");
        List<List<Value>> combos = new ArrayList<>();
        combos.add(List.of());
        for (int i = 0; i < a.size(); i++) {
            List<Value> items = a.list(i);
            List<List<Value>> next = new ArrayList<>();
            for (List<Value> prefix : combos) {
                for (Value item : items) {
                    List<Value> combo = new ArrayList<>(prefix);
                    combo.add(item);
                    next.add(combo);
                }
            }
            combos = next;
        }
        List<Value> out = new ArrayList<>(combos.size());
        Set<Value> seen = new HashSet<>();
        for (List<Value> combo : combos) {
            ListValue tuple = new ListValue(combo);
            if (seen.add(tuple)) out.add(tuple);
        }
        return new ListValue(out);
    }
}
