package dev.berth.state;

import dev.berth.engine.state.StateStoreException;
import dev.berth.sqlite.SqliteDb;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Creates the state file safely and opens a configured connection to it. */
final class StateFile {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** How errors name the state file, and how long a write waits for another process's lock. */
    static final SqliteDb.Kind KIND = new SqliteDb.Kind("state file", "berth state file", 5000,
            StateStoreException::new);

    private StateFile() {
    }

    static SqliteDb open(Path file) {
        Path path = file.toAbsolutePath().normalize();
        createIfMissing(path);
        return SqliteDb.open(path, KIND, Schema::migrate);
    }

    /**
     * Makes an empty file readable by its owner only before SQLite writes a byte, since the state
     * may hold secrets; SQLite gives its -wal and -shm files the same mode as the database.
     * An existing file keeps the permissions its owner chose.
     */
    private static void createIfMissing(Path path) {
        if (Files.isDirectory(path)) {
            throw new StateStoreException("cannot open state file " + path + ": it is a directory", null);
        }
        if (Files.exists(path)) {
            if (!Files.isReadable(path) || !Files.isWritable(path)) {
                throw new StateStoreException("cannot open state file " + path + ": permission denied", null);
            }
            return;
        }
        Path dir = path.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new StateStoreException("cannot open state file " + path + ": directory " + dir
                    + " does not exist", null);
        }
        try {
            try {
                Files.createFile(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                // createFile's mode passes through the umask; set it again so a strict umask
                // cannot leave the owner without write access.
                Files.setPosixFilePermissions(path, OWNER_ONLY);
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(path);
            }
        } catch (FileAlreadyExistsException raced) {
            // Another process created it first; it made it with the same care.
        } catch (AccessDeniedException e) {
            throw new StateStoreException("cannot open state file " + path + ": permission denied", e);
        } catch (IOException e) {
            throw new StateStoreException("cannot open state file " + path + ": " + e.getMessage(), e);
        }
    }
}
