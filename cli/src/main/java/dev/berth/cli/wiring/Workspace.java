package dev.berth.cli.wiring;

import dev.berth.ecs.EcsProvider;
import dev.berth.ecs.cost.EcsCosts;
import dev.berth.ecs.cost.PriceBook;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.http.EcsHttpClient;
import dev.berth.ecs.logs.LogArchive;
import dev.berth.ecs.logs.LogStoreLocation;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.DiagnosticsException;
import dev.berth.ecs.store.EcsStore;
import dev.berth.ecs.placement.FargateCapacity;
import dev.berth.ecs.store.OpenEcsStore;
import dev.berth.ecs.store.StoreLocation;
import dev.berth.ecs.secret.SecretStoreLocation;
import dev.berth.ecs.secret.StoreSecretResolver;
import dev.berth.engine.config.Config;
import dev.berth.engine.config.ConfigLoader;
import dev.berth.engine.config.StaticEvaluator;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.diag.SourceFiles;
import dev.berth.engine.eval.Evaluator;
import dev.berth.engine.functions.FunctionRegistry;
import dev.berth.engine.provider.Providers;
import dev.berth.engine.state.StateStore;
import dev.berth.engine.value.Secrets;
import dev.berth.state.SqlStateStore;
import dev.berth.state.SqliteStateStore;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one command works with: the configuration directory, its files' text (for
 * diagnostics), the state file, the ecs control plane's store and the providers. The only place
 * that knows which concrete stores and runtime berth uses.
 */
public final class Workspace implements AutoCloseable {
    private final Path dir;
    private final Path statePath;
    private final Map<String, String> env;
    private final SourceFiles sources = new SourceFiles();
    private final FunctionRegistry functions = FunctionRegistry.standard();
    private final LogArchive logs;
    private final StoreSecretResolver secretStore;
    private final RuntimePool runtimes;
    /** The -state argument as typed (a path or a postgres:// URL), if given. */
    private final Optional<String> stateArg;
    private StateLocation stateLocation;
    private boolean configLoaded;
    private Optional<dev.berth.engine.config.BackendConfig> backend = Optional.empty();
    private SqlStateStore store;
    private OpenEcsStore ecsStore;
    private Optional<String> ecsStoreSetting = Optional.empty();
    private Optional<Integer> fargateVcpuQuota = Optional.empty();
    /** provider "ecs" { endpoint }: a berth server to be a client of, and where the setting is. */
    private Optional<String> ecsEndpoint = Optional.empty();
    private dev.berth.engine.diag.SourceRange ecsEndpointAt;
    /** provider "ecs" { prices }: the price list file plans are priced with, as written. */
    private Optional<String> pricesSetting = Optional.empty();
    private PriceBook prices;
    private Providers providers;
    private Providers checkingProviders;
    private volatile Secrets secrets = Secrets.NONE;
    private java.util.function.Consumer<String> notices = line -> { };

    public Workspace(Path dir, Path statePath) {
        this(dir, statePath, System.getenv());
    }

    /** {@code env}: the process environment (BERTH_ECS_STORE, XDG_DATA_HOME, HOME). */
    public Workspace(Path dir, Path statePath, Map<String, String> env) {
        this(dir, statePath, Optional.empty(), env);
    }

