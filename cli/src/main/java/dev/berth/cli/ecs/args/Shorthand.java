package dev.berth.cli.ecs.args;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS CLI's shorthand syntax (awscli/shorthand.py's ShorthandParser, v2.9): {@code a=b,c=d},
 * {@code a=b,c} (a list), {@code a=[b,c]}, {@code a={b=c}}, quoted values, {@code \,} escapes.
 * Purely syntactic: values are strings, lists and maps; {@link ShorthandTypes} then applies the
 * model as the AWS CLI's BackCompatVisitor does.
 */
public final class Shorthand {
    private static final String START_WORD = "!#-&(-+\\--<>-Z\\\\-z\\u007c-\\uffff";
    private static final String FIRST_FOLLOW = "\\s!#-&(-+\\--\\\\^-|~-\\uffff";
    private static final String SECOND_FOLLOW = "\\s!#-&(-+\\--<>-\\uffff";
    private static final Pattern FIRST_VALUE = Pattern.compile("((\\\\,)|[" + START_WORD + "])((\\\\,)|[" + FIRST_FOLLOW + "])*");
    private static final Pattern SECOND_VALUE = Pattern.compile("((\\\\,)|[" + START_WORD + "])((\\\\,)|[" + SECOND_FOLLOW + "])*");
    private static final Pattern SINGLE_QUOTED = Pattern.compile("'(?:\\\\\\\\|\\\\'|[^'])*'");
    private static final Pattern DOUBLE_QUOTED = Pattern.compile("\"(?:\\\\\\\\|\\\\\"|[^\"])*\"");
    private static final String KEY_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.#/:";

    /** A shorthand syntax error, worded as the AWS CLI words it (with a caret under the place). */
    public static final class ParseError extends RuntimeException {
        ParseError(String message) {
            super(message, null, false, false);
        }
    }

    private final String input;
    private int index;

    private Shorthand(String input) {
        this.input = input;
    }

    /** Parses {@code value} into a map of strings, lists and maps; {@link ParseError} when it cannot. */
    public static Map<String, Object> parse(String value) {
        Shorthand parser = new Shorthand(value);
        try {
            return parser.parameter();
        } catch (SyntaxError e) {
            throw e.toParseError();
        }
    }

    private Map<String, Object> parameter() {
        Map<String, Object> params = new LinkedHashMap<>();
        String key = key();
        expect('=', true);
        params.put(key, values());
        int lastIndex = index;
        while (index < input.length()) {
            expect(',', true);
            key = key();
            expect('=', true);
            Object val = values();
            if (params.containsKey(key)) {
                throw new ParseError("Second instance of key \"" + key + "\" encountered for input:\n"
                        + errorLocation(lastIndex + 1) + "\nThis is often because there is a preceding \",\" instead of a space.");
            }
            params.put(key, val);
            lastIndex = index;
        }
        return params;
    }

    private String key() {
        int start = index;
        while (!atEof() && KEY_CHARS.indexOf(input.charAt(index)) >= 0) index++;
        return input.substring(start, index);
    }

    private Object values() {
        if (atEof()) return "";
        if (current() == '[') return explicitList();
        if (current() == '{') return hashLiteral();
        return csvValue();
    }

    private Object csvValue() {
        String first = firstValue();
        consumeWhitespace();
        if (atEof() || input.charAt(index) != ',') return first;
        expect(',', true);
        List<Object> csv = new ArrayList<>();
        csv.add(first);
        while (true) {
            try {
                String cur = secondValue();
                consumeWhitespace();
                if (atEof()) {
                    csv.add(cur);
                    break;
                }
                expect(',', true);
                csv.add(cur);
            } catch (SyntaxError e) {
                if (atEof()) throw e.toParseError();
                backtrackTo(',');
                break;
            }
        }
        return csv.size() == 1 ? first : csv;
    }

    private String value() {
        Matcher m = FIRST_VALUE.matcher(input).region(index, input.length());
        if (m.lookingAt()) {
            String consumed = input.substring(index, m.end());
            index = m.end();
            return rstrip(consumed.replace("\\,", ","));
        }
        return "";
    }

