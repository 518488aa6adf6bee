package dev.berth.engine.functions;

import dev.berth.engine.types.Type;
import dev.berth.engine.types.TypeConversionException;
import dev.berth.engine.value.BinaryFloat;
import dev.berth.engine.value.NumberValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * The printf-like language of {@code format}: {@code %[flags][[n]][width][.prec]verb}. Verbs
 * convert their argument the way Terraform does (so {@code %d} accepts "12") and widths count
 * grapheme clusters.
 */
final class Formatter {
    private final String format;
    private final List<Value> args;
    private final StringBuilder out = new StringBuilder();
    private int pos;
    private int nextArg = 1;

    private Formatter(String format, List<Value> args) {
        this.format = format;
        this.args = args;
    }

    /** @throws FunctionException describing the first problem, with its offset */
    static String format(String format, List<Value> args) {
        Formatter f = new Formatter(format, args);
        f.run();
        return f.out.toString();
    }

    private void run() {
        while (pos < format.length()) {
            char c = format.charAt(pos);
            if (c != '%') {
                out.append(c);
                pos++;
            } else if (format.startsWith("%%", pos)) {
                out.append('%');
                pos += 2;
            } else {
                verb();
            }
        }
    }

    private void verb() {
        Verb v = new Verb();
        v.offset = pos;
        pos++;
        for (; pos < format.length(); pos++) {
            char c = format.charAt(pos);
            if (c == '0') v.zero = true;
            else if (c == '#') v.sharp = true;
            else if (c == '-') v.minus = true;
            else if (c == '+') v.plus = true;
            else if (c == ' ') v.space = true;
            else break;
        }
        v.argNum = nextArg;
        if (peek() == '[') {
            pos++;
            v.argNum = number(v);
            if (v.argNum <= 0 || peek() != ']') throw bad();
            pos++;
        }
        if (Character.isDigit(peek()) && peek() != '0') v.width = number(v);
        if (peek() == '.') {
            pos++;
            v.prec = number(v);
        }
        char mode = peek();
        if (!((mode >= 'a' && mode <= 'z') || (mode >= 'A' && mode <= 'Z'))) {
            if (pos >= format.length()) {
                throw new FunctionException("invalid format string starting at offset " + v.offset);
            }
            throw new FunctionException("unrecognized format character '" + mode + "' at offset " + pos);
        }
        pos++;
        v.mode = mode;
        v.raw = format.substring(v.offset, pos);
        append(v);
        nextArg = v.argNum + 1;
    }

    private char peek() {
        return pos < format.length() ? format.charAt(pos) : '\0';
    }

    /**
     * A width, precision or argument index. Go's fmt, which Terraform's format hands the number
     * to, gives up on one that is past a million before its next digit (it then prints
     * "%!(NOVERB)" and the argument as the result); berth says so as an error instead. Read
     * without that limit, a long run of digits overflowed into a precision of hundreds of
     * millions (a fuzz input that ran for minutes).
     */
    private int number(Verb v) {
        int n = 0;
        while (Character.isDigit(peek())) {
            if (n > 1_000_000) {
                throw new FunctionException("invalid format string starting at offset " + v.offset
                        + ": a width, precision or argument index is too large");
            }
            n = n * 10 + (format.charAt(pos++) - '0');
        }
        return n;
    }

    private FunctionException bad() {
        return new FunctionException("invalid format string starting at offset " + pos);
    }

    private void append(Verb v) {
        if (v.argNum > args.size()) {
            throw new FunctionException("not enough arguments for \"" + v.raw + "\" at " + v.offset
                    + ": need index " + v.argNum + " but have " + args.size() + " total");
        }
        Value arg = args.get(v.argNum - 1);
        if (v.mode != 'v' && arg.isNull()) {
            throw v.unsupported("null value cannot be formatted");
        }
        switch (v.mode) {
            case 'v' -> asIs(v, arg);
            case 't' -> out.append(((dev.berth.engine.value.BoolValue) convert(v, arg, Type.BOOL)).value());
            case 'b', 'd', 'o', 'x', 'X' -> integer(v, ((NumberValue) convert(v, arg, Type.NUMBER)).value());
            case 'e', 'E', 'f', 'g', 'G' -> out.append(NumberFormat.decimal(v, formatted(v,
                    ((NumberValue) convert(v, arg, Type.NUMBER)).value())));
            case 's', 'q' -> string(v, ((StringValue) convert(v, arg, Type.STRING)).value());
            default -> throw new FunctionException("unsupported format verb '" + v.mode + "' in \"" + v.raw
                    + "\" at offset " + v.offset);
        }
    }

    private static Value convert(Verb v, Value arg, Type type) {
        try {
            return type.convert(arg);
        } catch (TypeConversionException e) {
            throw v.unsupported(e.getMessage());
        }
    }

    private void asIs(Verb v, Value arg) {
        if (!v.sharp && arg instanceof StringValue s) {
            out.append(pad(v, s.value()));
        } else if (!v.sharp && arg instanceof NumberValue n) {
            out.append(pad(v, NumberFormat.shortestG(n.value())));
        } else {
            out.append(pad(v, GoJson.encode(arg)));
        }
    }

    private void integer(Verb v, BigDecimal n) {
        BigInteger i;
        try {
            i = n.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw v.unsupported("an integer is required");
        }
        out.append(NumberFormat.integer(v, i));
    }

    private void string(Verb v, String s) {
        if (v.prec > 0) {
            List<String> chars = Text.graphemes(s);
            if (chars.size() > v.prec) s = String.join("", chars.subList(0, v.prec));
        }
        out.append(pad(v, v.mode == 'q' ? GoJson.quote(s) : s));
    }

    /** Pads to the width in grapheme clusters; '-' pads on the right, '0' pads with zeros. */
    private static String pad(Verb v, String s) {
        if (v.width < 0) return s;
        int have = Text.graphemes(s).size();
        if (have >= v.width) return s;
        String pads = (v.zero ? "0" : " ").repeat(v.width - have);
        return v.minus ? s + pads : pads + s;
    }

    /** One parsed verb. */
    static final class Verb {
        int offset;
        String raw;
        char mode;
        int argNum;
        boolean zero, sharp, minus, plus, space;
        int width = -1;
        int prec = -1;

        FunctionException unsupported(String why) {
            return new FunctionException("unsupported value for \"" + raw + "\" at " + offset + ": " + why);
        }
    }

    /** %g without a precision prints the shortest form; every other verb rounds the binary value. */
    private static java.math.BigDecimal formatted(Verb v, java.math.BigDecimal n) {
        boolean shortest = (v.mode == 'g' || v.mode == 'G') && v.prec < 0;
        return shortest ? BinaryFloat.canonical(n) : BinaryFloat.binaryValue(n);
    }
}
