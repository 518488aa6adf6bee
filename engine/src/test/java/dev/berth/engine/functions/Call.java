package dev.berth.engine.functions;

import dev.berth.engine.value.Value;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Test shorthand: calls go through the standard registry, as the evaluator's do. */
final class Call {
    static final FunctionRegistry REGISTRY = FunctionRegistry.standard();

    private Call() {
    }

    static Value call(String name, Value... args) {
        Function f = REGISTRY.lookup(name).orElseThrow(() -> new AssertionError("no function " + name));
        return REGISTRY.call(f, Arrays.asList(args));
    }

    static FunctionException fails(String name, Value... args) {
        return assertThrows(FunctionException.class, () -> call(name, args));
    }

    static Value s(String s) {
        return Value.of(s);
    }

    static Value n(long n) {
        return Value.of(n);
    }

    static Value n(String decimal) {
        return Value.of(new BigDecimal(decimal));
    }

    static Value b(boolean b) {
        return Value.of(b);
    }

    static Value list(Value... items) {
        return Value.list(List.of(items));
    }

    static Value strings(String... items) {
        return Value.list(Arrays.stream(items).map(Value::of).toList());
    }

    static Value nums(long... items) {
        return Value.list(Arrays.stream(items).mapToObj(Value::of).toList());
    }

    /** map("a", v1, "b", v2, ...) */
    static Value map(Object... kv) {
        Map<String, Value> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (Value) kv[i + 1]);
        return Value.map(m);
    }

    static Value nil() {
        return Value.nil();
    }
}
