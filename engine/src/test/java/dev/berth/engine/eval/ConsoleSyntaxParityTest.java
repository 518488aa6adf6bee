package dev.berth.engine.eval;

import dev.berth.engine.value.BoolValue;
import dev.berth.engine.value.NumberValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Expressions whose syntax berth once read differently from Terraform, with terraform console's
 * answers (recorded by scripts/console-oracle.sh from Terraform 1.11.4). Answers are scalars,
 * printed as the console prints them.
 */
class ConsoleSyntaxParityTest {
    private static final Path ANSWERS = Path.of("src/test/resources/console-syntax/answers.tsv");

    @TestFactory
    Stream<DynamicTest> berthEvaluatesAsTerraformConsoleDoes() throws IOException {
        return Files.readAllLines(ANSWERS).stream().filter(l -> !l.isBlank()).map(line -> {
            String[] parts = line.split("\t", 2);
            return DynamicTest.dynamicTest(parts[0], () -> {
                EvalFixture f = new EvalFixture();
                assertEquals(parts[1], console(f.ok(parts[0])), parts[0]);
            });
        });
    }

    private static String console(Value v) {
        if (v instanceof StringValue s) return "\"" + s.value().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        if (v instanceof NumberValue || v instanceof BoolValue) return v.toString();
        throw new AssertionError("the corpus holds scalar answers only, but berth gave " + v);
    }
}
