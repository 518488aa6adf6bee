package dev.berth.engine.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.berth.engine.config.ConfigLoader;
import dev.berth.engine.config.StaticEvaluator;
import dev.berth.engine.diag.DiagnosticsException;
import dev.berth.engine.diag.SourceFiles;
import dev.berth.engine.eval.Evaluator;
import dev.berth.engine.functions.FunctionRegistry;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.plan.Planner;
import dev.berth.engine.provider.Providers;
import dev.berth.engine.run.RunHooks;
import dev.berth.engine.testkit.FakeProvider;
import dev.berth.engine.testkit.InMemoryStateStore;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.berth.engine.fuzz.HostileInput.SECONDS_PER_INPUT;
import static dev.berth.engine.fuzz.HostileInput.requirePositions;
import static dev.berth.engine.fuzz.HostileInput.text;

/**
 * Hostile configurations through loading (block decoding, static evaluation) and planning. Seeds and every past finding live in
 * {@code src/test/resources/dev/berth/engine/fuzz/ConfigPlanFuzzTestInputs/plan}; a normal test run replays
 * them, {@code JAZZER_FUZZ=1} (scripts/fuzz.sh) searches for more. One fuzz test per class: Jazzer
 * fuzzes one per JVM.
 */
class ConfigPlanFuzzTest {
    /** Where file functions look; an empty directory so no input can reach the repository's files. */
    private static final Path DIR = Path.of("target", "fuzz-config-dir").toAbsolutePath();

    /** A whole configuration loaded and planned against the fake provider, as validate and plan do. */
    @FuzzTest(maxDuration = "20s")
    @Timeout(value = SECONDS_PER_INPUT, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
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
