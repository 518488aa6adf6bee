package dev.berth.engine.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.berth.engine.hcl.HclParser;
import org.junit.jupiter.api.Timeout;

import static dev.berth.engine.fuzz.HostileInput.SECONDS_PER_INPUT;
import static dev.berth.engine.fuzz.HostileInput.requirePositions;
import static dev.berth.engine.fuzz.HostileInput.text;

/**
 * Hostile configuration text through the HCL lexer and parser. Seeds and every past finding live in
 * {@code src/test/resources/dev/berth/engine/fuzz/ConfigParseFuzzTestInputs/parse}; a normal test run replays
 * them, {@code JAZZER_FUZZ=1} (scripts/fuzz.sh) searches for more. One fuzz test per class: Jazzer
 * fuzzes one per JVM.
 */
class ConfigParseFuzzTest {
    /** Lexer and parser in all three modes: file, standalone expression, template. */
    @FuzzTest(maxDuration = "20s")
    @Timeout(value = SECONDS_PER_INPUT, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void parse(byte[] input) {
        String text = text(input);
        requirePositions(HclParser.parse("main.hcl", text).diagnostics(), "parsing a file");
        requirePositions(HclParser.parseExpression("expr.hcl", text).diagnostics(), "parsing an expression");
        requirePositions(HclParser.parseTemplate("template.tpl", text).diagnostics(), "parsing a template");
    }
}
