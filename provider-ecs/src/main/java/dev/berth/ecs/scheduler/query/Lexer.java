package dev.berth.ecs.scheduler.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a query into tokens. Symbolic operators are recognised here; word operators ("in",
 * "matches", "and") stay words because a word's meaning depends on its position (a value may well
 * be called "in"), which only the parser knows. Values containing spaces or operator characters
 * can be quoted with ' or ".
 */
final class Lexer {
    private static final String SPECIAL = "()[],=!<>&|~ \t\r\n'\"";

    private Lexer() {
    }

    static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int col = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == '[' || c == ']' || c == ',') {
                Token.Kind k = switch (c) {
                    case '(' -> Token.Kind.LPAREN;
                    case ')' -> Token.Kind.RPAREN;
                    case '[' -> Token.Kind.LBRACKET;
                    case ']' -> Token.Kind.RBRACKET;
                    default -> Token.Kind.COMMA;
                };
                out.add(new Token(k, String.valueOf(c), col));
                i++;
            } else if (c == '\'' || c == '"') {
                int end = s.indexOf(c, i + 1);
                if (end < 0) throw new QueryException(col, "a closing " + c, "end of expression");
                out.add(new Token(Token.Kind.WORD, s.substring(i + 1, end), col));
                i = end + 1;
            } else if (s.startsWith("&&", i)) {
                out.add(new Token(Token.Kind.AND, "&&", col));
                i += 2;
            } else if (s.startsWith("||", i)) {
                out.add(new Token(Token.Kind.OR, "||", col));
                i += 2;
            } else if (c == '!') {
                i = bang(s, i, out);
            } else if (c == '=' || c == '<' || c == '>') {
                String op = two(s, i, "==", "=~", "<=", ">=");
                if (op == null && c == '=') throw new QueryException(col, "'==' or '=~'", "'='");
                if (op == null) op = String.valueOf(c);
                out.add(new Token(Token.Kind.OP, op, col));
                i += op.length();
            } else if (SPECIAL.indexOf(c) >= 0) {
                throw new QueryException(col, "a subject, value or operator", "'" + c + "'");
            } else {
                int start = i;
                while (i < s.length() && SPECIAL.indexOf(s.charAt(i)) < 0) i++;
                out.add(new Token(Token.Kind.WORD, s.substring(start, i), col));
            }
        }
        out.add(new Token(Token.Kind.END, "", s.length() + 1));
        return out;
    }

    /** "!=" and "!~" are operators, "!exists"/"!in" are operators written as one word, "!" is not. */
    private static int bang(String s, int i, List<Token> out) {
        int col = i + 1;
        String op = two(s, i, "!=", "!~");
        if (op != null) {
            out.add(new Token(Token.Kind.OP, op, col));
            return i + 2;
        }
        for (String w : new String[] {"!exists", "!in"}) {
            int end = i + w.length();
            if (s.startsWith(w, i) && (end == s.length() || SPECIAL.indexOf(s.charAt(end)) >= 0)) {
                out.add(new Token(Token.Kind.OP, w, col));
                return end;
            }
        }
        out.add(new Token(Token.Kind.NOT, "!", col));
        return i + 1;
    }

    private static String two(String s, int i, String... ops) {
        for (String op : ops) if (s.startsWith(op, i)) return op;
        return null;
    }
}
