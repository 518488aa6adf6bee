package dev.berth.engine.eval;

import dev.berth.engine.value.BoolValue;
import dev.berth.engine.value.NumberValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

import java.math.BigDecimal;

/**
 * The implicit conversions HCL allows between primitives: "5" is accepted where a number is
 * needed and "true" where a bool is, so values read from strings keep working.
 */
final class Conversions {
    private Conversions() {
    }

    static BigDecimal toNumber(Value v) {
        if (v instanceof NumberValue n) return n.value();
        if (v instanceof StringValue s) {
            try {
                return new BigDecimal(s.value().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static Boolean toBool(Value v) {
        if (v instanceof BoolValue b) return b.value();
        if (v instanceof StringValue s) {
            if (s.value().equals("true")) return true;
            if (s.value().equals("false")) return false;
        }
        return null;
    }

    /** A primitive as template text or an object key; null for anything else. */
    static String toStringKey(Value v) {
        if (v instanceof StringValue s) return s.value();
        if (v instanceof NumberValue n) return n.value().toPlainString();
        if (v instanceof BoolValue b) return b.toString();
        return null;
    }
}
