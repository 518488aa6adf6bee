package dev.berth.ecs.store;

import dev.berth.sqlite.OwnerOnlyFile;
import dev.berth.sqlite.SqliteDb;

import java.nio.file.Path;

/** Creates the control plane file (and its directories) owner-only and opens a configured connection. */
final class StoreFile {
    /** Several processes share the file; each holds the write lock for one short transaction. */
    static final SqliteDb.Kind KIND = new SqliteDb.Kind("the ecs control plane", "berth control plane file", 10_000,
            EcsStoreException::new);

    private StoreFile() {
    }

    static SqliteDb open(Path file) {
        Path path = file.toAbsolutePath().normalize();
        OwnerOnlyFile.createIfMissing(path, KIND, true);
        return SqliteDb.open(path, KIND, StoreSchema::migrate);
    }
}
