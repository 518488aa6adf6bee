package dev.berth.engine.fmt;

import dev.berth.engine.hcl.TokenType;

import java.util.EnumSet;
import java.util.Set;

/**
 * Whether one space goes between two tokens on a line: Terraform's rules (hclwrite) of spaces
 * around operators and after commas, none inside brackets, templates or traversals.
 */
final class Spacing {
    private static final Set<TokenType> OPERATORS = EnumSet.of(
            TokenType.PLUS, TokenType.MINUS, TokenType.STAR, TokenType.SLASH, TokenType.PERCENT,
            TokenType.EQEQ, TokenType.NOTEQ, TokenType.LT, TokenType.LE, TokenType.GT, TokenType.GE,
            TokenType.AND, TokenType.OR, TokenType.BANG, TokenType.EQUAL, TokenType.COLON,
            TokenType.COMMA, TokenType.QUESTION, TokenType.FATARROW);

    private Spacing() {
    }

    static boolean spaceBetween(FmtToken before, FmtToken subject, FmtToken after) {
        TokenType s = subject.type;
        TokenType a = after.type;
        if (s == TokenType.IDENT && subject.text.equals("in") && before != null && before.is(TokenType.IDENT)) {
            // "for x in [a]" and "for x in (a)": "in" is a keyword here, not something indexed or called.
            return true;
        }
        if (s == TokenType.IDENT && a == TokenType.LPAREN) return false;
        if (s == TokenType.DOT || a == TokenType.DOT) return false;
        if (s == TokenType.DOUBLECOLON || a == TokenType.DOUBLECOLON) return false;
        if (a == TokenType.COMMA || a == TokenType.ELLIPSIS) return false;
        if (s == TokenType.COMMA) return true;
        if (s == TokenType.TEMPLATE_LITERAL || s == TokenType.OQUOTE || s == TokenType.OHEREDOC
                || a == TokenType.TEMPLATE_LITERAL || a == TokenType.CQUOTE || a == TokenType.CHEREDOC) {
            return false;
        }
        if (a == TokenType.LBRACK && (s == TokenType.IDENT || s == TokenType.NUMBER || subject.bracketChange() < 0)) {
            return false;
        }
        if (s == TokenType.BANG) return false;
        if (s == TokenType.MINUS) return !isNegation(before);
        if (s == TokenType.LBRACE || a == TokenType.RBRACE) return !(s == TokenType.LBRACE && a == TokenType.RBRACE);
        if ((s == TokenType.TEMPLATE_INTERP || s == TokenType.TEMPLATE_CONTROL) && a == TokenType.LBRACE) return true;
        if (s == TokenType.RBRACE && a == TokenType.TEMPLATE_SEQ_END) return true;
        if (s == TokenType.TEMPLATE_SEQ_END && (a == TokenType.TEMPLATE_INTERP || a == TokenType.TEMPLATE_CONTROL)) {
            return false;
        }
        if (subject.bracketChange() > 0) return false;
        if (after.bracketChange() < 0) return false;
        return true;
    }

    /** A minus after nothing, an opening bracket or an operator cannot be subtraction. */
    private static boolean isNegation(FmtToken before) {
        return before == null || before.bracketChange() > 0 || OPERATORS.contains(before.type);
    }
}
