package dev.berth.sqlite;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

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
 * stamp. Nothing here writes to the file.
 */
public final class WalIndex {
    /** Two copies of the 48-byte header. */
    private static final int HEADER_BYTES = 48;
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    /** One reading of the header: equal stamps, no commit in between. */
    public record Stamp(long a, long b, long c, long d, long e, long f) {
    }

    private final Path shm;
    private volatile MappedByteBuffer header;

    WalIndex(Path database) {
        this.shm = database.resolveSibling(database.getFileName() + "-shm");
    }

    /**
     * The header now, or null when it cannot be read (no index file yet, not initialised, or a
     * commit in the middle of rewriting it).
     */
    public Stamp stamp() {
        MappedByteBuffer h = mapped();
        if (h == null) return null;
        try {
            Stamp first = read(h, 0);
            Stamp second = read(h, HEADER_BYTES);
            // Byte 12 of the header is "isInit": a header never written is no stamp.
            return first.equals(second) && h.get(12) != 0 ? first : null;
        } catch (InternalError e) {
            // The mapping faulted (the file was cut short under it): no stamp, ask the database.
            header = null;
            return null;
        }
    }

    private static Stamp read(MappedByteBuffer h, int at) {
        return new Stamp((long) LONGS.getVolatile(h, at), (long) LONGS.getVolatile(h, at + 8),
                (long) LONGS.getVolatile(h, at + 16), (long) LONGS.getVolatile(h, at + 24),
                (long) LONGS.getVolatile(h, at + 32), (long) LONGS.getVolatile(h, at + 40));
    }

    private MappedByteBuffer mapped() {
        MappedByteBuffer h = header;
        if (h != null) return h;
        try (FileChannel channel = FileChannel.open(shm, StandardOpenOption.READ)) {
            // Mapped only once SQLite has sized it: reading past the end of a mapped file faults.
            if (channel.size() < 2 * HEADER_BYTES) return null;
            h = channel.map(FileChannel.MapMode.READ_ONLY, 0, 2 * HEADER_BYTES);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
        header = h;
        return h;
    }
}