    private List<Object> explicitList() {
        expect('[', true);
        List<Object> values = new ArrayList<>();
        while (current() != ']') {
            values.add(explicitValues());
            consumeWhitespace();
            if (current() != ']') {
                expect(',', false);
                consumeWhitespace();
            }
        }
        expect(']', false);
        return values;
    }

    private Object explicitValues() {
        if (current() == '[') return explicitList();
        if (current() == '{') return hashLiteral();
        return firstValue();
    }

    private Map<String, Object> hashLiteral() {
        expect('{', true);
        Map<String, Object> keyvals = new LinkedHashMap<>();
        while (current() != '}') {
            String key = key();
            expect('=', true);
            Object v = explicitValues();
            consumeWhitespace();
            if (current() != '}') {
                expect(',', false);
                consumeWhitespace();
            }
            keyvals.put(key, v);
        }
        expect('}', false);
        return keyvals;
    }

    private String firstValue() {
        if (current() == '\'') return quoted(SINGLE_QUOTED, "'");
        if (current() == '"') return quoted(DOUBLE_QUOTED, "\"");
        return value();
    }

    private String secondValue() {
        if (current() == '\'') return quoted(SINGLE_QUOTED, "'");
        if (current() == '"') return quoted(DOUBLE_QUOTED, "\"");
        return rstrip(mustConsume(SECOND_VALUE, "second").replace("\\,", ","));
    }

    private String quoted(Pattern p, String escaped) {
        String v = mustConsume(p, escaped.equals("'") ? "singled quoted" : "double quoted");
        v = v.substring(1, v.length() - 1);
        return v.replace("\\" + escaped, escaped).replace("\\\\", "\\");
    }

    private String mustConsume(Pattern p, String name) {
        Matcher m = p.matcher(input).region(index, input.length());
        if (m.lookingAt()) {
            String v = input.substring(index, m.end());
            index = m.end();
            return v;
        }
        throw new SyntaxError("<" + name + ">", "<none>", index);
    }

    private void expect(char c, boolean whitespace) {
        if (whitespace) consumeWhitespace();
        if (index >= input.length()) throw new SyntaxError(String.valueOf(c), "EOF", index);
        char actual = input.charAt(index);
        if (actual != c) throw new SyntaxError(String.valueOf(c), String.valueOf(actual), index);
        index++;
        if (whitespace) consumeWhitespace();
    }

    /** -1 at the end, as Python's parser compares with a sentinel there. */
    private int current() {
        return index < input.length() ? input.charAt(index) : -1;
    }

    private boolean atEof() {
        return index >= input.length();
    }

    private void backtrackTo(char c) {
        while (index >= 0 && (index >= input.length() || input.charAt(index) != c)) index--;
    }

    private void consumeWhitespace() {
        while (index < input.length() && " \t\n\r\u000b\f".indexOf(input.charAt(index)) >= 0) index++;
    }

    private static String rstrip(String s) {
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) end--;
        return s.substring(0, end);
    }

    private String errorLocation(int at) {
        String consumed = input;
        String remaining = "";
        int spaces = at;
        String before = input.substring(0, Math.min(at, input.length()));
        if (before.contains("\n")) spaces = at - before.lastIndexOf('\n') - 1;
        if (at <= input.length() && input.substring(at).contains("\n")) {
            int next = at + input.substring(at).indexOf('\n');
            consumed = input.substring(0, next);
            remaining = input.substring(next);
        }
        return consumed + "\n" + " ".repeat(Math.max(0, spaces)) + "^" + remaining;
    }

    /** Internal: the parser backtracks on this one inside a comma-separated list. */
    private final class SyntaxError extends RuntimeException {
        private final String expected;
        private final String actual;
        private final int at;

        SyntaxError(String expected, String actual, int at) {
            super(null, null, false, false);
            this.expected = expected;
            this.actual = actual;
            this.at = at;
        }

        ParseError toParseError() {
            return new ParseError("Expected: '" + expected + "', received: '" + actual + "' for input:\n" + errorLocation(at));
        }
    }
}
