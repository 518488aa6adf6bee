package dev.berth.engine.functions;

import dev.berth.engine.value.NumberValue;
import dev.berth.engine.value.Value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

/**
 * Terraform's numeric functions. Exact arithmetic where Terraform is exact; log and pow go
 * through double because Terraform computes them in float64 too.
 */
final class NumericFunctions {
    private static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private NumericFunctions() {
    }

    static List<Function> all() {
        return List.of(
                Fn.of("abs", List.of("num"), a -> num(a.number(0).abs())),
                Fn.of("ceil", List.of("num"), a -> num(a.number(0).setScale(0, RoundingMode.CEILING))),
                Fn.of("floor", List.of("num"), a -> num(a.number(0).setScale(0, RoundingMode.FLOOR))),
                Fn.of("log", List.of("num", "base"),
                        a -> fromDouble(Math.log(a.number(0).doubleValue()) / Math.log(a.number(1).doubleValue()))),
                Fn.of("pow", List.of("num", "power"),
                        a -> fromDouble(Math.pow(a.number(0).doubleValue(), a.number(1).doubleValue()))),
                Fn.of("signum", List.of("num"), a -> {
                    // Terraform's signum works on 64-bit integers and rejects anything else.
                    BigDecimal n = a.number(0);
                    if (n.stripTrailingZeros().scale() > 0 || n.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                        throw new FunctionException(0, "value must be a whole number between "
                                + Long.MIN_VALUE + " and " + Long.MAX_VALUE);
                    }
                    return Value.of(n.signum());
                }),
                Fn.variadic("max", List.of(), "numbers", a -> extreme(a, true)),
                Fn.variadic("min", List.of(), "numbers", a -> extreme(a, false)),
                Fn.of("parseint", List.of("number", "base"), NumericFunctions::parseint));
    }

    private static Value num(BigDecimal n) {
        return new NumberValue(n);
    }

    private static Value fromDouble(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new FunctionException("result is not a finite number (" + d + ")");
        }
        return num(dev.berth.engine.value.BinaryFloat.fromDouble(d));
    }

    private static Value extreme(Args a, boolean max) {
        if (a.size() == 0) throw new FunctionException("must pass at least one number");
        BigDecimal best = a.number(0);
        for (int i = 1; i < a.size(); i++) {
            BigDecimal n = a.number(i);
            if (max ? n.compareTo(best) > 0 : n.compareTo(best) < 0) best = n;
        }
        return num(best);
    }

    /** Go's big.Int parsing: up to 36 letters are case-insensitive, beyond that case matters. */
    private static Value parseint(Args a) {
        String s = a.string(0);
        int base = a.integer(1);
        if (base < 2 || base > 62) {
            throw a.invalid(1, "base must be a whole number between 2 and 62 inclusive");
        }
        String digits = s;
        boolean negative = false;
        if (digits.startsWith("-") || digits.startsWith("+")) {
            negative = digits.startsWith("-");
            digits = digits.substring(1);
        }
        if (digits.isEmpty()) throw cannotParse(a, s, base);
        BigInteger result = BigInteger.ZERO;
        BigInteger b = BigInteger.valueOf(base);
        for (char c : digits.toCharArray()) {
            int d = DIGITS.indexOf(base <= 36 ? Character.toLowerCase(c) : c);
            if (d < 0 || d >= base) throw cannotParse(a, s, base);
            result = result.multiply(b).add(BigInteger.valueOf(d));
        }
        return num(new BigDecimal(negative ? result.negate() : result));
    }

    private static FunctionException cannotParse(Args a, String s, int base) {
        return a.invalid(0, "cannot parse " + Text.quote(s) + " as a base " + base + " integer");
    }
}
