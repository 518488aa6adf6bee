package dev.berth.engine.functions;

import dev.berth.engine.value.ListValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.List;

/** format and formatlist, both driven by {@link Formatter}. */
final class FormatFunctions {
    private FormatFunctions() {
    }

    static List<Function> all() {
        return List.of(
                Fn.variadic("format", List.of("format"), "args",
                        a -> new StringValue(Formatter.format(a.string(0), a.from(1)))),
                Fn.variadic("formatlist", List.of("format"), "args", FormatFunctions::formatlist));
    }

    /** Lists are walked in step, other arguments repeat; with no lists there is one result. */
    private static Value formatlist(Args a) {
        String format = a.string(0);
        List<Value> rest = a.from(1);
        int length = -1, chooser = -1;
        for (int i = 0; i < rest.size(); i++) {
            if (rest.get(i) instanceof ListValue l) {
                if (length == -1) {
                    length = l.size();
                    chooser = i;
                } else if (l.size() != length) {
                    throw new FunctionException(i + 1, "argument " + (i + 1) + " has length " + l.size()
                            + ", which is inconsistent with argument " + (chooser + 1) + " of length " + length);
                }
            }
        }
        if (length == -1) length = 1;
        List<Value> out = new ArrayList<>(length);
        for (int n = 0; n < length; n++) {
            List<Value> callArgs = new ArrayList<>(rest.size());
            for (Value v : rest) callArgs.add(v instanceof ListValue l ? l.get(n) : v);
            try {
                out.add(new StringValue(Formatter.format(format, callArgs)));
            } catch (FunctionException e) {
                throw new FunctionException("error on format iteration " + n + ": " + e.getMessage());
            }
        }
        return new ListValue(out);
    }
}