    /**
     * {@code stateArg}: -state as typed, which wins over a {@code backend "pg"} block; a
     * {@code postgres://} URL puts the state on that server, a path is the state file.
     */
    public Workspace(Path dir, Path statePath, Optional<String> stateArg, Map<String, String> env) {
        this.dir = dir;
        this.statePath = statePath;
        this.stateArg = stateArg;
        this.env = Map.copyOf(env);
        // The log store sits beside the control plane, which the configuration (loaded later) may choose.
        this.logs = new LogArchive(() -> LogStoreLocation.resolve(ecsStoreWhere().anchor(this.env), this.env));
        // Opened only when a container with secrets starts: most runs never touch the file.
        this.secretStore = new StoreSecretResolver(SecretStoreLocation.resolve(dir, this.env));
        this.runtimes = new RuntimePool(logs, secretStore, host -> dev.berth.ecs.store.EngineTlsRow.find(ecsStore(), host));
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

    /**
     * Remembers sensitive texts this run has seen (variables, state), so a message from outside
     * the engine that quotes one (an engine's error about a container's command) is printed
     * without it.
     */
    public void learn(Secrets more) {
        secrets = secrets.and(more);
    }

    public Secrets secrets() {
        return secrets;
    }

    public FunctionRegistry functions() {
        return functions;
    }

    public Evaluator evaluator() {
        return new Evaluator(functions, dir);
    }

    public ConfigLoader.Result loadConfig() {
        return remember(new ConfigLoader(sources, new StaticEvaluator(evaluator())).load(dir));
    }

    /** Loads a saved plan's snapshot of the configuration files as if they were this directory's. */
    public ConfigLoader.Result loadConfig(java.util.Map<String, String> files) {
        return remember(new ConfigLoader(sources, new StaticEvaluator(evaluator())).load(dir, files));
    }

    /** The configuration loaded last chooses the control plane ({@code provider "ecs" { store }}). */
    private ConfigLoader.Result remember(ConfigLoader.Result r) {
        configLoaded = true;
        if (r.config() != null) {
            backend = r.config().backend();
            ecsStoreSetting = r.config().provider(ControlPlaneStore.PROVIDER).flatMap(p -> p.string("store"));
            fargateVcpuQuota = r.config().provider(ControlPlaneStore.PROVIDER).flatMap(p -> p.integer("fargate_vcpu_quota"));
            ecsEndpoint = r.config().provider(ControlPlaneStore.PROVIDER).flatMap(p -> p.string("endpoint"));
            ecsEndpointAt = r.config().provider(ControlPlaneStore.PROVIDER).map(p -> p.ranges().get("endpoint")).orElse(null);
            pricesSetting = r.config().provider(ControlPlaneStore.PROVIDER).flatMap(p -> p.string(EcsCosts.PRICES_SETTING));
        }
        return r;
    }

    /** The state, opened (and created) on first use: the file, or the PostgreSQL schema. */
    public StateStore store() {
        return sqlStore();
    }

    /** The state as its store, for commands that move it between stores. */
    public SqlStateStore sqlStore() {
        if (store == null) store = stateLocation().open();
        return store;
    }

    /**
     * Where the state lives: -state, else the configuration's {@code backend "pg"}, else
     * BERTH_STATE, else the state file. A command that has not loaded the configuration has it read here, but only when one
     * of its files mentions a backend, so state commands stay quick and work on a configuration
     * that no longer parses.
     */
    public StateLocation stateLocation() {
        if (stateLocation == null) {
            if (stateArg.isPresent()) {
                stateLocation = StateLocation.of(stateArg.get(), dir, Optional.empty(), env);
            } else {
                if (!configLoaded && BackendScan.mentionsBackend(dir)) loadConfig();
                stateLocation = backend.map(b -> StateLocation.of(b, env)).orElseGet(this::defaultStateLocation);
            }
        }
        return stateLocation;
    }

    /**
     * Where the state lives when neither -state nor a backend block says: BERTH_STATE (a path
     * relative to the configuration directory, or a postgres:// URL with its schema from
     * PG_SCHEMA_NAME, exactly as -state takes it), else the state file.
     */
    private StateLocation defaultStateLocation() {
        String fromEnv = env.get(StateLocation.ENV);
        if (fromEnv == null || fromEnv.isBlank()) return new StateLocation.File(statePath);
        return StateLocation.of(fromEnv, dir, Optional.empty(), env);
    }

    /** Whether there is state to read (a missing file is none; a PostgreSQL schema always is). */
    public boolean stateExists() {
        return stateLocation().exists();
    }

    private SqliteStateStore stateFile() {
        return (SqliteStateStore) sqlStore();
    }

    /**
     * Where the control plane lives for this configuration: its {@code provider "ecs" { store }},
     * else BERTH_ECS_STORE, else the user's own file. Load the configuration first.
     */
    public StoreLocation.Where ecsStoreWhere() {
        return StoreLocation.where(ecsStoreSetting, dir, env);
    }

    /**
     * The ecs control plane's store, opened (and created) on first use; a control plane an older
     * berth kept in this configuration's state file is moved into it then, once.
     */
    public EcsStore ecsStore() {
        if (ecsStore == null) {
            // Only a state file can hold the control plane an older berth kept there.
            Path legacy = stateLocation() instanceof StateLocation.File f ? f.path() : null;
            ecsStore = ControlPlaneStore.open(ecsStoreWhere(), legacy, this::stateFile, notices);
        }
        return ecsStore;
    }

    /** berth's log store beside this configuration's control plane. */
    public LogArchive logs() {
        return logs;
    }

    /** The user's secret store (BERTH_SECRET_STORE, else beside the control plane), opened on first use. */
    public dev.berth.ecs.secret.SecretResolver secretResolver() {
        return secretStore;
    }

    /**
     * Readies the local Docker engine's client in the background, for a command that will refresh
     * or change what runs there (apply, destroy); see {@link RuntimePool#warmLocal}.
     */
    public void warmLocalEngine() {
        runtimes.warmLocal();
    }

    /** The Docker engines by docker_host (null: the local engine), one connection each for the command. */
    public java.util.function.Function<String, dev.berth.ecs.runtime.ContainerRuntime> runtimes() {
        return runtimes;
    }

    /**
     * Providers backed by the ecs control plane's store or, with {@code provider "ecs" { endpoint }},
     * clients of the berth server there (the store is then the server's, and is not opened here).
     */
    public Providers providers() {
        if (providers == null) providers = ecsEndpoint.isPresent() ? remoteProviders(ecsEndpoint.get()) : providersWith(ecsStore());
        return providers;
    }

    private Providers remoteProviders(String endpoint) {
        dev.berth.ecs.api.EcsApi api;
        try {
            api = connect(endpoint);
        } catch (EcsException e) {
            throw new DiagnosticsException(Diagnostic.error("Invalid value for endpoint: " + e.getMessage(), "",
                    ecsEndpointAt));
        }
        return new Providers(List.of(EcsProvider.remote(api, endpoint, prices())));
    }

    /**
     * The control plane this configuration uses, for commands that read the world itself: a
     * client of its {@code endpoint}, else the store in this process. Load the configuration first.
     */
    public dev.berth.ecs.api.EcsApi ecsApi() {
        if (ecsEndpoint.isPresent()) {
            try {
                return connect(ecsEndpoint.get());
            } catch (EcsException e) {
                throw new DiagnosticsException(Diagnostic.error("Invalid value for endpoint: " + e.getMessage(), "",
                        ecsEndpointAt));
            }
        }
        return new dev.berth.ecs.control.ControlPlane(ecsStore(), runtimes);
    }

    /** A client of the server, signing with the key the environment names (AWS_ACCESS_KEY_ID or a profile), if any. */
    private dev.berth.ecs.api.EcsApi connect(String endpoint) {
        dev.berth.ecs.sigv4.Signer signer;
        try {
            signer = dev.berth.ecs.sigv4.ClientKeys.signer(env).orElse(null);
        } catch (dev.berth.ecs.sigv4.CredentialsFile.BadFile e) {
            throw new DiagnosticsException(Diagnostic.error("Cannot sign requests to the endpoint: " + e.getMessage(), "",
                    ecsEndpointAt));
        }
        return EcsHttpClient.connect(endpoint, signer);
    }

    /** Where {@link #ecsApi()} is, for people: the server's URL or the store's file. */
    public String ecsWorldName() {
        return ecsEndpoint.orElseGet(() -> ecsStoreWhere().shown());
    }

    /** Providers for checking configuration only; they reach neither state nor the control plane. */
    public Providers providersWithoutState() {
        if (providers != null) return providers;
        if (checkingProviders == null) checkingProviders = providersWith(new RefusingEcsStore());
        return checkingProviders;
    }

    private Providers providersWith(EcsStore ecsStore) {
        // provider "ecs" { fargate_vcpu_quota } wins over BERTH_FARGATE_VCPU_QUOTA.
        return new Providers(List.of(new EcsProvider(ecsStore, runtimes,
                fargateVcpuQuota.orElseGet(FargateCapacity::quotaFromEnvironment), secretStore, prices())));
    }

    /**
     * The prices of this configuration: its {@code provider "ecs" { prices }} file (relative to the
     * configuration directory), else the list shipped in the jar. Read on first use.
     */
    public PriceBook prices() {
        if (prices == null) {
            prices = pricesSetting.map(p -> PriceBook.file(dir.resolve(p), p)).orElseGet(PriceBook::builtIn);
        }
        return prices;
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
        if (checkingProviders != null) checkingProviders.close();
        runtimes.close();
        secretStore.close();
        if (ecsStore != null) ecsStore.close();
        if (store != null) store.close();
    }
}
