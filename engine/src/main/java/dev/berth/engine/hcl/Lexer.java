package dev.berth.engine.hcl;

import dev.berth.engine.diag.Diagnostic;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Single-pass lexer over the text. HCL is lexed in modes: normal expressions, quoted
 * templates and heredoc templates, nested through {@code ${...}} and {@code %{...}}. A stack of
 * frames tracks the mode and, for interpolations, how many plain braces are open so the right
 * {@code }} ends the sequence. Errors that only the lexer can see (unterminated strings and
 * heredocs, unterminated comments) are reported here; everything else is left to the parser.
 */
final class Lexer {
    private static final int QUOTED = 1;
    private static final int HEREDOC = 2;
    private static final int INTERP = 3;

    /** One nesting level: a template being read, or an interpolation inside one. */
    private static final class Frame {
        final int mode;
        final int openStart;
        final int openEnd;
        final int markerStart;
        final int markerEnd;
        int depth;
        boolean atLineStart = true;

        Frame(int mode, int openStart, int openEnd, int markerStart, int markerEnd) {
            this.mode = mode;
            this.openStart = openStart;
            this.openEnd = openEnd;
            this.markerStart = markerStart;
            this.markerEnd = markerEnd;
        }
    }

    private final String src;
    private final int n;
    private final LineIndex lines;
    private final List<Diagnostic> diags;
    private final Tokens out;
    private final ArrayDeque<Frame> stack = new ArrayDeque<>();
    private int pos;
    private boolean keepComments;

    Lexer(String src, LineIndex lines, List<Diagnostic> diags) {
        this.src = src;
        this.n = src.length();
        this.lines = lines;
        this.diags = diags;
        this.out = new Tokens(n);
        // Terraform skips a leading UTF-8 byte order mark (editors on Windows write one).
        if (n > 0 && src.charAt(0) == '\uFEFF') pos = 1;
    }

    /** The formatter needs comments as tokens; the parser never sees them. */
    Lexer keepComments() {
        keepComments = true;
        return this;
    }

    /** Lexes starting in normal mode. */
    Tokens lex() {
        run();
        return out;
    }

    /** Lexes the whole input as the body of a template (for templatefile). */
    Tokens lexTemplate() {
        stack.push(new Frame(HEREDOC, 0, 0, -1, -1));
        run();
        return out;
    }

    private void run() {
        while (true) {
            Frame f = stack.peek();
            if (f == null || f.mode == INTERP) {
                if (!normal(f)) break;
            } else if (f.mode == QUOTED) {
                quoted(f);
            } else {
                heredoc(f);
            }
        }
        out.add(TokenType.EOF, n, n);
    }

    private char at(int i) {
        return i < n ? src.charAt(i) : '\0';
    }

    private void error(String summary, String detail, int start, int end) {
        diags.add(Diagnostic.error(summary, detail, lines.range(start, end)));
    }

    /** Lexes one token in normal mode; returns false at end of input. */
    private boolean normal(Frame f) {
        char c;
        while (pos < n && ((c = src.charAt(pos)) == ' ' || c == '\t' || c == '\r')) pos++;
        if (pos >= n) return false;
        int start = pos;
        c = src.charAt(pos);
        char d = at(pos + 1);
        switch (c) {
            case '\n' -> emit(TokenType.NEWLINE, start, ++pos);
            case '#' -> skipLineComment();
            case '/' -> {
                if (d == '/') skipLineComment();
                else if (d == '*') skipBlockComment();
                else emit(TokenType.SLASH, start, ++pos);
            }
            case '"' -> {
                emit(TokenType.OQUOTE, start, ++pos);
                stack.push(new Frame(QUOTED, start, pos, 0, 0));
            }
            case '{' -> {
                if (f != null) f.depth++;
                emit(TokenType.LBRACE, start, ++pos);
            }
            case '}' -> closeBrace(f, start, 1);
            case '~' -> {
                if (d == '}' && f != null && f.depth == 0) closeBrace(f, start, 2);
                else emit(TokenType.INVALID, start, ++pos);
            }
            case '<' -> {
                if (d == '<' && heredocStart()) return true;
                two(d == '=', TokenType.LE, TokenType.LT);
            }
            case '>' -> two(d == '=', TokenType.GE, TokenType.GT);
            case '=' -> {
                if (d == '=') emit(TokenType.EQEQ, start, pos += 2);
                else if (d == '>') emit(TokenType.FATARROW, start, pos += 2);
                else emit(TokenType.EQUAL, start, ++pos);
            }
            case '!' -> two(d == '=', TokenType.NOTEQ, TokenType.BANG);
            case '&' -> two(d == '&', TokenType.AND, TokenType.INVALID);
            case '|' -> two(d == '|', TokenType.OR, TokenType.INVALID);
            case '.' -> {
                if (d == '.' && at(pos + 2) == '.') emit(TokenType.ELLIPSIS, start, pos += 3);
                else emit(TokenType.DOT, start, ++pos);
            }
            case '[' -> emit(TokenType.LBRACK, start, ++pos);
            case ']' -> emit(TokenType.RBRACK, start, ++pos);
            case '(' -> emit(TokenType.LPAREN, start, ++pos);
            case ')' -> emit(TokenType.RPAREN, start, ++pos);
            case ',' -> emit(TokenType.COMMA, start, ++pos);
            case ':' -> two(d == ':', TokenType.DOUBLECOLON, TokenType.COLON);
            case '?' -> emit(TokenType.QUESTION, start, ++pos);
            case '+' -> emit(TokenType.PLUS, start, ++pos);
            case '-' -> emit(TokenType.MINUS, start, ++pos);
            case '*' -> emit(TokenType.STAR, start, ++pos);
            case '%' -> emit(TokenType.PERCENT, start, ++pos);
            default -> {
                if (c >= '0' && c <= '9') number();
                else if (isIdentStart(Character.codePointAt(src, pos))) ident();
                else emit(TokenType.INVALID, start, pos += Character.charCount(Character.codePointAt(src, pos)));
            }
        }
        return true;
    }

