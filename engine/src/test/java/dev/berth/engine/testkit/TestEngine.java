package dev.berth.engine.testkit;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.apply.Applier;
import dev.berth.engine.config.Config;
import dev.berth.engine.config.ConfigLoader;
import dev.berth.engine.config.StaticEvaluator;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.diag.SourceFiles;
import dev.berth.engine.eval.Evaluator;
import dev.berth.engine.functions.FunctionRegistry;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.plan.Planner;
import dev.berth.engine.plan.ResourceChange;
import dev.berth.engine.provider.Providers;
import dev.berth.engine.run.RunHooks;
import dev.berth.engine.run.VariableValues;
import dev.berth.engine.value.Value;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Loads configuration text from a directory and plans and applies it against the fakes. */
public final class TestEngine {
    public final FakeProvider provider = new FakeProvider();
    public final InMemoryStateStore store = new InMemoryStateStore("lineage-1");
    public final Providers providers = new Providers(List.of(provider));
    private final Path dir;
    private Config config;
    private Map<String, Value> variables = Map.of();

    public TestEngine(Path dir) {
        this.dir = dir;
    }

    /** Replaces main.hcl and loads it, failing the test on any diagnostic. */
    public Config configure(String hcl) {
        ConfigLoader.Result r = load(hcl);
        assertEquals(List.of(), r.diagnostics(), "loading the configuration");
        config = r.config();
        return config;
    }

    public ConfigLoader.Result load(String hcl) {
        try {
            Files.writeString(dir.resolve("main.hcl"), hcl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ConfigLoader(new SourceFiles(), new StaticEvaluator(evaluator())).load(dir);
    }

    public Evaluator evaluator() {
        return new Evaluator(FunctionRegistry.standard(), dir);
    }

    public Config config() {
        return config;
    }

    /** Resolves -var style values (text) for the current configuration, failing the test on errors. */
    public void vars(Map<String, String> given) {
        Map<String, VariableValues.Raw> raw = new TreeMap<>();
        given.forEach((k, v) -> raw.put(k, new VariableValues.Raw(v, "-var", false)));
        Diagnostics d = new Diagnostics();
        variables = VariableValues.resolve(config, raw, evaluator(), d);
        assertEquals(List.of(), d.list(), "resolving variables");
    }

    public Planner.Result plan(Plan.Mode mode) {
        return plan(new Planner.Options(mode, true, 4));
    }

    public Planner.Result plan(Planner.Options options) {
        return new Planner(providers, FunctionRegistry.standard(), RunHooks.NONE)
                .plan(config, store.read(), variables, options);
    }

    public Plan plan() {
        Planner.Result r = plan(Plan.Mode.NORMAL);
        assertFalse(r.hasErrors(), () -> "plan failed: " + r.diagnostics());
        return r.plan();
    }

    public Applier.Result apply(Plan plan) {
        return new Applier(providers, FunctionRegistry.standard(), store, RunHooks.NONE).apply(config, plan, 4);
    }

    public Applier.Result applyOk(Plan plan) {
        Applier.Result r = apply(plan);
        assertFalse(r.hasErrors(), () -> "apply failed: " + r.diagnostics());
        return r;
    }

    /** Configures, plans and applies in one go. */
    public Applier.Result converge(String hcl) {
        configure(hcl);
        return applyOk(plan());
    }

    public static ResourceChange change(Plan plan, String addr) {
        ResourceInstanceAddr a = ResourceInstanceAddr.parse(addr).orElseThrow();
        return plan.resourceChanges().stream().filter(c -> c.addr().equals(a)).findFirst()
                .orElseThrow(() -> new AssertionError("no change for " + addr + " in " + plan.resourceChanges()));
    }

    public static List<String> errors(List<Diagnostic> diags) {
        return diags.stream().filter(Diagnostic::isError).map(Diagnostic::summary).toList();
    }
}
