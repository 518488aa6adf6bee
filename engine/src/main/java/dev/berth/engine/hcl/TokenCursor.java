package dev.berth.engine.hcl;

import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.SourceRange;
import dev.berth.engine.value.NumberValue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads tokens for the parser. Newlines end attributes and object items, but are insignificant
 * inside parentheses, brackets, interpolations and for expressions; a stack of modes decides
 * whether {@link #peek} skips them.
 */
final class TokenCursor {
    final Tokens t;
    final String src;
    final LineIndex lines;
    final List<Diagnostic> diags;
    int pos;
    private static final int SHARED_UP_TO = 32;
    private final Map<String, String> shared = new HashMap<>();
    private final Map<String, NumberValue> numbers = new HashMap<>();
    private boolean[] ignoreNewlines = new boolean[32];
    private int depth;

    TokenCursor(Tokens t, String src, LineIndex lines, List<Diagnostic> diags) {
        this.t = t;
        this.src = src;
        this.lines = lines;
        this.diags = diags;
    }

    void pushNewlines(boolean ignore) {
        if (depth == ignoreNewlines.length) ignoreNewlines = Arrays.copyOf(ignoreNewlines, depth * 2);
        ignoreNewlines[depth++] = ignore;
    }

    void popNewlines() {
        depth--;
    }

    int modeDepth() {
        return depth;
    }

    void resetModeDepth(int d) {
        depth = d;
    }

    private boolean ignoring() {
        return depth > 0 && ignoreNewlines[depth - 1];
    }

    TokenType peek() {
        if (ignoring()) while (t.type(pos) == TokenType.NEWLINE) pos++;
        return t.type(pos);
    }

    /** The type of the k-th significant token from here (0 = peek()). */
    TokenType peekAt(int k) {
        peek();
        boolean skip = ignoring();
        int i = pos;
        while (k > 0 && t.type(i) != TokenType.EOF) {
            i++;
            if (skip) while (t.type(i) == TokenType.NEWLINE) i++;
            k--;
        }
        return t.type(i);
    }

    /** Index of the k-th significant token from here. */
    int indexAt(int k) {
        peek();
        boolean skip = ignoring();
        int i = pos;
        while (k > 0 && t.type(i) != TokenType.EOF) {
            i++;
            if (skip) while (t.type(i) == TokenType.NEWLINE) i++;
            k--;
        }
        return i;
    }

    /** Consumes the next significant token and returns its index; EOF is never passed. */
    int next() {
        peek();
        int i = pos;
        if (t.type(i) != TokenType.EOF) pos++;
        return i;
    }

    boolean endsInUnclosedHeredoc() {
        return t.size > 1 && t.type(t.size - 2) == TokenType.HEREDOC_UNTERMINATED;
    }

    boolean peekKeyword(String word) {
        return peek() == TokenType.IDENT && textEquals(pos, word);
    }

    boolean textEquals(int i, String word) {
        int s = t.starts[i];
        int len = t.ends[i] - s;
        if (len != word.length()) return false;
        for (int k = 0; k < len; k++) if (src.charAt(s + k) != word.charAt(k)) return false;
        return true;
    }

    String text(int i) {
        String s = src.substring(t.starts[i], t.ends[i]);
        // A configuration repeats its few names (family, cpu, image, ...) in every block; the AST
        // of a large one keeps each of them once instead of once per use.
        if (s.length() > SHARED_UP_TO) return s;
        String first = shared.putIfAbsent(s, s);
        return first == null ? s : first;
    }

    /**
     * The value of a number literal, one per spelling: the same few numbers (cpu = 256, memory =
     * 512, a port) are written in every block, 400,000 of them at 100,000 resources (19 MB).
     */
    NumberValue number(String text, BigDecimal n) {
        return numbers.computeIfAbsent(text, k -> new NumberValue(n));
    }

    TokenType type(int i) {
        return t.type(i);
    }

    int start(int i) {
        return t.starts[i];
    }

    int end(int i) {
        return t.ends[i];
    }

    SourceRange range(int i) {
        return lines.range(t.starts[i], t.ends[i]);
    }

    SourceRange range(int startOffset, int endOffset) {
        return lines.range(startOffset, endOffset);
    }

    /** End offset of the most recently consumed token. */
    int lastEnd() {
        int i = pos - 1;
        while (i > 0 && t.type(i) == TokenType.NEWLINE) i--;
        return i >= 0 ? t.ends[i] : 0;
    }

    /** How a token is named in "but found ..." messages. */
    String describe(int i) {
        return switch (t.type(i)) {
            case IDENT, NUMBER, BAD_NUMBER, INVALID -> "\"" + text(i) + "\"";
            case NEWLINE -> "a newline";
            case EOF, HEREDOC_UNTERMINATED -> "the end of the file";
            case STRING_UNTERMINATED -> "the end of the line";
            case OQUOTE -> "a quoted string";
            case OHEREDOC -> "a heredoc";
            case TEMPLATE_SEQ_END -> "\"" + text(i) + "\"";
            default -> t.type(i).display;
        };
    }

    ParseError error(String summary, String detail, int tokenIndex) {
        return new ParseError(Diagnostic.error(summary, detail, range(tokenIndex)), tokenIndex);
    }

    /** Consumes a token of the given type or fails with "summary, but found X". */
    int expect(TokenType type, String summary, String detail) {
        if (peek() != type) {
            int i = indexAt(0);
            throw error(summary + ", but found " + describe(i), detail, i);
        }
        return next();
    }

    void report(String summary, String detail, SourceRange range) {
        diags.add(Diagnostic.error(summary, detail, range));
    }
}
