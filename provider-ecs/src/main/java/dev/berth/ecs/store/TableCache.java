package dev.berth.ecs.store;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Whole tables of one store connection kept in memory between lists: valid while the file's
 * {@code data_version} (which moves when any other connection commits) is the one they were
 * read at, and kept current by the connection's own writes, which go through {@link #writing}.
 * One lock covers a write with its update here and a list with its check, so a list never
 * returns a table older than a write that has returned, and a failed write leaves nothing here.
 * A table is replaced, never changed in place, so a caller may iterate what it got for as long as
 * it likes.
 */
final class TableCache {
    /** What a list read: the data version now, and the table when it had to be read (null: unchanged). */
    record Read(long version, TreeMap<String, String> rows) {
    }

    /** Reads the version and, unless it is {@code version}, the table, in one read transaction. */
    interface Reader {
        Read read(long version);
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Map<String, String>> tables = new HashMap<>();
    private long version = Long.MIN_VALUE;

    Map<String, String> list(String table, Reader reader) {
        lock.lock();
        try {
            Map<String, String> held = tables.get(table);
            Read r = reader.read(held == null ? Long.MIN_VALUE : version);
            if (r.version() != version) {
                tables.clear();
                version = r.version();
            }
            if (r.rows() == null) return held;
            Map<String, String> now = Collections.unmodifiableMap(r.rows());
            tables.put(table, now);
            return now;
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code write} (one transaction of {@code writes}) and brings the tables held up to date with it. */
    void writing(List<EcsStore.Write> writes, Runnable write) {
        writing(writes, write, (table, before, after) -> { });
    }

    /** What a write made of a table held: the table before and after it. */
    interface Replaced {
        void replaced(String table, Map<String, String> before, Map<String, String> after);
    }

    /**
     * As {@link #writing(List, Runnable)}, telling {@code replaced} of each table held that the
     * write changed, before any list can see the new table (values derived from the old one are
     * carried over in the meantime).
     */
    void writing(List<EcsStore.Write> writes, Runnable write, Replaced replaced) {
        lock.lock();
        try {
            try {
                write.run();
            } catch (RuntimeException | Error e) {
                tables.clear();
                throw e;
            }
            Map<String, TreeMap<String, String>> changed = new HashMap<>();
            for (EcsStore.Write w : writes) {
                Map<String, String> held = tables.get(w.table());
                if (held == null) continue;
                TreeMap<String, String> copy = changed.computeIfAbsent(w.table(), t -> new TreeMap<>(held));
                if (w.json() == null) copy.remove(w.key());
                else copy.put(w.key(), w.json());
            }
            changed.forEach((t, rows) -> {
                Map<String, String> now = Collections.unmodifiableMap(rows);
                replaced.replaced(t, tables.put(t, now), now);
            });
        } finally {
            lock.unlock();
        }
    }

    /** Drops every table held (a write that bypasses {@link #writing}). */
    void forget() {
        lock.lock();
        try {
            tables.clear();
        } finally {
            lock.unlock();
        }
    }
}
