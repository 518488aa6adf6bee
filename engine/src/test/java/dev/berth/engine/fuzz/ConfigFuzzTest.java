package dev.berth.engine.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.berth.engine.config.ConfigLoader;
import dev.berth.engine.config.StaticEvaluator;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.diag.DiagnosticsException;
import dev.berth.engine.diag.SourceFiles;
import dev.berth.engine.eval.Evaluator;
import dev.berth.engine.eval.Scope;
import dev.berth.engine.functions.FunctionRegistry;
import dev.berth.engine.hcl.HclParser;
import dev.berth.engine.hcl.ParseResult;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.plan.Planner;
import dev.berth.engine.provider.Providers;
import dev.berth.engine.run.RunHooks;
import dev.berth.engine.testkit.FakeProvider;
import dev.berth.engine.testkit.InMemoryStateStore;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.berth.engine.fuzz.HostileInput.SECONDS_PER_INPUT;
import static dev.berth.engine.fuzz.HostileInput.requirePositions;
import static dev.berth.engine.fuzz.HostileInput.text;

/**
 * Hostile configuration text through the HCL lexer, parser and evaluator. Seeds and every past
 * finding live in {@code src/test/resources/dev/berth/engine/fuzz/ConfigFuzzTestInputs/METHOD};
 * a normal test run replays them, {@code JAZZER_FUZZ=1} (scripts/fuzz.sh) searches for more.
 */
class ConfigFuzzTest {
    /** Where file functions look; an empty directory so no input can reach the repository's files. */
    private static final Path DIR = Path.of("target", "fuzz-config-dir").toAbsolutePath();

    /** Lexer and parser in all three modes: file, standalone expression, template. */
    @FuzzTest(maxDuration = "20s")
    @Timeout(SECONDS_PER_INPUT)
    void parse(byte[] input) {
        String text = text(input);
        requirePositions(HclParser.parse("main.hcl", text).diagnostics(), "parsing a file");
        requirePositions(HclParser.parseExpression("expr.hcl", text).diagnostics(), "parsing an expression");
        requirePositions(HclParser.parseTemplate("template.tpl", text).diagnostics(), "parsing a template");
    }

    /** An expression as the console evaluates it: every function, a few variables. */
    @FuzzTest(maxDuration = "20s")
    @Timeout(SECONDS_PER_INPUT)
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

    /** A whole configuration loaded and planned against the fake provider, as validate and plan do. */
    @FuzzTest(maxDuration = "20s")
    @Timeout(SECONDS_PER_INPUT)
    void plan(byte[] input) {
        Evaluator evaluator = new Evaluator(FunctionRegistry.standard(), DIR);
        ConfigLoader.Result loaded = new ConfigLoader(new SourceFiles(), new StaticEvaluator(evaluator))
                .load(DIR, Map.of("main.hcl", text(input)));
        requirePositions(loaded.diagnostics(), "loading the configuration");
        if (loaded.diagnostics().stream().anyMatch(d -> d.isError())) return;
        Planner planner = new Planner(new Providers(List.of(new FakeProvider())), FunctionRegistry.standard(),
                RunHooks.NONE);
        try {
            planner.plan(loaded.config(), new InMemoryStateStore("fuzz").read(), Map.of(),
                    new Planner.Options(Plan.Mode.NORMAL, true, 1, List.of(), Set.of()));
        } catch (DiagnosticsException e) {
            requirePositions(e.diagnostics(), "planning");
        }
    }
}
