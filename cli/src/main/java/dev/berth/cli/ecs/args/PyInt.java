package dev.berth.cli.ecs.args;

import java.math.BigInteger;

/** Python's int(text) and float(text), which the AWS CLI applies to numeric parameters. */
public final class PyInt {
    private PyInt() {
    }

    public static BigInteger parse(String value) {
        String s = value.strip().replace("_", "");
        try {
            if (s.isEmpty() || value.contains("__") || value.strip().startsWith("_") || value.strip().endsWith("_")) {
                throw new NumberFormatException();
            }
            return new BigInteger(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            throw CliError.general("invalid literal for int() with base 10: " + pyRepr(value));
        }
    }

    static double parseFloat(String value) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw CliError.general("could not convert string to float: " + pyRepr(value));
        }
    }

    /** repr() of a str: single quotes unless the text holds one and no double quote. */
    static String pyRepr(String s) {
        char q = s.contains("'") && !s.contains("\"") ? '"' : '\'';
        StringBuilder b = new StringBuilder().append(q);
        for (char c : s.toCharArray()) {
            if (c == q || c == '\\') b.append('\\').append(c);
            else if (c == '\n') b.append("\\n");
            else if (c == '\t') b.append("\\t");
            else if (c == '\r') b.append("\\r");
            else b.append(c);
        }
        return b.append(q).toString();
    }
}
