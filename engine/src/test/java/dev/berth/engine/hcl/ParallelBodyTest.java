package dev.berth.engine.hcl;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A large file parsed in pieces on every core gives exactly the one-pass parse: nodes, ranges, diagnostics. */
class ParallelBodyTest {

    /** One block of every shape a cut must not fall inside: heredocs, templates, brackets, comments. */
    private static String block(int i) {
        return """
                # resource %1$d
                resource "ecs_task_definition" "svc_%1$d" {
                  family = "bench-${var.prefix}-%1$d"
                  cpu    = 256
                  tags   = { index = "%1$d", "quoted key" = [1, 2, {
                    nested = true
                  }] }
                  list = [
                    for x in [1, 2, 3] : x * %1$d
                  ]
                  doc = <<-EOT
                    line one %1$d
                    ${upper("x")}
                    %%{ if true }yes%%{ endif }
                  EOT
                  container_definitions = jsonencode([{
                    name  = "app"
                    image = var.image /* inline comment */
                  }])
                  lifecycle {
                    ignore_changes = [tags]
                  }
                }
                """.formatted(i);
    }

    private static String file(int blocks) {
        StringBuilder sb = new StringBuilder("variable \"image\" {\n  default = \"busybox\"\n}\n\n");
        for (int i = 0; i < blocks; i++) sb.append(block(i)).append('\n');
        return sb.toString();
    }

    @Test
    void aLargeFileParsesInPiecesToTheOnePassResult() {
        String text = file(4000);
        TokenCursor c = cursorOf(text);
        assertTrue(c.t.size >= ParallelBody.MIN_TOKENS, "the file is large enough to be cut: " + c.t.size);
        assertNotNull(ParallelBody.blocks(c), "a clean file is parsed in pieces");
        assertEquals(1, endsOfFile(c), "the pieces' ends read as newlines again");

        ParseResult pieces = HclParser.parse("main.hcl", text, true);
        ParseResult onePass = HclParser.parse("main.hcl", text, false);
        assertEquals(List.of(), onePass.diagnostics());
        assertEquals(4001, onePass.file().body().blocks().size());
        assertEquals(onePass.file(), pieces.file());
        assertEquals(onePass.diagnostics(), pieces.diagnostics());
    }

    @Test
    void aSyntaxErrorAnywhereGivesTheOnePassDiagnostics() {
        String text = file(4000).replace("cpu    = 256\n  tags   = { index = \"3999\"", "cpu    = = 256\n  tags   = { index = \"3999\"");
        TokenCursor c = cursorOf(text);
        assertNull(ParallelBody.blocks(c), "a piece with an error gives up");
        assertEquals(1, endsOfFile(c), "the pieces' ends read as newlines again");
        ParseResult pieces = HclParser.parse("main.hcl", text, true);
        ParseResult onePass = HclParser.parse("main.hcl", text, false);
        assertFalse(onePass.diagnostics().isEmpty());
        assertEquals(onePass.diagnostics(), pieces.diagnostics());
        assertEquals(onePass.file(), pieces.file());
    }

    @Test
    void aTopLevelArgumentRedefinedAcrossPiecesIsStillReported() {
        String text = "x = 1\n" + file(4000) + "x = 2\n";
        ParseResult pieces = HclParser.parse("main.hcl", text, true);
        ParseResult onePass = HclParser.parse("main.hcl", text, false);
        assertTrue(onePass.diagnostics().stream().anyMatch(d -> d.summary().startsWith("Attribute redefined")));
        assertEquals(onePass.diagnostics(), pieces.diagnostics());
        assertEquals(onePass.file(), pieces.file());
    }

    private static long endsOfFile(TokenCursor c) {
        return java.util.stream.IntStream.range(0, c.t.size).filter(i -> c.t.type(i) == TokenType.EOF).count();
    }

    private static TokenCursor cursorOf(String text) {
        String src = text;
        LineIndex lines = new LineIndex("main.hcl", src);
        List<dev.berth.engine.diag.Diagnostic> diags = new java.util.ArrayList<>();
        return new TokenCursor(new Lexer(src, lines, diags).lex(), src, lines, diags);
    }
}
