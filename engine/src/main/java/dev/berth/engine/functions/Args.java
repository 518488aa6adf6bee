package dev.berth.engine.functions;

import dev.berth.engine.types.Type;
import dev.berth.engine.types.TypeConversionException;
import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.NumberValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The arguments of one call, with typed accessors that convert the way Terraform does (a number
 * where a string is wanted becomes its decimal text) and fail with Terraform's wording.
 */
final class Args {
    private final List<Value> values;
    private final List<String> params;
    private final String varParam;

    Args(List<Value> values, List<String> params, String varParam) {
        this.values = values;
        this.params = params;
        this.varParam = varParam;
    }

    int size() {
        return values.size();
    }

    Value get(int i) {
        return values.get(i);
    }

    /** Arguments from index {@code from} on, typically the variadic ones. */
    List<Value> from(int from) {
        return values.subList(Math.min(from, values.size()), values.size());
    }

    String paramName(int i) {
        return i < params.size() ? params.get(i) : varParam;
    }

    /** Terraform's "Invalid value for "x" parameter: problem." error. */
    FunctionException invalid(int i, String problem) {
        return new FunctionException(i, "Invalid value for \"" + paramName(i) + "\" parameter: " + problem + ".");
    }

    Value notNull(int i) {
        Value v = values.get(i);
        if (v.isNull()) throw invalid(i, "argument must not be null");
        return v;
    }

    Value convert(int i, Type type) {
        try {
            return type.convert(notNull(i));
        } catch (TypeConversionException e) {
            throw invalid(i, e.getMessage());
        }
    }

    String string(int i) {
        return ((StringValue) convert(i, Type.STRING)).value();
    }

    BigDecimal number(int i) {
        return ((NumberValue) convert(i, Type.NUMBER)).value();
    }

    boolean bool(int i) {
        return convert(i, Type.BOOL) == Value.of(true);
    }

    /** A whole number that fits an int, as indexes and counts must. */
    int integer(int i) {
        BigDecimal n = number(i);
        if (n.stripTrailingZeros().scale() > 0) throw invalid(i, "must be a whole number");
        try {
            return n.intValueExact();
        } catch (ArithmeticException e) {
            throw invalid(i, "number is too large");
        }
    }

    /** A list, set or tuple argument's elements. */
    List<Value> list(int i) {
        Value v = notNull(i);
        if (!(v instanceof ListValue l)) throw invalid(i, "list, set, or tuple required, but have " + v.typeName());
        return l.items();
    }

    List<String> strings(int i) {
        List<Value> items = ((ListValue) convert(i, Type.list(Type.STRING))).items();
        List<String> out = new ArrayList<>(items.size());
        for (int k = 0; k < items.size(); k++) {
            Value item = items.get(k);
            if (item.isNull()) throw invalid(i, "element " + k + " is null");
            out.add(((StringValue) item).value());
        }
        return out;
    }

    /** A map or object argument's entries. */
    Map<String, Value> map(int i) {
        Value v = notNull(i);
        if (!(v instanceof MapValue m)) throw invalid(i, "map or object required, but have " + v.typeName());
        return m.entries();
    }
}