    private void two(boolean isTwo, TokenType twoType, TokenType oneType) {
        int start = pos;
        pos += isTwo ? 2 : 1;
        emit(isTwo ? twoType : oneType, start, pos);
    }

    private void emit(TokenType t, int start, int end) {
        out.add(t, start, end);
    }

    private void closeBrace(Frame f, int start, int len) {
        pos += len;
        if (f != null && f.depth == 0) {
            stack.pop();
            emit(TokenType.TEMPLATE_SEQ_END, start, pos);
        } else {
            if (f != null) f.depth--;
            emit(TokenType.RBRACE, start, pos);
        }
    }

    private void skipLineComment() {
        int start = pos;
        while (pos < n && src.charAt(pos) != '\n') pos++;
        if (keepComments) emit(TokenType.COMMENT, start, pos);
    }

    private void skipBlockComment() {
        int start = pos;
        pos += 2;
        while (pos < n && !(src.charAt(pos) == '*' && at(pos + 1) == '/')) pos++;
        if (pos >= n) {
            error("Unterminated comment: the comment opened here has no closing \"*/\"", "",
                    start, start + 2);
        } else {
            pos += 2;
        }
        if (keepComments) emit(TokenType.COMMENT, start, pos);
    }

    /** HCL's identifiers are Unicode's ID_Start followed by ID_Continue or '-' (UAX #31). */
    static boolean isIdentStart(int cp) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_'
                || (cp > 127 && Character.isUnicodeIdentifierStart(cp));
    }

    static boolean isIdentPart(int cp) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')
                || cp == '_' || cp == '-'
                || (cp > 127 && Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp));
    }

    /** Length in chars of the identifier continuation at i, or 0 when none starts there. */
    private int identPartAt(int i) {
        if (i >= n) return 0;
        int cp = Character.codePointAt(src, i);
        return isIdentPart(cp) ? Character.charCount(cp) : 0;
    }

    private void ident() {
        int start = pos;
        pos += Character.charCount(Character.codePointAt(src, pos));
        int k;
        while ((k = identPartAt(pos)) > 0) pos += k;
        emit(TokenType.IDENT, start, pos);
    }

    private boolean isDigit(int i) {
        return i < n && src.charAt(i) >= '0' && src.charAt(i) <= '9';
    }

    /**
     * After a dot only digits are taken, so {@code list.0.1} is two legacy index steps rather
     * than the number 0.1. Elsewhere a number that runs into letters or a second dot is one bad
     * token, so the user gets a single "Invalid number literal" instead of a cascade.
     */
    private void number() {
        int start = pos;
        while (isDigit(pos)) pos++;
        if (out.last() == TokenType.DOT) {
            emit(TokenType.NUMBER, start, pos);
            return;
        }
        boolean bad = false;
        if (at(pos) == '.' && isDigit(pos + 1)) {
            pos++;
            while (isDigit(pos)) pos++;
        }
        char e = at(pos);
        if (e == 'e' || e == 'E') {
            pos++;
            if (at(pos) == '+' || at(pos) == '-') pos++;
            if (!isDigit(pos)) bad = true;
            while (isDigit(pos)) pos++;
        }
        // A minus after a number is subtraction ("3-1"), never part of a bad literal.
        if (pos < n && ((src.charAt(pos) != '-' && identPartAt(pos) > 0) || (src.charAt(pos) == '.' && isDigit(pos + 1)))) {
            bad = true;
            int k;
            while (pos < n && src.charAt(pos) != '-' && ((k = identPartAt(pos)) > 0 || src.charAt(pos) == '.')) pos += Math.max(k, 1);
        }
        emit(bad ? TokenType.BAD_NUMBER : TokenType.NUMBER, start, pos);
    }

    /** Recognises {@code <<EOT} or {@code <<-EOT} followed by a newline. */
    private boolean heredocStart() {
        int start = pos;
        int i = pos + 2;
        if (at(i) == '-') i++;
        int markerStart = i;
        if (i >= n || !isIdentStart(Character.codePointAt(src, i))) return false;
        int k;
        while ((k = identPartAt(i)) > 0) i += k;
        int markerEnd = i;
        if (at(i) == '\r') i++;
        if (at(i) != '\n') return false;
        pos = i + 1;
        emit(TokenType.OHEREDOC, start, pos);
        stack.push(new Frame(HEREDOC, start, markerEnd, markerStart, markerEnd));
        return true;
    }

    private void quoted(Frame f) {
        int start = pos;
        while (pos < n) {
            char c = src.charAt(pos);
            if (c == '"' || c == '\n') break;
            if (c == '\\') {
                pos += (pos + 1 < n && src.charAt(pos + 1) != '\n') ? 2 : 1;
                continue;
            }
            if ((c == '$' || c == '%') && at(pos + 1) == '{') break;
            if ((c == '$' || c == '%') && at(pos + 1) == c && at(pos + 2) == '{') {
                pos += 3;
                continue;
            }
            pos++;
        }
        if (pos > start) emit(TokenType.TEMPLATE_LITERAL, start, pos);
        if (pos >= n || src.charAt(pos) == '\n') {
            error("Unterminated template string", "A quoted string must be closed with \" on "
                    + "the same line it starts on; use a heredoc (<<EOT) for multi-line text.",
                    f.openStart, f.openEnd);
            stack.pop();
            emit(TokenType.STRING_UNTERMINATED, pos, pos);
        } else if (src.charAt(pos) == '"') {
            stack.pop();
            emit(TokenType.CQUOTE, pos, ++pos);
        } else {
            templateSequence(f);
        }
    }

    private void templateSequence(Frame f) {
        int start = pos;
        TokenType t = src.charAt(pos) == '$' ? TokenType.TEMPLATE_INTERP : TokenType.TEMPLATE_CONTROL;
        pos += 2;
        if (at(pos) == '~') pos++;
        emit(t, start, pos);
        f.atLineStart = false;
        stack.push(new Frame(INTERP, start, pos, 0, 0));
    }

    private void heredoc(Frame f) {
        if (f.atLineStart && f.markerStart >= 0 && isTerminatorLine(f)) return;
        int start = pos;
        while (pos < n) {
            char c = src.charAt(pos);
            if (c == '\n') {
                pos++;
                f.atLineStart = true;
                emit(TokenType.TEMPLATE_LITERAL, start, pos);
                return;
            }
            if ((c == '$' || c == '%') && at(pos + 1) == '{') break;
            if ((c == '$' || c == '%') && at(pos + 1) == c && at(pos + 2) == '{') {
                pos += 3;
                continue;
            }
            pos++;
        }
        f.atLineStart = false;
        if (pos > start) emit(TokenType.TEMPLATE_LITERAL, start, pos);
        if (pos < n) {
            templateSequence(f);
        } else if (f.markerStart >= 0) {
            String marker = src.substring(f.markerStart, f.markerEnd);
            // Reported where the file ends, as Terraform does; the detail names the opening line.
            error("Unclosed heredoc: expected \"" + marker + "\" on a line of its own",
                    "The heredoc opened at line " + lines.range(f.openStart, f.openEnd).line() + " with "
                            + src.substring(f.openStart, f.openEnd)
                            + " runs to the end of the file.", n, n);
            stack.pop();
            emit(TokenType.HEREDOC_UNTERMINATED, n, n);
        } else {
            stack.pop();
        }
    }

    /** A line holding only optional indentation and the marker closes the heredoc. */
    private boolean isTerminatorLine(Frame f) {
        int i = pos;
        while (i < n && (src.charAt(i) == ' ' || src.charAt(i) == '\t')) i++;
        int len = f.markerEnd - f.markerStart;
        if (i + len > n) return false;
        for (int k = 0; k < len; k++) {
            if (src.charAt(i + k) != src.charAt(f.markerStart + k)) return false;
        }
        int after = i + len;
        if (after < n && src.charAt(after) == '\r') after++;
        if (after < n && src.charAt(after) != '\n') return false;
        emit(TokenType.CHEREDOC, pos, i + len);
        pos = i + len;
        stack.pop();
        return true;
    }
}
