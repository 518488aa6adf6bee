package dev.berth.engine.functions;

import java.math.BigDecimal;
import java.util.Map;

/** Go's time.ParseDuration: "1h30m", "-1.5s", "300ms"; units ns, us, µs, ms, s, m, h. */
final class GoDuration {
    private static final Map<String, Long> UNITS = Map.of("ns", 1L, "us", 1_000L, "µs", 1_000L, "μs", 1_000L,
            "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    private GoDuration() {
    }

    /** Nanoseconds; throws FunctionException with Go's wording for a malformed duration. */
    static long parse(String s) {
        String rest = s;
        boolean negative = false;
        if (rest.startsWith("-") || rest.startsWith("+")) {
            negative = rest.startsWith("-");
            rest = rest.substring(1);
        }
        if (rest.equals("0")) return 0;
        if (rest.isEmpty()) throw invalid(s);
        BigDecimal total = BigDecimal.ZERO;
        int i = 0;
        while (i < rest.length()) {
            int start = i;
            while (i < rest.length() && (Character.isDigit(rest.charAt(i)) || rest.charAt(i) == '.')) i++;
            String number = rest.substring(start, i);
            if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) throw invalid(s);
            int unitStart = i;
            while (i < rest.length() && !Character.isDigit(rest.charAt(i)) && rest.charAt(i) != '.') i++;
            String unit = rest.substring(unitStart, i);
            if (unit.isEmpty()) throw new FunctionException("time: missing unit in duration " + Text.quote(s));
            Long scale = UNITS.get(unit);
            if (scale == null) {
                throw new FunctionException("time: unknown unit " + Text.quote(unit) + " in duration " + Text.quote(s));
            }
            total = total.add(new BigDecimal(number.endsWith(".") ? number + "0" : number).multiply(BigDecimal.valueOf(scale)));
        }
        long nanos;
        try {
            nanos = total.setScale(0, java.math.RoundingMode.DOWN).longValueExact();
        } catch (ArithmeticException e) {
            throw invalid(s);
        }
        return negative ? -nanos : nanos;
    }

    private static FunctionException invalid(String s) {
        return new FunctionException("time: invalid duration " + Text.quote(s));
    }
}
