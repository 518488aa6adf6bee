package dev.berth.engine.hcl;

import dev.berth.engine.diag.Diagnostic;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParserDiagnosticsTest {

    private static List<Diagnostic> errors(String src) {
        return HclParser.parse("main.tf", src).diagnostics();
    }

    private static void assertAt(Diagnostic d, int line, int column, String summary) {
        assertEquals(summary, d.summary());
        assertEquals(line, d.range().line(), "line of " + d.summary());
        assertEquals(column, d.range().column(), "column of " + d.summary());
        assertEquals("main.tf", d.range().file());
    }

    @Test
    void missingClosingBracePointsAtTheOpeningBrace() {
        List<Diagnostic> d = errors("variable \"x\" {}\n\nresource \"a\" \"b\" {\n  cpu = 1\n");
        assertEquals(1, d.size());
        assertAt(d.get(0), 3, 18,
                "Missing closing brace: the block \"resource\" opened at line 3 has no matching \"}\"");
    }

    @Test
    void extraClosingBrace() {
        List<Diagnostic> d = errors("a {\n}\n}\nb = 1\n");
        assertEquals(1, d.size());
        assertAt(d.get(0), 3, 1, "Unexpected \"}\": there is no open block to close");
    }

    @Test
    void duplicateAttributeIsReportedAtTheSecond() {
        List<Diagnostic> d = errors("resource \"x\" \"y\" {\n  name = \"a\"\n\n  cpu = 1\n  cpu = 2\n}\n");
        assertEquals(1, d.size());
        assertAt(d.get(0), 5, 3, "Attribute redefined: the argument \"cpu\" was already set at line 4");
    }

    @Test
    void invalidExpressionNamesWhatWasFound() {
        List<Diagnostic> d = errors("a = = 2\n");
        assertEquals(1, d.size());
        assertAt(d.get(0), 1, 5, "Invalid expression: expected the start of an expression, but found \"=\"");
    }

    @Test
    void badNumber() {
        List<Diagnostic> d = errors("a = 1.2.3\nb = 1e\n");
        assertEquals(2, d.size());
        assertAt(d.get(0), 1, 5, "Invalid number literal");
        assertAt(d.get(1), 2, 5, "Invalid number literal");
    }

    @Test
    void unterminatedString() {
        List<Diagnostic> d = errors("a = \"abc\nb = 2\n");
        assertEquals(1, d.size());
        assertAt(d.get(0), 1, 5, "Unterminated template string");
    }

    @Test
    void unclosedHeredocIsReportedWhereTheFileEndsAsTerraformDoes() {
        List<Diagnostic> d = errors("locals {\n  b = <<EOT\nhello\n");
        assertEquals(1, d.size(), "the missing brace is a consequence, not a second error: " + d);
        assertAt(d.get(0), 4, 1, "Unclosed heredoc: expected \"EOT\" on a line of its own");
        assertTrue(d.get(0).detail().contains("opened at line 2 with <<EOT"), d.get(0).detail());
    }

    @Test
    void severalErrorsInOneFileAreAllReported() {
        String src = """
                resource "a" "b" {
                  cpu = = 1
                  memory = [1, 2
                  name = "ok"
                }
                locals {
                  x = 1.5e
                  y = )
                }
                }
                """;
        List<Diagnostic> d = errors(src);
        assertEquals(5, d.size(), d.toString());
        assertAt(d.get(0), 2, 9, "Invalid expression: expected the start of an expression, but found \"=\"");
        assertAt(d.get(1), 4, 3,
                "Missing item separator: expected \",\" or \"]\" after a list element, but found \"name\"");
        assertAt(d.get(2), 7, 7, "Invalid number literal");
        assertAt(d.get(3), 8, 7, "Invalid expression: expected the start of an expression, but found \")\"");
        assertAt(d.get(4), 10, 1, "Unexpected \"}\": there is no open block to close");
    }

    @Test
    void errorsAfterARecoveredLineStillParseTheRest() {
        ParseResult r = HclParser.parse("main.tf", "a = (\nb = 2\nc {\n d = 1\n}\n");
        assertTrue(r.hasErrors());
        assertEquals(1, r.diagnostics().size());
    }

    @Test
    void missingNewlineAfterArgument() {
        List<Diagnostic> d = errors("a = 1 b = 2\n");
        assertEquals(1, d.size());
        assertAt(d.get(0), 1, 7, "Missing newline after argument: expected the end of the line, but found \"b\"");
    }

    @Test
    void invalidCharacter() {
        List<Diagnostic> d = errors("a = @\n");
        assertAt(d.get(0), 1, 5, "Invalid character: \"@\" cannot be used here");
    }

    @Test
    void unmatchedTemplateDirective() {
        List<Diagnostic> d = errors("a = \"%{ if x }yes\"\n");
        assertEquals(1, d.size());
        assertTrue(d.get(0).summary().startsWith("Unterminated template if"), d.get(0).summary());
        assertEquals(1, d.get(0).range().line());
        assertEquals(6, d.get(0).range().column());
    }

    @Test
    void invalidEscape() {
        List<Diagnostic> d = errors("a = \"x\\qy\"\n");
        assertEquals(1, d.size());
        assertAt(d.get(0), 1, 7, "Invalid escape sequence: \"\\q\" is not a recognised escape");
    }

    @Test
    void parseNeverThrowsOnGarbage() {
        String[] inputs = {"{", "}", "\"", "<<", "a = [", "a = {", "a = \"${", "a = \"${x", "a b c", "a = f(",
                "a = x.", "a = x[", "a = [for", "a = <<EOT\n${", "%{", "a = 1 ? 2", "/*", "a = \"%{ for }\""};
        for (String in : inputs) {
            ParseResult r = HclParser.parse("g.tf", in);
            assertTrue(r.hasErrors(), "expected an error for: " + in);
        }
    }

    @Test
    void pathologicalNestingIsADiagnosticNotAnException() {
        ParseResult r = HclParser.parse("deep.tf", "a = " + "[".repeat(200_000));
        assertTrue(r.hasErrors());
    }
}
