package dev.berth.engine.value;

import java.math.BigDecimal;

/**
 * The magnitudes berth computes with: 1e-100000 to 1e100000. Terraform's big.Float reaches
 * further (binary exponents of 32 bits), but arithmetic here runs on exact decimals, whose cost
 * grows with the exponent: 1e999999999 + 1 would need a billion digits. No configuration needs
 * numbers near the bound, so beyond it a literal or an operand is an error, not a hang.
 */
public final class NumberRange {
    public static final int MAX_EXPONENT = 100_000;

    private NumberRange() {
    }

    public static boolean contains(BigDecimal n) {
        if (n.signum() == 0) return true;
        long exponent = (long) n.precision() - n.scale() - 1;
        return Math.abs(exponent) <= MAX_EXPONENT;
    }

    /** The sentence that says why a number was refused. */
    public static String explain(String what) {
        return what + " is outside the numbers berth computes with (magnitudes from 1e-" + MAX_EXPONENT + " to 1e"
                + MAX_EXPONENT + ").";
    }
}
