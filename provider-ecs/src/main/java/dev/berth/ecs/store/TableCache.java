package dev.berth.ecs.store;

import dev.berth.sqlite.WalIndex;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Whole tables of one store connection kept in memory between lists: valid while the file's
 * {@code data_version} (which moves when any other connection commits) is the one they were
 * read at, and kept current by the connection's own writes, which go through {@link #writing}.
 * One lock covers a write with its update here and a list with its check, so a list never
 * returns a table older than a write that has returned, and a failed write leaves nothing here.
 * A table is replaced, never changed in place, so a caller may iterate what it got for as long as
 * it likes.
 *
 * <p>A list whose table is held answers without the lock and without the database when the
 * file's commit stamp ({@link WalIndex}) is the one taken before the tables were last known
 * current: nobody has committed since, so nothing can be newer. Under load the check on the
 * database was what every read queued for: a write holds the lock (and the connection) for its
 * transaction and its update here, milliseconds with 10,000 task rows, and each of 200 calls a
 * second listed two to four tables behind it (bench/README.md, "Load of berth server").
 */
final class TableCache {
    /** What a list read: the data version now, and the table when it had to be read (null: unchanged). */
    record Read(long version, TreeMap<String, String> rows) {
    }

    /** Reads the version and, unless it is {@code version}, the table, in one read transaction. */
    interface Reader {
        Read read(long version);
    }

    /**
     * The tables held (each an unmodifiable view of a sorted map, so a write's copy is built in
     * one linear pass), the data version they were read at, and the commit stamp taken before
     * they were last known current (null: ask the database before answering from them).
     */
    private record Held(Map<String, SortedMap<String, String>> tables, long version, WalIndex.Stamp stamp) {
        static final Held NOTHING = new Held(Map.of(), Long.MIN_VALUE, null);
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Supplier<WalIndex.Stamp> commitStamp;
    private volatile Held held = Held.NOTHING;

    /** {@code commitStamp}: the file's commit stamp now, or null when unknown. */
    TableCache(Supplier<WalIndex.Stamp> commitStamp) {
        this.commitStamp = commitStamp;
    }

    /** The table as committed now when it is held and nobody has committed since it was known current; else null. */
    Map<String, String> fresh(String table) {
        Held h = held;
        SortedMap<String, String> rows = h.tables().get(table);
        if (rows == null || h.stamp() == null) return null;
        return h.stamp().equals(commitStamp.get()) ? rows : null;
    }

    Map<String, String> list(String table, Reader reader) {
        Map<String, String> fresh = fresh(table);
        if (fresh != null) return fresh;
        lock.lock();
        try {
            // Another list may have asked the database while this one waited for the lock: after
            // a write every request thread found the stamp unknown at once, and each asked again
            // in turn, up to 40 ms for the last of them under load (bench/README.md, "Load").
            fresh = fresh(table);
            if (fresh != null) return fresh;
            // Taken before the read: what the transaction reads is at least as new as this stamp.
            WalIndex.Stamp before = commitStamp.get();
            Held h = held;
            SortedMap<String, String> had = h.tables().get(table);
            Read r = reader.read(had == null ? Long.MIN_VALUE : h.version());
            Map<String, SortedMap<String, String>> tables = r.version() == h.version() ? new HashMap<>(h.tables()) : new HashMap<>();
            SortedMap<String, String> now = r.rows() == null ? had : Collections.unmodifiableSortedMap(r.rows());
            tables.put(table, now);
            held = new Held(tables, r.version(), before);
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
     * over in the meantime). Until a list has asked the database again, lists do not answer
     * from memory alone: the stamp after this commit could also hold another connection's.
     */
    void writing(Supplier<List<EcsStore.Write>> write, Replaced replaced) {
        lock.lock();
        try {
            List<EcsStore.Write> writes;
            try {
                writes = write.get();
            } catch (RuntimeException | Error e) {
                held = Held.NOTHING;
                throw e;
            }
            Held h = held;
            Map<String, TreeMap<String, String>> changed = new HashMap<>();
            for (EcsStore.Write w : writes) {
                SortedMap<String, String> rows = h.tables().get(w.table());
                if (rows == null) continue;
                TreeMap<String, String> copy = changed.computeIfAbsent(w.table(), t -> new TreeMap<>(rows));
                if (w.json() == null) copy.remove(w.key());
                else copy.put(w.key(), w.json());
            }
            Map<String, SortedMap<String, String>> tables = new HashMap<>(h.tables());
            changed.forEach((t, rows) -> {
                SortedMap<String, String> now = Collections.unmodifiableSortedMap(rows);
                replaced.replaced(t, tables.put(t, now), now, writes);
            });
            held = new Held(tables, h.version(), null);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code write}, which bypasses {@link #writing}, and drops every table held. */
    <T> T replacing(Supplier<T> write) {
        lock.lock();
        try {
            return write.get();
        } finally {
            held = Held.NOTHING;
            lock.unlock();
        }
    }
}
