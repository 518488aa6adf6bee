package dev.berth.cli.daemon;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes the directories of background berths that are gone. berth-client makes one
 * {@code daemon-HASH} directory per jar version, JVM options, working directory and environment,
 * so every rebuild and every new directory leaves one behind (lock, pid, log, and a socket when
 * the JVM was killed). A background berth that starts removes its siblings whose owner is dead:
 * nobody holds their {@code lock} (the lock dies with its process, so a pid reused by another
 * process never keeps a directory), and nothing in them changed for {@link #QUIET}, so a
 * directory whose berth a client is starting right now is left alone.
 */
final class StaleDaemons {
    /** How long a directory must have been left untouched before it may go. */
    static final Duration QUIET = Duration.ofMinutes(1);
    private static final Pattern NAME = Pattern.compile("daemon-[0-9a-f]{16}");

    private StaleDaemons() {
    }

    /** Removes the stale siblings of {@code own} under {@code base}; returns the directories removed. */
    static List<Path> sweep(Path base, Path own, Instant now) {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(base)) {
            for (Path dir : dirs) {
                if (!NAME.matcher(dir.getFileName().toString()).matches() || sameDir(dir, own)) continue;
                try {
                    if (stale(dir, now) && remove(dir)) removed.add(dir);
                } catch (IOException | RuntimeException e) {
                    // Another berth removed it first, or it is not ours to remove: left as it is.
                }
            }
        } catch (IOException e) {
            // The runtime directory cannot be listed: nothing to tidy.
        }
        return removed;
    }

    private static boolean sameDir(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    private static boolean stale(Path dir, Instant now) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return false;
        if (!Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))) return false;
        if (lastChange(dir).isAfter(now.minus(QUIET))) return false;
        Path lock = dir.resolve("lock");
        if (!Files.exists(lock, LinkOption.NOFOLLOW_LINKS)) return true;
        if (!Files.isRegularFile(lock, LinkOption.NOFOLLOW_LINKS)) return false;
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.WRITE);
             FileLock held = ch.tryLock()) {
            return held != null;
        } catch (OverlappingFileLockException e) {
            return false; // this JVM holds it
        }
    }

    /** The newest modification of the directory or anything directly in it. */
    private static Instant lastChange(Path dir) throws IOException {
        Instant last = Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS).toInstant();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                Instant t = Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS).toInstant();
                if (t.isAfter(last)) last = t;
            }
        }
        return last;
    }

    /** Deletes the files directly in {@code dir} (never following a link), then the directory. */
    private static boolean remove(Path dir) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) return false; // not one berth made
                Files.deleteIfExists(f);
            }
        }
        Files.delete(dir);
        return true;
    }
}
