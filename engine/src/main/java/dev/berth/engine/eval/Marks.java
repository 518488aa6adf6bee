package dev.berth.engine.eval;

import dev.berth.engine.value.SensitiveValue;
import dev.berth.engine.value.UnknownValue;
import dev.berth.engine.value.Value;

/** Helpers for the two markings that ride along every operation: unknown and sensitive. */
final class Marks {
    private Marks() {
    }

    static boolean sensitive(Value v) {
        return v instanceof SensitiveValue;
    }

    static Value unwrap(Value v) {
        return v instanceof SensitiveValue s ? s.inner() : v;
    }

    static boolean unknown(Value v) {
        return unwrap(v) instanceof UnknownValue;
    }

    static Value mark(Value v, boolean sensitive) {
        return sensitive ? Value.sensitive(v) : v;
    }

    /** "a string", "an object": type names as diagnostics say them. */
    static String article(Value v) {
        String t = unwrap(v).typeName();
        if (t.equals("null")) return "null";
        return (t.startsWith("o") || t.startsWith("u") ? "an " : "a ") + t;
    }
}
