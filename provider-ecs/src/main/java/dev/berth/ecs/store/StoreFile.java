package dev.berth.ecs.store;

import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/** Creates the control plane file (and its directories) owner-only and opens a configured connection. */
final class StoreFile {

    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private StoreFile() {
    }

    static StoreDb open(Path file) {
        Path path = file.toAbsolutePath().normalize();
        createIfMissing(path);
        Connection conn;
        try {
            SQLiteConfig config = new SQLiteConfig();
            // Set at connect time so it already covers the journal-mode switch below, which needs
            // a moment of exclusive access when another process has the file open.
            config.setBusyTimeout(StoreDb.BUSY_TIMEOUT_MILLIS);
            conn = config.createConnection("jdbc:sqlite:" + path);
        } catch (SQLException e) {
            throw new EcsStoreException("cannot open the ecs control plane " + path + ": " + StoreDb.reason(e), e);
        }
        StoreDb db = new StoreDb(path, conn);
        try {
            String mode = db.queryOne("PRAGMA journal_mode=WAL", rs -> rs.getString(1)).orElse("");
            if (!mode.equalsIgnoreCase("wal")) {
                throw new EcsStoreException("cannot open the ecs control plane " + path + ": its filesystem does not"
                        + " support SQLite's write-ahead log (journal mode stayed " + mode + ")", null);
            }
            // Every commit reaches the disk before it returns: the world must not forget a task it started.
            db.exec("PRAGMA synchronous=FULL");
            db.write("open", () -> {
                StoreSchema.migrate(db);
                return null;
            });
            return db;
        } catch (SQLException e) {
            closeQuietly(db);
            throw new EcsStoreException("cannot open the ecs control plane " + path + ": " + StoreDb.reason(e), e);
        } catch (RuntimeException e) {
            closeQuietly(db);
            throw e;
        }
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

    private static void closeQuietly(StoreDb db) {
        try {
            db.close();
        } catch (RuntimeException ignored) {
            // Already failing with the more useful error.
        }
    }
}
