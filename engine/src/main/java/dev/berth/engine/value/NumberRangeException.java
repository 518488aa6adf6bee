package dev.berth.engine.value;

import java.math.BigDecimal;

/** A number outside {@link NumberRange} was about to become a value; whoever reads input says where. */
public final class NumberRangeException extends RuntimeException {
    public NumberRangeException(BigDecimal n) {
        super(NumberRange.explain("A number with " + Math.abs((long) n.precision() - n.scale() - 1) + " digits"
                + " of exponent"), null, false, false);
    }
}
