package dev.berth.cli.wiring;

import dev.berth.ecs.EcsProvider;
import dev.berth.engine.config.Config;
import dev.berth.engine.config.ConfigLoader;
import dev.berth.engine.config.StaticEvaluator;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.diag.SourceFiles;
import dev.berth.engine.eval.Evaluator;
import dev.berth.engine.functions.FunctionRegistry;
import dev.berth.engine.provider.ProviderStore;
import dev.berth.engine.provider.Providers;
import dev.berth.engine.state.StateStore;
import dev.berth.state.SqliteStateStore;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything one command works with: the configuration directory, its files' text (for
 * diagnostics), the state file and the providers. The only place that knows which concrete
 * store and runtime berth uses.
 */
public final class Workspace implements AutoCloseable {
    private final Path dir;
    private final Path statePath;
    private final SourceFiles sources = new SourceFiles();
    private final FunctionRegistry functions = FunctionRegistry.standard();
    private final RuntimePool runtimes = new RuntimePool();
    private StateStore store;
    private Providers providers;
    private java.util.function.Consumer<String> notices = line -> { };

    public Workspace(Path dir, Path statePath) {
        this.dir = dir;
        this.statePath = statePath;
    }

    /** Where one-line notices go (standard error for a command): what a run did besides its work. */
    public void onNotice(java.util.function.Consumer<String> sink) {
        this.notices = sink;
    }

    public void notice(String line) {
        notices.accept(line);
    }

    public Path dir() {
        return dir;
    }

    public Path statePath() {
        return statePath;
    }

    public SourceFiles sources() {
        return sources;
    }

    public FunctionRegistry functions() {
        return functions;
    }

    public Evaluator evaluator() {
        return new Evaluator(functions, dir);
    }

    public ConfigLoader.Result loadConfig() {
        return new ConfigLoader(sources, new StaticEvaluator(evaluator())).load(dir);
    }

    /** Loads a saved plan's snapshot of the configuration files as if they were this directory's. */
    public ConfigLoader.Result loadConfig(java.util.Map<String, String> files) {
        return new ConfigLoader(sources, new StaticEvaluator(evaluator())).load(dir, files);
    }

    /** The state file, opened (and created) on first use. */
    public StateStore store() {
        if (store == null) store = SqliteStateStore.open(statePath);
        return store;
    }

    /** The Docker engines by docker_host (null: the local engine), one connection each for the command. */
    public java.util.function.Function<String, dev.berth.ecs.runtime.ContainerRuntime> runtimes() {
        return runtimes;
    }

    /** Providers backed by the state file's provider tables. */
    public Providers providers() {
        if (providers == null) providers = providersWith(store().providerStore("ecs"));
        return providers;
    }

    /** Providers for checking configuration only; they cannot reach state. */
    public Providers providersWithoutState() {
        if (providers == null) providers = providersWith(new NoStateProviderStore());
        return providers;
    }

    private Providers providersWith(ProviderStore ecsStore) {
        return new Providers(List.of(new EcsProvider(ecsStore, runtimes)));
    }

    /** Loads the configuration, adding its problems to {@code diags}. */
    public Config config(Diagnostics diags) {
        ConfigLoader.Result r = loadConfig();
        diags.addAll(r.diagnostics());
        return r.config();
    }

    @Override
    public void close() {
        if (providers != null) providers.close();
        runtimes.close();
        if (store != null) store.close();
    }
}
