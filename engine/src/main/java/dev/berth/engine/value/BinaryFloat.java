package dev.berth.engine.value;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Terraform's number arithmetic. Terraform's numbers are Go big.Float values with 512 bits of
 * binary mantissa rounded to nearest even, and they print as the shortest decimal that reads back
 * as the same binary value. So 1/3*3 is exactly 1, 0.1+0.2 prints 0.3 while 1-0.9 prints
 * 0.1000...0003, and format("%.2f", 2.675) rounds the binary value just below 2.675 to 2.67.
 *
 * <p>berth keeps numbers as decimals ({@link NumberValue}); every operation here converts its
 * operands to the nearest 512-bit binary value, computes with one rounding, and answers the
 * shortest decimal of the result, so decimals and Terraform's binary values stay in step.
 */
public final class BinaryFloat {
    /** Mantissa bits of Terraform's numbers (cty parses and computes at this precision). */
    public static final int PRECISION = 512;

    /** value = mantissa × 2^exponent, mantissa non-negative with at most PRECISION bits. */
    private record Bin(int sign, BigInteger mantissa, int exponent) {
        BigDecimal exact() {
            BigDecimal m = new BigDecimal(sign < 0 ? mantissa.negate() : mantissa);
            if (exponent >= 0) return m.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(exponent)));
            return new BigDecimal((sign < 0 ? mantissa.negate() : mantissa).multiply(BigInteger.valueOf(5).pow(-exponent)),
                    -exponent);
        }
    }

    private BinaryFloat() {
    }

    public static BigDecimal add(BigDecimal x, BigDecimal y) {
        if (isSmallInteger(x) && isSmallInteger(y)) return x.add(y);
        return shortest(round(bin(x).exact().add(bin(y).exact())));
    }

    public static BigDecimal subtract(BigDecimal x, BigDecimal y) {
        if (isSmallInteger(x) && isSmallInteger(y)) return x.subtract(y);
        return shortest(round(bin(x).exact().subtract(bin(y).exact())));
    }

    public static BigDecimal multiply(BigDecimal x, BigDecimal y) {
        if (isSmallInteger(x) && isSmallInteger(y)) return x.multiply(y);
        return shortest(round(bin(x).exact().multiply(bin(y).exact())));
    }

    /** x / y; y must not be zero. */
    public static BigDecimal divide(BigDecimal x, BigDecimal y) {
        return shortest(quotient(bin(x), bin(y)));
    }

    /** Terraform's x % y: x - y * trunc(x / y), each step at 512 bits; y must not be zero. */
    public static BigDecimal remainder(BigDecimal x, BigDecimal y) {
        if (isSmallInteger(x) && isSmallInteger(y)) return x.remainder(y);
        BigDecimal q = quotient(bin(x), bin(y)).exact();
        BigDecimal t = new BigDecimal(q.toBigInteger());
        BigDecimal product = round(bin(y).exact().multiply(t)).exact();
        return shortest(round(bin(x).exact().subtract(product)));
    }

    /**
     * A float64 result (Terraform's log and pow compute in float64) as the shortest decimal that
     * reads back as that double, which is how Terraform prints it; Java 17's Double.toString is
     * not always the shortest.
     */
    public static BigDecimal fromDouble(double d) {
        if (d == 0) return BigDecimal.ZERO;
        return shortest(round(new BigDecimal(d), 53), 53);
    }

    /** The exact decimal value of the 512-bit binary number nearest to n (what Go formats). */
    public static BigDecimal binaryValue(BigDecimal n) {
        return bin(n).exact();
    }

    /** n as Terraform would hold it: the shortest decimal of its nearest 512-bit value. */
    public static BigDecimal canonical(BigDecimal n) {
        if (isSmallInteger(n)) return n;
        return shortest(bin(n));
    }

    private static boolean isSmallInteger(BigDecimal n) {
        return n.signum() == 0 || (n.scale() <= 0 || n.stripTrailingZeros().scale() <= 0)
                && n.toBigInteger().bitLength() < PRECISION;
    }

    private static Bin bin(BigDecimal n) {
        return round(n);
    }

    /** The nearest binary value (ties to even) of an exact decimal. */
    private static Bin round(BigDecimal n) {
        return round(n, PRECISION);
    }

    private static Bin round(BigDecimal n, int precision) {
        if (n.signum() == 0) return new Bin(0, BigInteger.ZERO, 0);
        int sign = n.signum();
        BigDecimal abs = n.abs();
        BigInteger num = abs.unscaledValue();
        BigInteger den = BigInteger.ONE;
        if (abs.scale() > 0) den = BigInteger.TEN.pow(abs.scale());
        else num = num.multiply(BigInteger.TEN.pow(-abs.scale()));
        return rational(sign, num, den, precision);
    }

    private static Bin quotient(Bin x, Bin y) {
        if (x.sign == 0) return x;
        BigInteger num = x.mantissa, den = y.mantissa;
        int e = x.exponent - y.exponent;
        if (e >= 0) num = num.shiftLeft(e);
        else den = den.shiftLeft(-e);
        return rational(x.sign * y.sign, num, den, PRECISION);
    }

    /** num/den (both positive) rounded to {@code precision} bits, ties to even. */
    private static Bin rational(int sign, BigInteger num, BigInteger den, int precision) {
        int k = precision + 2 + den.bitLength() - num.bitLength();
        BigInteger n = k >= 0 ? num.shiftLeft(k) : num;
        BigInteger d = k >= 0 ? den : den.shiftLeft(-k);
        BigInteger[] qr = n.divideAndRemainder(d);
        BigInteger q = qr[0];
        boolean sticky = qr[1].signum() != 0;
        int exponent = -k;
        int excess = q.bitLength() - precision;
        if (excess > 0) {
            BigInteger dropped = q.and(BigInteger.ONE.shiftLeft(excess).subtract(BigInteger.ONE));
            BigInteger half = BigInteger.ONE.shiftLeft(excess - 1);
            q = q.shiftRight(excess);
            exponent += excess;
            int cmp = dropped.compareTo(half);
            boolean up = cmp > 0 || (cmp == 0 && (sticky || q.testBit(0)));
            if (up) q = q.add(BigInteger.ONE);
            if (q.bitLength() > precision) {
                q = q.shiftRight(1);
                exponent++;
            }
        }
        return new Bin(sign, q, exponent);
    }

    /**
     * The shortest decimal that rounds back to x at PRECISION bits: Go's big.Float Text('f', -1)
     * (its roundShortest), so printed numbers are digit for digit Terraform's.
     */
    private static BigDecimal shortest(Bin x) {
        return shortest(x, PRECISION);
    }

    private static BigDecimal shortest(Bin x, int precision) {
        if (x.sign == 0) return BigDecimal.ZERO;
        // Normalise to the precision, then look at the neighbours half an ulp away.
        int shift = precision - x.mantissa.bitLength();
        BigInteger m = x.mantissa.shiftLeft(shift).shiftLeft(1);
        int e = x.exponent - shift - 1;
        BigDecimal value = new Bin(1, m, e).exact().stripTrailingZeros();
        BigDecimal lower = new Bin(1, m.subtract(BigInteger.ONE), e).exact().stripTrailingZeros();
        BigDecimal upper = new Bin(1, m.add(BigInteger.ONE), e).exact().stripTrailingZeros();
        boolean inclusive = !m.testBit(1);
        // Go compares the digit strings position by position, whatever their exponents.
        String digits = value.unscaledValue().toString();
        int point = digits.length() - value.scale();
        String lo = lower.unscaledValue().toString();
        String up = upper.unscaledValue().toString();
        for (int i = 0; i < digits.length(); i++) {
            char l = at(lo, i), d = digits.charAt(i), u = at(up, i);
            boolean okDown = l != d || inclusive && i + 1 == lo.length();
            boolean okUp = d != u && (inclusive || d + 1 < u || i + 1 < up.length());
            String head = digits.substring(0, i + 1);
            if (okDown && okUp) {
                return decimal(x.sign, roundsUp(digits, i + 1) ? new BigInteger(head).add(BigInteger.ONE)
                        : new BigInteger(head), i + 1, point);
            }
            if (okDown) return decimal(x.sign, new BigInteger(head), i + 1, point);
            if (okUp) return decimal(x.sign, new BigInteger(head).add(BigInteger.ONE), i + 1, point);
        }
        return decimal(x.sign, new BigInteger(digits), digits.length(), point);
    }

    private static char at(String digits, int i) {
        return i < digits.length() ? digits.charAt(i) : '0';
    }

    /** Go's decimal.shouldRoundUp: a lone trailing 5 rounds to even, otherwise 5 and up round up. */
    private static boolean roundsUp(String digits, int n) {
        char next = digits.charAt(n);
        if (next == '5' && n + 1 == digits.length()) return n > 0 && (digits.charAt(n - 1) - '0') % 2 == 1;
        return next >= '5';
    }

    /** 0.DIGITS × 10^point, where DIGITS had {@code length} digits before any carry. */
    private static BigDecimal decimal(int sign, BigInteger digits, int length, int point) {
        BigDecimal d = new BigDecimal(digits, length - point);
        return sign < 0 ? d.negate() : d;
    }
}
