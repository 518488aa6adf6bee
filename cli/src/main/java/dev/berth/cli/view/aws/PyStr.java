package dev.berth.cli.view.aws;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;

/** Python's str() and json.dumps of scalars, which the AWS CLI's formatters print. */
final class PyStr {
    private PyStr() {
    }

    /** str(value): True/False for booleans, repr for floats, the text itself for strings. */
    static String str(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) return "None";
        if (v.isTextual()) return v.textValue();
        if (v.isBoolean()) return v.booleanValue() ? "True" : "False";
        if (v.isIntegralNumber()) return v.bigIntegerValue().toString();
        if (v.isNumber()) return floatRepr(v.doubleValue());
        if (naiveDateTime(v) != null) return naiveDateTime(v).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        return v.toString();
    }

    /** A datetime without zone (only skeletons hold one), else null. */
    static java.time.LocalDateTime naiveDateTime(JsonNode v) {
        return v.isPojo() && ((com.fasterxml.jackson.databind.node.POJONode) v).getPojo() instanceof java.time.LocalDateTime t ? t : null;
    }

    /** Python's float repr: shortest digits, fixed notation for exponents -4..15, else d.ddde+XX. */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
        BigDecimal b = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = b.unscaledValue().toString();
        int scale = b.scale();
        int exp = digits.length() - scale - 1;
        String sign = d < 0 ? "-" : "";
        if (exp >= -4 && exp < 16) {
            if (scale <= 0) return sign + digits + "0".repeat(-scale) + ".0";
            if (digits.length() > scale) {
                return sign + digits.substring(0, digits.length() - scale) + "." + digits.substring(digits.length() - scale);
            }
            return sign + "0." + "0".repeat(scale - digits.length()) + digits;
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }

    /** json.dumps of a string with ensure_ascii=False. */
    static void jsonString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }
}
