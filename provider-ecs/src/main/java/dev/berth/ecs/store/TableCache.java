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
    /** Each an unmodifiable view of a sorted map, so a write's copy is built in one linear pass, not entry by entry. */
    private final Map<String, java.util.SortedMap<String, String>> tables = new HashMap<>();
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
            java.util.SortedMap<String, String> now = Collections.unmodifiableSortedMap(r.rows());
            tables.put(table, now);
            return now;
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code write} (one transaction of {@code writes}) and brings the tables held up to date with it. */
    void writing(List<EcsStore.Write> writes, Runnable write) {
        writing(() -> {
            write.run();
            return writes;
        }, NOTHING);
    }

    /** What a write made of a table held: the table before and after it, and the transaction's writes. */
    interface Replaced {
        void replaced(String table, Map<String, String> before, Map<String, String> after, List<EcsStore.Write> writes);
    }

    private static final Replaced NOTHING = (table, before, after, writes) -> { };

    /**
     * Runs {@code write}, a transaction that decides its writes as it runs and returns them, brings
     * the tables held up to date with it and tells {@code replaced} of each table held that it
     * changed, before any list can see the new table (values derived from the old one are carried
     * over in the meantime).
     */
    void writing(java.util.function.Supplier<List<EcsStore.Write>> write, Replaced replaced) {
        lock.lock();
        try {
            List<EcsStore.Write> writes;
            try {
                writes = write.get();
            } catch (RuntimeException | Error e) {
                tables.clear();
                throw e;
            }
            Map<String, TreeMap<String, String>> changed = new HashMap<>();
            for (EcsStore.Write w : writes) {
                java.util.SortedMap<String, String> held = tables.get(w.table());
                if (held == null) continue;
                TreeMap<String, String> copy = changed.computeIfAbsent(w.table(), t -> new TreeMap<>(held));
                if (w.json() == null) copy.remove(w.key());
                else copy.put(w.key(), w.json());
            }
            changed.forEach((t, rows) -> {
                java.util.SortedMap<String, String> now = Collections.unmodifiableSortedMap(rows);
                replaced.replaced(t, tables.put(t, now), now, writes);
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
