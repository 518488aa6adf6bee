package dev.berth.engine.fmt;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * berth fmt must write byte for byte what terraform fmt writes. The expected files were produced
 * by Terraform 1.11.4 with scripts/fmt-oracle.sh; this test only reads them. Inputs are the messy
 * cases under fmt-corpus/input and every file of the parser's valid corpus.
 */
class FmtTerraformParityTest {
    private static final Path CORPUS = Path.of("src/test/resources/fmt-corpus");
    private static final Path PARSER_CORPUS = Path.of("src/test/resources/hcl-corpus/valid");

    private static List<Path> hcl(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".hcl")).sorted().toList();
        }
    }

    private static DynamicTest same(Path input, Path expected) {
        return DynamicTest.dynamicTest(input.getFileName().toString(), () -> {
            assertTrue(Files.exists(expected), "no Terraform output for " + input + ": run scripts/fmt-oracle.sh");
            // Bytes, not lines: a BOM, a CR or a final newline is part of the answer.
            String in = new String(Files.readAllBytes(input), StandardCharsets.UTF_8);
            FormatResult r = HclFormatter.format(input.getFileName().toString(), in);
            assertTrue(r.ok(), () -> r.diagnostics().toString());
            assertEquals(new String(Files.readAllBytes(expected), StandardCharsets.UTF_8), r.text(), input.toString());
        });
    }

    @TestFactory
    Stream<DynamicTest> messyInputsFormatAsTerraformFormatsThem() throws IOException {
        return hcl(CORPUS.resolve("input")).stream().map(f -> same(f, CORPUS.resolve("terraform").resolve(f.getFileName())));
    }

    @TestFactory
    Stream<DynamicTest> parserCorpusFormatsAsTerraformFormatsIt() throws IOException {
        return hcl(PARSER_CORPUS).stream()
                .map(f -> same(f, CORPUS.resolve("terraform/hcl-corpus").resolve(f.getFileName())));
    }

    @Test
    void theFixturesComeFromTheTerraformVersionTheIssueNames() throws IOException {
        assertEquals("Terraform v1.11.4", Files.readString(CORPUS.resolve("terraform/VERSION")).strip());
    }
}
