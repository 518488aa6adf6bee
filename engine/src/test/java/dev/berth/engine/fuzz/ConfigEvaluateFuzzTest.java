package dev.berth.engine.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.diag.DiagnosticsException;
import dev.berth.engine.eval.Evaluator;
import dev.berth.engine.eval.Scope;
import dev.berth.engine.functions.FunctionRegistry;
import dev.berth.engine.hcl.HclParser;
import dev.berth.engine.hcl.ParseResult;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.util.Map;

import static dev.berth.engine.fuzz.HostileInput.SECONDS_PER_INPUT;
import static dev.berth.engine.fuzz.HostileInput.requirePositions;
import static dev.berth.engine.fuzz.HostileInput.text;

/**
 * Hostile expressions through the HCL parser and the evaluator with every function. Seeds and every past finding live in
 * {@code src/test/resources/dev/berth/engine/fuzz/ConfigEvaluateFuzzTestInputs/evaluate}; a normal test run replays
 * them, {@code JAZZER_FUZZ=1} (scripts/fuzz.sh) searches for more. One fuzz test per class: Jazzer
 * fuzzes one per JVM.
 */
class ConfigEvaluateFuzzTest {
    /** Where file functions look; an empty directory so no input can reach the repository's files. */
    private static final Path DIR = Path.of("target", "fuzz-config-dir").toAbsolutePath();

    /** An expression as the console evaluates it: every function, a few variables. */
    @FuzzTest(maxDuration = "20s")
    @Timeout(value = SECONDS_PER_INPUT, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void evaluate(byte[] input) {
        ParseResult parsed = HclParser.parseExpression("expr.hcl", text(input));
        if (parsed.hasErrors()) return;
        Scope scope = (ref, d) -> switch (ref.kind() + "." + ref.name()) {
            case "var.name" -> Value.of("web");
            case "var.count" -> Value.of(3);
            case "var.tags" -> Value.map(Map.of("team", Value.of("a"), "env", Value.of("dev")));
            case "var.secret" -> Value.sensitive(Value.of("hunter2"));
            default -> {
                d.error("Reference to undeclared " + ref.kind() + " \"" + ref.name() + "\"", "", ref.range());
                yield Value.unknown();
            }
        };
        Diagnostics diags = new Diagnostics();
        try {
            new Evaluator(FunctionRegistry.standard(), DIR).evaluate(parsed.expression(), scope, diags);
        } catch (DiagnosticsException e) {
            requirePositions(e.diagnostics(), "evaluating");
        }
        requirePositions(diags.list(), "evaluating");
    }
}
