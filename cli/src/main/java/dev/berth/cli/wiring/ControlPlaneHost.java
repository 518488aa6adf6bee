package dev.berth.cli.wiring;

import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.atomic.Atomicity;
import dev.berth.ecs.atomic.UnitOfWorkStore;
import dev.berth.ecs.control.ControlPlane;
import dev.berth.ecs.logs.LogArchive;
import dev.berth.ecs.logs.LogStoreLocation;
import dev.berth.ecs.control.Rollouts;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.store.EcsStore;
import dev.berth.ecs.store.Leases;
import dev.berth.ecs.store.OpenEcsStore;
import dev.berth.ecs.store.StoreLocation;
import dev.berth.ecs.secret.SecretResolver;
import dev.berth.ecs.secret.SecretStoreLocation;
import dev.berth.ecs.secret.StoreSecretResolver;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The control plane of one store file served in this process, as {@code berth server} serves
 * it: one {@link ControlPlane} whose changing actions run one at a time and all-or-nothing
 * ({@link Atomicity}), and the Docker engines it drives.
 */
public final class ControlPlaneHost implements AutoCloseable {
    private final OpenEcsStore file;
    private final StoreLocation.Where where;
    private final LogArchive logs;
    private final StoreSecretResolver secrets;
    private final RuntimePool runtimes;
    private final UnitOfWorkStore store;
    private final Atomicity atomicity;
    private final ControlPlane plane;
    private final Rollouts rollouts;
    private final EcsApi api;

    private ControlPlaneHost(StoreLocation.Where where, Rollouts rollouts, StoreSecretResolver secrets,
                             Map<String, String> env) {
        this.where = where;
        this.file = where.open();
        this.logs = new LogArchive(() -> LogStoreLocation.resolve(where.anchor(env), env));
        this.secrets = secrets;
        this.runtimes = new RuntimePool(logs, secrets == null ? SecretResolver.NONE : secrets,
                host -> dev.berth.ecs.store.EngineTlsRow.find(file, host));
        this.store = new UnitOfWorkStore(file);
        this.atomicity = new Atomicity(store);
        this.rollouts = rollouts;
        this.plane = new ControlPlane(store, runtimes, rollouts);
        this.api = atomicity.guard(plane);
    }

    /**
     * A control plane for one command ({@code berth ecs}): nobody runs behind it, so calls deploy
     * inline. Its containers cannot have secrets (a task that names one fails to start).
     */
    public static ControlPlaneHost open(Path storeFile) {
        return open(storeFile, System.getenv());
    }

    /** As {@link #open(Path, Map)} for a store that may be a PostgreSQL URL. */
    public static ControlPlaneHost open(StoreLocation.Where store, Map<String, String> env) {
        return new ControlPlaneHost(store, Rollouts.inline(), null, env);
    }

    /** As {@link #open(Path)}; {@code env} chooses the log store ({@code BERTH_LOG_STORE}; else beside the store file). */
    public static ControlPlaneHost open(Path storeFile, Map<String, String> env) {
        return new ControlPlaneHost(StoreLocation.Where.of(storeFile), Rollouts.inline(), null, env);
    }

    /** As {@link #open(Path, Map)}, its containers reading their secrets from {@code secretsFile} as they start. */
    public static ControlPlaneHost open(StoreLocation.Where store, Path secretsFile, Map<String, String> env) {
        return new ControlPlaneHost(store, Rollouts.inline(), new StoreSecretResolver(secretsFile), env);
    }

    /**
     * The control plane {@code berth server} serves: CreateService and UpdateService answer at
     * once and their deployments roll out behind the call, in the server's service loop
     * ({@link #rollOut}), which {@link #rollouts()} tells of each one. Containers read their
     * secrets from {@code secretsFile}; {@code env} chooses the log store.
     */
    public static ControlPlaneHost serve(StoreLocation.Where store, Path secretsFile, Map<String, String> env) {
        ControlPlaneHost host = new ControlPlaneHost(store, Rollouts.behindTheCall(),
                new StoreSecretResolver(secretsFile), env);
        host.file.keepWholeTables();
        return host;
    }

    /** The secret store a run outside any configuration uses: BERTH_SECRET_STORE, else the user's own. */
    public static Path secretsFile(Path workingDir, Map<String, String> env) {
        return SecretStoreLocation.resolve(workingDir, env);
    }

    public Rollouts rollouts() {
        return rollouts;
    }

    /**
     * Rolls a service's deployment out never beside a request's change, but beside Describe and
     * List calls, which see it progress (see {@link Atomicity#progressively}).
     */
    public void rollOut(String serviceArn) {
        atomicity.progressively(() -> {
            plane.rollOut(serviceArn);
            return null;
        });
    }

    /** The store a run outside any configuration serves: {@code BERTH_ECS_STORE} (a file or URL), else the user's own file. */
    public static StoreLocation.Where storeFile(Path workingDir, Map<String, String> env) {
        return StoreLocation.where(Optional.empty(), workingDir, env);
    }

    public StoreLocation.Where storeFile() {
        return where;
    }

    /** How several servers on one control plane (a PostgreSQL schema or one SQLite file) split its services. */
    public Optional<Leases> leases() {
        return file instanceof Leases l ? Optional.of(l) : Optional.empty();
    }

    /** ECS's actions on this control plane, each atomic. */
    public EcsApi api() {
        return api;
    }

    /** For work besides the actions (the service loop) that must not interleave with them. */
    public Atomicity atomicity() {
        return atomicity;
    }

    /** The store as the control plane sees it (writes inside a change belong to the change). */
    public EcsStore store() {
        return store;
    }

    /** berth's log store of this control plane, and the keeper its engines copy kept output with. */
    public LogArchive logs() {
        return logs;
    }

    public Function<String, ContainerRuntime> runtimes() {
        return runtimes;
    }

    @Override
    public void close() {
        runtimes.close();
        if (secrets != null) secrets.close();
        file.close();
    }
}
