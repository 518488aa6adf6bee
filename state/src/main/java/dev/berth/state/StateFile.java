package dev.berth.state;

import dev.berth.engine.state.StateStoreException;
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
import java.util.Set;

/** Creates the state file safely and opens a configured connection to it. */
final class StateFile {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private StateFile() {
    }

    static Db open(Path file) {
        Path path = file.toAbsolutePath().normalize();
        createIfMissing(path);
        Connection conn;
        try {
            SQLiteConfig config = new SQLiteConfig();
            // Set at connect time so it already applies to the journal-mode switch below, which
            // needs a moment of exclusive access when another process has the file open.
            config.setBusyTimeout(Db.BUSY_TIMEOUT_MILLIS);
            conn = config.createConnection("jdbc:sqlite:" + path);
        } catch (SQLException e) {
            throw new StateStoreException("cannot open state file " + path + ": " + Db.reason(e), e);
        }
        Db db = new Db(path, conn);
        try {
            String mode = db.queryOne("PRAGMA journal_mode=WAL", rs -> rs.getString(1)).orElse("");
            if (!mode.equalsIgnoreCase("wal")) {
                throw new StateStoreException("cannot open state file " + path + ": its filesystem does not"
                        + " support SQLite's write-ahead log (journal mode stayed " + mode + ")", null);
            }
            // FULL makes every commit reach the disk before commit() returns; WAL defaults to less.
            db.exec("PRAGMA synchronous=FULL");
            db.write("open", () -> {
                Schema.migrate(db);
                return null;
            });
            return db;
        } catch (SQLException e) {
            closeQuietly(db);
            throw new StateStoreException("cannot open state file " + path + ": " + Db.reason(e), e);
        } catch (RuntimeException e) {
            closeQuietly(db);
            throw e;
        }
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

    private static void closeQuietly(Db db) {
        try {
            db.close();
        } catch (RuntimeException ignored) {
            // Already failing with the more useful error.
        }
    }
}
