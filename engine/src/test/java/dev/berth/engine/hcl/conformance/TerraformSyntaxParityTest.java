package dev.berth.engine.hcl.conformance;

import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.hcl.HclParser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Terraform 1.11.4 itself as the syntax oracle (answers recorded by scripts/fmt-oracle.sh): every
 * valid corpus file is one terraform fmt accepted, and for every malformed one berth's first
 * error is on the line of Terraform's first error.
 */
class TerraformSyntaxParityTest {
    private static final Path ANSWERS = Path.of("src/test/resources/fmt-corpus/terraform");

    @TestFactory
    Stream<DynamicTest> terraformAcceptsEveryValidFile() {
        return Corpus.files(HclConformanceTest.VALID).stream().map(f -> DynamicTest.dynamicTest(
                f.getFileName().toString(), () -> assertTrue(
                        Files.exists(ANSWERS.resolve("hcl-corpus").resolve(f.getFileName())),
                        "no Terraform answer for " + f + ": run scripts/fmt-oracle.sh")));
    }

    @TestFactory
    Stream<DynamicTest> berthsFirstErrorIsOnTerraformsLine() {
        return Corpus.files(HclConformanceTest.INVALID).stream().map(f -> DynamicTest.dynamicTest(
                f.getFileName().toString(), () -> {
                    String name = f.getFileName().toString();
                    Path answer = ANSWERS.resolve("hcl-corpus-invalid").resolve(name.replace(".hcl", ".txt"));
                    assertTrue(Files.exists(answer), "no Terraform answer for " + f + ": run scripts/fmt-oracle.sh");
                    String terraform = Files.readString(answer);
                    List<Diagnostic> ours = HclParser.parse(name, Files.readString(f)).diagnostics();
                    assertFalse(ours.isEmpty(), "berth accepts " + f);
                    String line = terraform.substring("line ".length(), terraform.indexOf(':'));
                    assertEquals(Integer.parseInt(line), ours.get(0).range().line(), name + ": Terraform says " + terraform);
                }));
    }
}
