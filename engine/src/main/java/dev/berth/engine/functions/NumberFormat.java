package dev.berth.engine.functions;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's fmt number verbs over exact decimals. Terraform formats its 512-bit binary numbers with
 * Go's big.Float and big.Int, which round half to even on the exact decimal value of the binary
 * number; callers pass that value ({@link dev.berth.engine.value.BinaryFloat#binaryValue}), so
 * 2.675 (just below it in binary) rounds to 2.67 as in Terraform.
 */
final class NumberFormat {
    private NumberFormat() {
    }

    /** %v of a number: the shortest form, switching to an exponent outside [1e-4, 1e21). */
    static String shortestG(BigDecimal n) {
        return g(n, -1, 'e');
    }

    static String decimal(Formatter.Verb v, BigDecimal n) {
        String body = switch (v.mode) {
            case 'e', 'E' -> e(n.abs(), v.prec < 0 ? 6 : v.prec, v.mode);
            case 'f' -> n.abs().setScale(v.prec < 0 ? 6 : v.prec, RoundingMode.HALF_EVEN).toPlainString();
            default -> g(n.abs(), v.prec, v.mode == 'G' ? 'E' : 'e');
        };
        String sign = n.signum() < 0 ? "-" : v.plus ? "+" : v.space ? " " : "";
        int padding = Math.max(0, v.width - sign.length() - body.length());
        // big.Float lets '0' win over '-'.
        if (v.zero) return sign + "0".repeat(padding) + body;
        if (v.minus) return sign + body + " ".repeat(padding);
        return " ".repeat(padding) + sign + body;
    }

    static String integer(Formatter.Verb v, BigInteger i) {
        int radix = switch (v.mode) {
            case 'b' -> 2;
            case 'o' -> 8;
            case 'x', 'X' -> 16;
            default -> 10;
        };
        String digits = i.abs().toString(radix);
        if (v.mode == 'X') digits = digits.toUpperCase();
        String prefix = !v.sharp ? "" : switch (v.mode) {
            case 'b' -> "0b";
            case 'o' -> "0";
            case 'x' -> "0x";
            case 'X' -> "0X";
            default -> "";
        };
        String sign = i.signum() < 0 ? "-" : v.plus ? "+" : v.space ? " " : "";
        int zeros = v.prec >= 0 ? Math.max(0, v.prec - digits.length()) : 0;
        if (v.prec == 0 && i.signum() == 0) digits = "";
        int length = sign.length() + prefix.length() + zeros + digits.length();
        int left = 0, right = 0;
        if (v.width > length) {
            int d = v.width - length;
            if (v.minus) right = d;
            else if (v.zero && v.prec < 0) zeros = d;
            else left = d;
        }
        return " ".repeat(left) + sign + prefix + "0".repeat(zeros) + digits + " ".repeat(right);
    }

    /** %e of a non-negative number with {@code prec} digits after the point. */
    private static String e(BigDecimal n, int prec, char e) {
        if (n.signum() == 0) return "0" + (prec > 0 ? "." + "0".repeat(prec) : "") + e + "+00";
        BigDecimal r = n.round(new MathContext(prec + 1, RoundingMode.HALF_EVEN));
        return mantissaExp(r, prec, e);
    }

    private static String mantissaExp(BigDecimal r, int fractionDigits, char e) {
        String digits = r.unscaledValue().abs().toString();
        int exp = digits.length() - r.scale() - 1;
        StringBuilder b = new StringBuilder(digits.substring(0, 1));
        String rest = digits.substring(1);
        if (rest.length() < fractionDigits) rest = rest + "0".repeat(fractionDigits - rest.length());
        else rest = rest.substring(0, fractionDigits);
        if (fractionDigits > 0) b.append('.').append(rest);
        b.append(e).append(exp < 0 ? '-' : '+');
        int abs = Math.abs(exp);
        if (abs < 10) b.append('0');
        return b.append(abs).toString();
    }

    /** Go's %g: precision counts significant digits; -1 means as few as needed. */
    private static String g(BigDecimal n, int prec, char e) {
        String sign = n.signum() < 0 ? "-" : "";
        n = n.abs();
        boolean shortest = prec < 0;
        if (prec == 0) prec = 1;
        BigDecimal r = shortest ? n : n.round(new MathContext(prec, RoundingMode.HALF_EVEN));
        r = r.stripTrailingZeros();
        if (r.signum() == 0) return sign + "0";
        int digits = r.precision();
        int pointExp = digits - r.scale(); // Go's decimal.exp: digits before the point
        int eprec = shortest ? 6 : prec;
        if (!shortest && eprec > digits && digits >= pointExp) eprec = digits;
        int exp = pointExp - 1;
        if (exp < -4 || exp >= eprec) {
            return sign + mantissaExp(r, digits - 1, e);
        }
        return sign + r.setScale(Math.max(digits - pointExp, 0), RoundingMode.UNNECESSARY).toPlainString();
    }
}
