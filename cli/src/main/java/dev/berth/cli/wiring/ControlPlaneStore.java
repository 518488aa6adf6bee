package dev.berth.cli.wiring;

import dev.berth.ecs.store.LegacyImport;
import dev.berth.ecs.store.OpenEcsStore;
import dev.berth.ecs.store.SqliteEcsStore;
import dev.berth.ecs.store.StoreLocation;
import dev.berth.state.SqliteStateStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Opens the ecs control plane's own store and, the first time a configuration whose state file
 * an older berth wrote meets it, moves the control plane that berth kept inside the state file
 * into it (see {@link LegacyImport}), saying so in one line.
 */
final class ControlPlaneStore {
    static final String PROVIDER = "ecs";

    private ControlPlaneStore() {
    }

    /**
     * @param stateFile the configuration's state file; read only if it already exists (null: none)
     * @param state opens it (the workspace's one store)
     */
    static OpenEcsStore open(StoreLocation.Where where, Path stateFile, Supplier<SqliteStateStore> state,
                             Consumer<String> notice) {
        OpenEcsStore opened = where.open();
        // A PostgreSQL control plane takes no hand-over: the rows stay in the state file, where
        // a file-backed control plane still takes them over.
        if (!(opened instanceof SqliteEcsStore store)) return opened;
        try {
            if (stateFile != null && Files.exists(stateFile)) {
                AtomicReference<LegacyImport.Result> moved = new AtomicReference<>();
                // Said only once the rows are gone from the state file, so it is said once.
                if (state.get().handOverProviderRows(PROVIDER, rows -> moved.set(store.importLegacy(
                        new LegacyImport.Rows(stateFile.toString(), rows.tables(), rows.counters()))))) {
                    int n = moved.get().records();
                    notice.accept("The ecs control plane now lives in " + store.file() + " (moved " + n
                            + (n == 1 ? " object" : " objects") + " from " + stateFile + ").");
                }
            }
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }
}
