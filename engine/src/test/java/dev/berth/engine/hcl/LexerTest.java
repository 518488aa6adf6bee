package dev.berth.engine.hcl;

import dev.berth.engine.diag.Diagnostic;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.berth.engine.hcl.TokenType.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LexerTest {
    private final List<Diagnostic> diags = new ArrayList<>();

    private List<TokenType> types(String src) {
        Tokens t = new Lexer(src, new LineIndex("t", src), diags).lex();
        List<TokenType> out = new ArrayList<>();
        for (int i = 0; i < t.size; i++) out.add(t.type(i));
        return out;
    }

    @Test
    void aTextDenserThanTheTokenArraysWereSizedForKeepsEveryToken() {
        // Sized for one token to three characters; "1,1,..." is one to one, so the arrays grow.
        String src = "x = [" + "1,".repeat(3000) + "]";
        Tokens t = new Lexer(src, new LineIndex("t", src), diags).lex();
        assertEquals(6005, t.size);
        assertEquals(List.of(IDENT, EQUAL, LBRACK, NUMBER, COMMA), types(src).subList(0, 5));
        assertEquals(List.of(NUMBER, COMMA, RBRACK, EOF), types(src).subList(6001, 6005));
        for (int i = 3; i < 6002; i += 2) assertEquals(i + 2, t.starts[i], "token " + i + " starts where it stands");
        assertTrue(diags.isEmpty(), diags::toString);
    }

    @Test
    void operatorsAndPunctuation() {
        assertEquals(List.of(IDENT, EQUAL, NUMBER, PLUS, NUMBER, STAR, NUMBER, EQEQ, NUMBER, AND, BANG, IDENT,
                        OR, IDENT, NOTEQ, IDENT, LE, IDENT, GE, IDENT, LT, IDENT, GT, IDENT, FATARROW, ELLIPSIS, EOF),
                types("a = 1 + 2 * 3 == 7 && !b || c != d <= e >= f < g > h => ..."));
    }

    @Test
    void commentsAreSkippedButNewlinesKept() {
        assertEquals(List.of(IDENT, EQUAL, NUMBER, NEWLINE, NEWLINE, IDENT, EQUAL, NUMBER, NEWLINE, EOF),
                types("a = 1 # one\n// whole line\nb = /* inline */ 2\n"));
    }

    @Test
    void numbersWithFractionsAndExponents() {
        assertEquals(List.of(NUMBER, NUMBER, NUMBER, NUMBER, EOF), types("1.5 1.5e3 2E-2 42"));
    }

    @Test
    void malformedNumbersAreSingleBadTokens() {
        assertEquals(List.of(BAD_NUMBER, BAD_NUMBER, BAD_NUMBER, EOF), types("1e 1.2.3 12abc"));
    }

    @Test
    void digitsAfterDotAreLegacyIndexesNotDecimals() {
        assertEquals(List.of(IDENT, DOT, NUMBER, DOT, NUMBER, EOF), types("a.0.1"));
    }

    @Test
    void identifiersMayContainDashes() {
        assertEquals(List.of(IDENT, MINUS, IDENT, EOF), types("my-name - x"));
    }

    @Test
    void quotedTemplateWithInterpolationAndNestedBraces() {
        assertEquals(List.of(OQUOTE, TEMPLATE_LITERAL, TEMPLATE_INTERP, LBRACE, IDENT, EQUAL, NUMBER, RBRACE,
                        TEMPLATE_SEQ_END, TEMPLATE_LITERAL, CQUOTE, EOF),
                types("\"a${ {x = 1} }b\""));
    }

    @Test
    void escapedTemplateIntroducersStayLiteral() {
        assertEquals(List.of(OQUOTE, TEMPLATE_LITERAL, CQUOTE, EOF), types("\"$${x} %%{y} \\\" q\""));
    }

    @Test
    void heredocWithInterpolation() {
        assertEquals(List.of(IDENT, EQUAL, OHEREDOC, TEMPLATE_LITERAL, TEMPLATE_LITERAL, TEMPLATE_INTERP, IDENT,
                        TEMPLATE_SEQ_END, TEMPLATE_LITERAL, CHEREDOC, NEWLINE, EOF),
                types("x = <<EOT\nline one\nhi ${n}\nEOT\n"));
        assertTrue(diags.isEmpty());
    }

    @Test
    void unterminatedStringIsReportedAtTheOpeningQuote() {
        List<TokenType> t = types("a = \"abc\nb = 1");
        assertEquals(List.of(IDENT, EQUAL, OQUOTE, TEMPLATE_LITERAL, STRING_UNTERMINATED, NEWLINE, IDENT, EQUAL,
                NUMBER, EOF), t);
        assertEquals(1, diags.size());
        assertEquals("Unterminated template string", diags.get(0).summary());
        assertEquals(1, diags.get(0).range().line());
        assertEquals(5, diags.get(0).range().column());
    }

    @Test
    void stripMarkerClosesInterpolation() {
        assertEquals(List.of(OQUOTE, TEMPLATE_INTERP, IDENT, TEMPLATE_SEQ_END, CQUOTE, EOF), types("\"${~ x ~}\""));
    }
}
