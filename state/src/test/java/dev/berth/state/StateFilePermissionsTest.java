package dev.berth.state;

import dev.berth.engine.state.StateStoreException;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateFilePermissionsTest {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    @TempDir
    Path dir;

    @Test
    void theFileAndItsWriteAheadLogAreOwnerOnly() throws Exception {
        Path file = dir.resolve("berth.db");
        try (SqliteStateStore s = SqliteStateStore.open(file)) {
            assertEquals(OWNER_ONLY, Files.getPosixFilePermissions(file));
            s.commit(List.of(Fixtures.output("pw", Value.sensitive(Value.of("hunter2")), true)), "apply");
            Path wal = dir.resolve("berth.db-wal");
            assertTrue(Files.exists(wal), "WAL mode keeps a -wal file while the store is open");
            assertEquals(OWNER_ONLY, Files.getPosixFilePermissions(wal));
            Path shm = dir.resolve("berth.db-shm");
            assertTrue(Files.exists(shm), "WAL mode keeps a -shm index while the store is open");
            assertEquals(OWNER_ONLY, Files.getPosixFilePermissions(shm));
        }
    }

    @Test
    void anExistingFileKeepsItsPermissions() throws Exception {
        Path file = dir.resolve("berth.db");
        SqliteStateStore.open(file).close();
        Set<PosixFilePermission> groupRead = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(file, groupRead);
        SqliteStateStore.open(file).close();
        assertEquals(groupRead, Files.getPosixFilePermissions(file));
    }
}
