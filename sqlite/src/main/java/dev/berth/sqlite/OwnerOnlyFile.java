package dev.berth.sqlite;

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

/**
 * Creates a store's database file readable by its owner only before SQLite writes a byte (a
 * store may hold secrets); SQLite gives its -wal and -shm files the database's mode. An existing
 * file or directory keeps the permissions its owner chose.
 */
public final class OwnerOnlyFile {
    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private OwnerOnlyFile() {
    }

    /**
     * With {@code makeDirectories} the missing parents are made 0700 (as the XDG base directory
     * rules ask); without, a missing parent is an error naming it.
     */
    public static void createIfMissing(Path path, SqliteDb.Kind kind, boolean makeDirectories) {
        String cannot = "cannot open " + kind.fileWords() + " " + path + ": ";
        if (Files.isDirectory(path)) throw kind.error().apply(cannot + "it is a directory", null);
        if (Files.exists(path)) {
            if (!Files.isReadable(path) || !Files.isWritable(path)) {
                throw kind.error().apply(cannot + "permission denied", null);
            }
            return;
        }
        Path dir = path.getParent();
        if (!makeDirectories && dir != null && !Files.isDirectory(dir)) {
            throw kind.error().apply(cannot + "directory " + dir + " does not exist", null);
        }
        try {
            if (makeDirectories) createDirectories(dir);
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
            throw kind.error().apply(cannot + "permission denied", e);
        } catch (IOException e) {
            throw kind.error().apply(cannot + e.getMessage(), e);
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
