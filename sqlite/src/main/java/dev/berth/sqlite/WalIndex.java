package dev.berth.sqlite;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;

/**
 * The header of a WAL-mode database's log index, the {@code -shm} file beside it, read from
 * memory without SQLite (file format: sqlite.org/walformat.html, "the WAL-index header"). Every
 * commit by any connection rewrites it: its change counter, the log's last frame, and the salts
 * when the log starts over after a checkpoint. So a {@link Stamp} equal to one taken earlier
 * means that nobody has committed since, and a caller can answer from what it read then without
 * asking the database; one that differs (or none) says only "ask the database".
 *
 * <p>The header is read as SQLite's own readers read it: its first copy, then its second, which a
 * writer updates in the opposite order, so copies that differ (a commit in the middle) give no
 * stamp. Nothing here writes to the file or locks it.
 *
 * <p>The file stays open for as long as any connection of this process has the database open,
 * and is closed only after the last one closed: POSIX locks belong to the process, so closing any
 * descriptor of the file drops every lock SQLite holds on it, among them the shared lock that
 * tells other processes the index is in use. A process that then opened the database thought
 * itself the first, cut the index short and rebuilt it, and SQLite here died of SIGBUS on its
 * mapping (the load test's server did, bench/README.md). Hence one descriptor per file (by its
 * device and inode), counted by the connections that use it.
 */
public final class WalIndex implements AutoCloseable {
    /** Two copies of the 48-byte header. */
    private static final int HEADER_BYTES = 48;
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    /** One reading of the header: equal stamps, no commit in between. */
    public record Stamp(long a, long b, long c, long d, long e, long f) {
    }

    /** The index file of one database in this process: how many connections use it, and its one descriptor once opened. */
    private static final class Shared {
        final Object key;
        final Path shm;
        int users;
        FileChannel channel;
        MappedByteBuffer header;

        Shared(Object key, Path shm) {
            this.key = key;
            this.shm = shm;
        }
    }

    /** By the database file's device and inode, so two paths to one file share one entry. */
    private static final Map<Object, Shared> SHARED = new HashMap<>();

    private Shared shared;
    /** The mapped header once there is one: read without the lock on every stamp. */
    private volatile MappedByteBuffer mapped;

    private WalIndex(Shared shared) {
        this.shared = shared;
    }

    /**
     * Counts one more connection of this process to {@code database}; call it once the
     * connection is open, and {@link #close} once it has closed. A file without a device and
     * inode to tell it by gives an index that never has a stamp (and never opens anything).
     */
    static WalIndex open(Path database) {
        Object key;
        try {
            key = Files.readAttributes(database, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            key = null;
        }
        if (key == null) return new WalIndex(null);
        synchronized (SHARED) {
            Shared s = SHARED.computeIfAbsent(key, k -> new Shared(k, database.resolveSibling(database.getFileName() + "-shm")));
            s.users++;
            return new WalIndex(s);
        }
    }

    /**
     * The header now, or null when it cannot be read (no index file yet, not initialised, closed,
     * or a commit in the middle of rewriting it).
     */
    public Stamp stamp() {
        MappedByteBuffer h = header();
        if (h == null) return null;
        try {
            Stamp first = read(h, 0);
            Stamp second = read(h, HEADER_BYTES);
            // Byte 12 of the header is "isInit": a header never written is no stamp.
            return first.equals(second) && h.get(12) != 0 ? first : null;
        } catch (InternalError e) {
            // The mapping faulted (the file was cut short under it): no stamp, ask the database.
            return null;
        }
    }

    private static Stamp read(MappedByteBuffer h, int at) {
        return new Stamp((long) LONGS.getVolatile(h, at), (long) LONGS.getVolatile(h, at + 8),
                (long) LONGS.getVolatile(h, at + 16), (long) LONGS.getVolatile(h, at + 24),
                (long) LONGS.getVolatile(h, at + 32), (long) LONGS.getVolatile(h, at + 40));
    }

    private MappedByteBuffer header() {
        MappedByteBuffer h = mapped;
        if (h != null) return h;
        synchronized (SHARED) {
            Shared s = shared;
            if (s == null) return null;
            if (s.header != null) return s.header;
            try {
                // Opened and mapped only once SQLite has sized it: reading past the end of a mapped
                // file faults, and a descriptor opened stays open until the last connection closed.
                if (s.channel == null) {
                    if (Files.size(s.shm) < 2 * HEADER_BYTES) return null;
                    s.channel = FileChannel.open(s.shm, StandardOpenOption.READ);
                }
                if (s.channel.size() >= 2 * HEADER_BYTES) {
                    s.header = s.channel.map(FileChannel.MapMode.READ_ONLY, 0, 2 * HEADER_BYTES);
                }
            } catch (IOException | UnsupportedOperationException e) {
                return null;
            }
            mapped = s.header;
            return s.header;
        }
    }

    /**
     * Gives up this connection's use of the file; call it only after the connection has closed,
     * so that closing the descriptor (when no other connection of this process uses the
     * database) drops no lock SQLite holds.
     */
    @Override
    public void close() {
        synchronized (SHARED) {
            Shared s = shared;
            shared = null;
            mapped = null;
            if (s == null || --s.users > 0) return;
            SHARED.remove(s.key);
            if (s.channel != null) {
                try {
                    s.channel.close();
                } catch (IOException ignored) {
                    // Read-only: nothing is lost.
                }
            }
        }
    }
}
