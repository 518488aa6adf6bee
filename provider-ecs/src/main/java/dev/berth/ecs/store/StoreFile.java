package dev.berth.ecs.store;

import dev.berth.sqlite.SqliteDb;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/** Creates the control plane file (and its directories) owner-only and opens a configured connection. */
final class StoreFile {

    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    /** Several processes share the file; each holds the write lock for one short transaction. */
    static final SqliteDb.Kind KIND = new SqliteDb.Kind("the ecs control plane", "berth control plane file", 10_000,
            EcsStoreException::new);

    private StoreFile() {
    }

    static SqliteDb open(Path file) {
        Path path = file.toAbsolutePath().normalize();
        createIfMissing(path);
        return SqliteDb.open(path, KIND, StoreSchema::migrate);
    }

    /**
     * Makes the missing directories (0700, as the XDG base directory rules ask) and an empty file
     * readable by its owner only before SQLite writes a byte; SQLite gives its -wal and -shm files
     * the database's mode. An existing file or directory keeps the permissions its owner chose.
     */
    private static void createIfMissing(Path path) {
        if (Files.isDirectory(path)) {
            throw new EcsStoreException("cannot open the ecs control plane " + path + ": it is a directory", null);
        }
        if (Files.exists(path)) {
            if (!Files.isReadable(path) || !Files.isWritable(path)) {
                throw new EcsStoreException("cannot open the ecs control plane " + path + ": permission denied", null);
            }
            return;
        }
        try {
            createDirectories(path.getParent());
            try {
                Files.createFile(path, PosixFilePermissions.asFileAttribute(OWNER_FILE));
                // createFile's mode passes through the umask; set it again so a strict umask
                // cannot leave the owner without write access.
                Files.setPosixFilePermissions(path, OWNER_FILE);
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(path);
            }
        } catch (FileAlreadyExistsException raced) {
            // Another process created it first, with the same care.
        } catch (AccessDeniedException e) {
            throw new EcsStoreException("cannot open the ecs control plane " + path + ": permission denied", e);
        } catch (IOException e) {
            throw new EcsStoreException("cannot open the ecs control plane " + path + ": " + e.getMessage(), e);
        }
    }

    private static void createDirectories(Path dir) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path d = dir; d != null && !Files.isDirectory(d); d = d.getParent()) missing.push(d);
        for (Path d : missing) {
            try {
                Files.createDirectory(d, PosixFilePermissions.asFileAttribute(OWNER_DIR));
                Files.setPosixFilePermissions(d, OWNER_DIR);
            } catch (FileAlreadyExistsException raced) {
                // Another process made it at the same moment.
            } catch (UnsupportedOperationException notPosix) {
                Files.createDirectories(d);
            }
        }
    }
}
