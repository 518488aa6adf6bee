package dev.berth.cli.view;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** US dollars as people read them; amounts are exact until here, and rounded half up here only. */
public final class Money {
    private Money() {
    }

    /** "$18.02", "-$3.50". */
    public static String usd(BigDecimal amount) {
        BigDecimal cents = amount.setScale(2, RoundingMode.HALF_UP);
        return (cents.signum() < 0 ? "-$" : "$") + cents.abs().toPlainString();
    }

    /** "+$18.02", "-$18.02", "+$0.00". */
    public static String change(BigDecimal amount) {
        BigDecimal cents = amount.setScale(2, RoundingMode.HALF_UP);
        return (cents.signum() < 0 ? "-" : "+") + "$" + cents.abs().toPlainString();
    }

    /** Small running costs so far, to a hundredth of a cent: "$0.0011". */
    public static String fine(BigDecimal amount) {
        return "$" + amount.setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    /** An exact amount for machines: plain decimal text, no exponent, no trailing zeros. */
    public static String exact(BigDecimal amount) {
        if (amount == null) return null;
        BigDecimal s = amount.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
