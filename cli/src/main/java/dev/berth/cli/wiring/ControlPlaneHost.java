package dev.berth.cli.wiring;

import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.atomic.Atomicity;
import dev.berth.ecs.atomic.UnitOfWorkStore;
import dev.berth.ecs.control.ControlPlane;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.engine.provider.ProviderStore;
import dev.berth.state.SqliteStateStore;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * The control plane of one store file served in this process, as {@code berth server} serves
 * it: one {@link ControlPlane} whose changing actions run one at a time and all-or-nothing
 * ({@link Atomicity}), and the Docker engines it drives.
 */
public final class ControlPlaneHost implements AutoCloseable {
    private final Path storeFile;
    private final SqliteStateStore file;
    private final RuntimePool runtimes = new RuntimePool();
    private final UnitOfWorkStore store;
    private final Atomicity atomicity;
    private final EcsApi api;

    private ControlPlaneHost(Path storeFile) {
        this.storeFile = storeFile;
        try {
            java.nio.file.Files.createDirectories(storeFile.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create the directory of " + storeFile, e);
        }
        this.file = SqliteStateStore.open(storeFile);
        ProviderStore rows = file.providerStore("ecs");
        this.store = new UnitOfWorkStore(rows);
        this.atomicity = new Atomicity(store);
        this.api = atomicity.guard(new ControlPlane(store, runtimes));
    }

    public static ControlPlaneHost open(Path storeFile) {
        return new ControlPlaneHost(storeFile);
    }

    /**
     * The control plane's file: {@code BERTH_ECS_STORE}, else one per user in
     * {@code ${XDG_DATA_HOME:-$HOME/.local/share}/berth/ecs.db}.
     */
    public static Path defaultStoreFile(java.util.Map<String, String> env) {
        String chosen = env.get("BERTH_ECS_STORE");
        if (chosen != null && !chosen.isEmpty()) return Path.of(chosen).toAbsolutePath().normalize();
        String xdg = env.get("XDG_DATA_HOME");
        Path data = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".local", "share");
        return data.resolve("berth").resolve("ecs.db");
    }

    public Path storeFile() {
        return storeFile;
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
    public ProviderStore store() {
        return store;
    }

    public Function<String, ContainerRuntime> runtimes() {
        return runtimes;
    }

    @Override
    public void close() {
        runtimes.close();
        file.close();
    }
}
