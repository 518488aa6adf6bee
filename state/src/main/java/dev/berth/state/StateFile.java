package dev.berth.state;

import dev.berth.engine.state.StateStoreException;
import dev.berth.sqlite.OwnerOnlyFile;
import dev.berth.sqlite.SqliteDb;

import java.nio.file.Path;

/** Creates the state file safely and opens a configured connection to it. */
final class StateFile {
    /** How errors name the state file, and how long a write waits for another process's lock. */
    static final SqliteDb.Kind KIND = new SqliteDb.Kind("state file", "berth state file", 5000,
            StateStoreException::new);

    private StateFile() {
    }

    static SqliteDb open(Path file) {
        Path path = file.toAbsolutePath().normalize();
        OwnerOnlyFile.createIfMissing(path, KIND, false);
        return SqliteDb.open(path, KIND, Schema::migrate);
    }
}
