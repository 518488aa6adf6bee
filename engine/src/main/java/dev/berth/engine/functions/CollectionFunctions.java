package dev.berth.engine.functions;

import dev.berth.engine.types.Type;
import dev.berth.engine.types.TypeConversionException;
import dev.berth.engine.types.ValueOrder;
import dev.berth.engine.value.BoolValue;
import dev.berth.engine.value.BinaryFloat;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.NumberValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.UnknownValue;
import dev.berth.engine.value.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Terraform's functions over lists, sets and tuples (all represented by {@link ListValue}). */
final class CollectionFunctions {
    private CollectionFunctions() {
    }

    static List<Function> all() {
        return List.of(
                Fn.of("alltrue", List.of("list"), a -> {
                    for (Value v : bools(a)) if (v != BoolValue.TRUE) return Value.of(false);
                    return Value.of(true);
                }),
                Fn.of("anytrue", List.of("list"), a -> Value.of(bools(a).contains(BoolValue.TRUE))),
                Fn.of("chunklist", List.of("list", "size"), CollectionFunctions::chunklist),
                // Known once an argument before any unknown one decides it, as in a Terraform plan.
                Fn.variadic("coalesce", List.of(), "vals", CollectionFunctions::coalesce).acceptingUnknown(),
                Fn.variadic("coalescelist", List.of(), "vals", CollectionFunctions::coalescelist),
                Fn.of("compact", List.of("list"), a -> {
                    List<Value> out = new ArrayList<>();
                    for (Value v : ((ListValue) a.convert(0, Type.list(Type.STRING))).items()) {
                        if (!v.isNull() && !((StringValue) v).value().isEmpty()) out.add(v);
                    }
                    return new ListValue(out);
                }),
                Fn.variadic("concat", List.of(), "seqs", CollectionFunctions::concat),
                Fn.of("contains", List.of("list", "value"), a -> Value.of(a.list(0).contains(a.get(1)))),
                // The list is converted to one element type first, so 1 and "1" are the same element.
                Fn.of("distinct", List.of("list"), a -> new ListValue(new ArrayList<>(new LinkedHashSet<>(
                        ((ListValue) a.convert(0, dev.berth.engine.types.Type.list(dev.berth.engine.types.Type.ANY))).items())))),
                Fn.of("element", List.of("list", "index"), CollectionFunctions::element),
                Fn.of("flatten", List.of("list"), a -> {
                    List<Value> out = new ArrayList<>();
                    flatten(a.list(0), out);
                    return new ListValue(out);
                }),
                Fn.of("index", List.of("list", "value"), a -> {
                    int at = a.list(0).indexOf(a.get(1));
                    if (at < 0) throw new FunctionException("item not found");
                    return Value.of(at);
                }),
                Fn.of("length", List.of("value"), CollectionFunctions::length).acceptingUnknown(),
                // Terraform 0.12 removed list(); berth keeps it for old configurations: its arguments as a list.
                Fn.variadic("list", List.of(), "vals", a -> new ListValue(a.from(0))),
                Fn.of("one", List.of("list"), a -> {
                    Value v = a.notNull(0);
                    if (!(v instanceof ListValue l) || l.size() > 1) {
                        throw a.invalid(0, "must be a list, set, or tuple value with either zero or one elements");
                    }
                    return l.size() == 0 ? Value.nil() : l.get(0);
                }),
                Fn.variadic("range", List.of(), "params", RangeFunction::range),
                Fn.of("reverse", List.of("list"), a -> {
                    List<Value> out = new ArrayList<>(a.list(0));
                    java.util.Collections.reverse(out);
                    return new ListValue(out);
                }),
                Fn.of("slice", List.of("list", "start_index", "end_index"), CollectionFunctions::slice),
                Fn.of("sort", List.of("list"), CollectionFunctions::sort),
                Fn.of("sum", List.of("list"), CollectionFunctions::sum));
    }

    private static List<Value> bools(Args a) {
        return ((ListValue) a.convert(0, Type.list(Type.BOOL))).items();
    }

