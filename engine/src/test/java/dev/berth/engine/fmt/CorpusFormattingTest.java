package dev.berth.engine.fmt;

import dev.berth.engine.hcl.HclParser;
import dev.berth.engine.hcl.SourceTokens;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * fmt over the whole conformance corpus: apart from terraform fmt's deliberate rewrites the result
 * parses to the same AST, and it is a fixed point.
 */
class CorpusFormattingTest {
    private static final Path VALID = Path.of("src/test/resources/hcl-corpus/valid");

    @TestFactory
    Stream<DynamicTest> formattingPreservesTheParseAndIsIdempotent() throws IOException {
        try (Stream<Path> files = Files.list(VALID)) {
            return files.filter(p -> p.toString().endsWith(".hcl")).sorted().toList().stream()
                    .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                        String text = Files.readString(f);
                        FormatResult once = HclFormatter.format("f.hcl", text);
                        assertTrue(once.ok(), () -> once.diagnostics().toString());
                        // Unwrapping "${x}" changes the tree on purpose (as terraform fmt does);
                        // layout must change nothing else.
                        String rewritten = Rewrites.apply(text, SourceTokens.lex("f.hcl", text),
                                HclParser.parse("f.hcl", text).file().body());
                        String before = AstShape.of(HclParser.parse("f.hcl", rewritten).file());
                        String after = AstShape.of(HclParser.parse("f.hcl", once.text()).file());
                        assertEquals(before, after, "formatting changed the parse");
                        assertEquals(once.text(), HclFormatter.format("f.hcl", once.text()).text(), "not idempotent");
                        for (String line : once.text().split("\r?\n")) assertEquals(line.stripTrailing(), line, "trailing blanks");
                    }));
        }
    }

    @Test
    void theMessyCorpusFileIsActuallyRewritten() throws IOException {
        String text = Files.readString(VALID.resolve("unformatted.hcl"));
        assertNotEquals(text, HclFormatter.format("f.hcl", text).text());
    }
}
