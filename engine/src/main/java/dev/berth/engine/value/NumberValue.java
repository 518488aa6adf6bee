package dev.berth.engine.value;

import java.math.BigDecimal;

/**
 * An exact decimal number. Equality and printing ignore trailing zeros, so a user who wrote
 * {@code 256} never sees {@code 256.0}.
 */
public record NumberValue(BigDecimal value) implements Value {
    public NumberValue {
        // Normalising 1e999999999 would need a billion-digit integer: refuse it before that.
        if (!NumberRange.contains(value)) throw new NumberRangeException(value);
        value = normalise(value);
    }

    private static BigDecimal normalise(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    public boolean isInteger() {
        return value.scale() <= 0;
    }

    @Override
    public String typeName() {
        return "number";
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
