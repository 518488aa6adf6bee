package dev.berth.engine.fmt;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class HclFormatterTest {
    private static String fmt(String text) {
        FormatResult r = HclFormatter.format("t.hcl", text);
        assertEquals(java.util.List.of(), r.diagnostics());
        return r.text();
    }

    @Test
    void indentsAndAlignsConsecutiveAttributes() {
        assertEquals("""
                resource "a" "b" {
                  name          = "web"
                  desired_count = 2

                  x = 1
                  # a comment line breaks the group
                  longer = 2
                }
                """, fmt("""
                resource   "a"   "b"{
                name="web"
                     desired_count =   2

                x=1
                # a comment line breaks the group
                longer=2
                }
                """));
    }

    @Test
    void multiLineValueEndsTheAlignmentGroupAndNestedBodiesAlignOnTheirOwn() {
        assertEquals("""
                a = 1
                tags = {
                  k     = "v"
                  other = 2
                }
                bb = 3
                """, fmt("a=1\ntags={\nk=\"v\"\nother=2\n}\nbb=3\n"));
    }

    @Test
    void spacesAroundOperatorsAndAfterCommasOnly() {
        assertEquals("x = [1, 2, -3, a.b[0], f(a...), c ? -d : !e, g * (h - 1), i[*].j]\n",
                fmt("x=[1,2,-3,a . b [0],f( a ... ),c?-d:!e,g*(h -1),i[*].j]\n"));
        assertEquals("y = { for k, v in m : k => v... if v != null }\n", fmt("y={for k,v in m:k=>v... if v!=null}\n"));
        assertEquals("z = \"${a}-${f(b, c)}%{if d}e%{endif}\"\n", fmt("z=\"${ a }-${f(b,c)}%{ if d }e%{ endif }\"\n"));
    }

    @Test
    void commentsAreKeptVerbatimAndTrailingOnesAligned() {
        // terraform fmt keeps a comment's own trailing blanks ("// two   ").
        assertEquals("/* block\n   comment */\na   = 1   # one\nbcd = 222 // two   \ne   = /* inline */ 3\n",
                fmt("/* block\n   comment */\na = 1 # one\nbcd = 222    // two   \ne = /* inline */ 3\n"));
    }

    @Test
    void heredocTextIsCopiedExactlyButItsInterpolationsAreSpacedAsTerraformDoes() {
        // terraform fmt: "${ a }" inside a heredoc becomes "${a}"; the text around it is untouched.
        assertEquals("x = <<-EOT\n      keep   this  \n    ${a}\n  EOT\n",
                fmt("x = <<-EOT\n      keep   this  \n    ${ a }\n  EOT\n"));
    }

    @Test
    void oneLineBlocksStayOnOneLine() {
        assertEquals("variable \"a\" { default = 1 }\nvariable \"b\" {}\n",
                fmt("variable \"a\" {default=1}\nvariable \"b\" {   }\n"));
    }

    @Test
    void blankLinesStayAsTerraformKeepsThemAndTheFileEndsWithANewline() {
        assertEquals("\n\n\na = 1\n\n\n\nb = 2\n", fmt("\n\n\na = 1\n\n\n\nb = 2"));
        assertEquals("\n", fmt(""));
    }

    @Test
    void crlfFilesStayCrlf() {
        assertEquals("a  = 1\r\nbb = 2\r\n", fmt("a=1\r\nbb=2\r\n"));
    }

    @Test
    void filesWithSyntaxErrorsAreNotFormatted() {
        FormatResult r = HclFormatter.format("t.hcl", "a = {\n");
        assertFalse(r.ok());
        assertNull(r.text());
        assertFalse(r.diagnostics().isEmpty());
    }

    @Test
    void diffShowsChangedLinesWithContext() {
        assertEquals("""
                --- old/t.hcl
                +++ new/t.hcl
                @@ -1,2 +1,2 @@
                -a=1
                +a = 1
                 b = 2
                """, UnifiedDiff.diff("old/t.hcl", "new/t.hcl", "a=1\nb = 2\n", "a = 1\nb = 2\n"));
        assertEquals("", UnifiedDiff.diff("a", "b", "x\n", "x\n"));
    }
}