    private static Value chunklist(Args a) {
        List<Value> list = a.list(0);
        int size = a.integer(1);
        if (size < 0) throw a.invalid(1, "the size argument must be positive");
        if (list.isEmpty()) return new ListValue(List.of());
        // A size of zero means "don't chunk", giving the whole list as the only chunk.
        if (size == 0) return new ListValue(List.of(new ListValue(list)));
        List<Value> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            out.add(new ListValue(list.subList(i, Math.min(i + size, list.size()))));
        }
        return new ListValue(out);
    }

    /** The first argument that is neither null nor an empty string, in the arguments' common type. */
    private static Value coalesce(Args a) {
        List<Value> unified;
        try {
            unified = ((ListValue) Type.list(Type.ANY).convert(new ListValue(a.from(0)))).items();
        } catch (TypeConversionException e) {
            throw new FunctionException("all arguments must have the same type");
        }
        for (Value v : unified) {
            if (v instanceof UnknownValue) return v;
            if (v.isNull() || (v instanceof StringValue s && s.value().isEmpty())) continue;
            return v;
        }
        throw new FunctionException("no non-null, non-empty-string arguments");
    }

    private static Value coalescelist(Args a) {
        if (a.size() == 0) throw new FunctionException("at least one argument is required");
        for (int i = 0; i < a.size(); i++) {
            Value v = a.get(i);
            if (v.isNull()) continue;
            if (!(v instanceof ListValue l)) {
                throw new FunctionException(i, "coalescelist arguments must be lists or tuples, got " + v.typeName());
            }
            if (l.size() > 0) return l;
        }
        throw new FunctionException("no non-null arguments");
    }

    private static Value concat(Args a) {
        if (a.size() == 0) throw new FunctionException("at least one argument is required");
        List<Value> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            Value v = a.notNull(i);
            if (!(v instanceof ListValue l) || l.set()) {
                throw new FunctionException(i, "all arguments must be lists or tuples; got "
                        + (v instanceof ListValue ? "set" : v.typeName()));
            }
            out.addAll(l.items());
        }
        return new ListValue(out);
    }

    /** Indexes past the end wrap around, which is what makes element() useful with count.index. */
    private static Value element(Args a) {
        List<Value> list = a.list(0);
        int index = a.integer(1);
        if (index < 0) throw a.invalid(1, "cannot use element function with a negative index");
        if (list.isEmpty()) throw a.invalid(0, "cannot use element function with an empty list");
        return list.get(index % list.size());
    }

    private static void flatten(List<Value> items, List<Value> out) {
        for (Value v : items) {
            if (v instanceof ListValue l) flatten(l.items(), out);
            else out.add(v);
        }
    }

    /** Counting elements needs only the collection itself to be known, not its elements. */
    private static Value length(Args a) {
        Value v = a.get(0);
        if (v instanceof UnknownValue) return v;
        if (v.isNull()) throw a.invalid(0, "argument must not be null");
        if (v instanceof StringValue s) return Value.of(Text.graphemes(s.value()).size());
        if (v instanceof ListValue l) return Value.of(l.size());
        if (v instanceof MapValue m) return Value.of(m.entries().size());
        throw a.invalid(0, "argument must be a string, a collection type, or a structural type");
    }

    private static Value slice(Args a) {
        List<Value> list = a.list(0);
        int start = a.integer(1), end = a.integer(2);
        if (start < 0) throw a.invalid(1, "start index must not be less than zero");
        if (end > list.size()) throw a.invalid(2, "end index must not be greater than the length of the list");
        if (start > end) throw a.invalid(1, "start index must not be greater than end index");
        return new ListValue(list.subList(start, end));
    }

    /** Lexical order even for numbers, because Terraform's sort works on strings. */
    private static Value sort(Args a) {
        List<Value> items = new ArrayList<>(((ListValue) a.convert(0, Type.list(Type.STRING))).items());
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).isNull()) {
                throw a.invalid(0, "given list element " + i + " is null; a null string cannot be sorted");
            }
        }
        items.sort(ValueOrder.INSTANCE);
        return new ListValue(items);
    }

    private static Value sum(Args a) {
        List<Value> items = a.list(0);
        if (items.isEmpty()) throw a.invalid(0, "cannot sum an empty list");
        BigDecimal total = BigDecimal.ZERO;
        for (Value v : items) {
            Value n;
            try {
                n = v.isNull() ? v : Type.NUMBER.convert(v);
            } catch (TypeConversionException e) {
                n = v;
            }
            if (!(n instanceof NumberValue num)) {
                throw a.invalid(0, "argument must be list, set, or tuple of number values");
            }
            total = BinaryFloat.add(total, num.value());
        }
        return new NumberValue(total);
    }
}
