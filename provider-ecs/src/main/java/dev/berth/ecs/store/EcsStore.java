package dev.berth.ecs.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The control plane's storage: named tables of JSON rows by key, and counters. The provider owns
 * it (the engine knows nothing of it); {@link SqliteEcsStore} keeps it in one file that several
 * processes share. Each call is its own short transaction, so a long-running agent, an apply and
 * other configurations can interleave calls freely.
 */
public interface EcsStore {
    Optional<String> get(String table, String key);

    void put(String table, String key, String json);

    void delete(String table, String key);

    /**
     * Changes one row in one step: {@code change} is given the row as stored now (null when there
     * is none) and returns the row to store, or null (or the same row) to leave it as it is; no
     * other writer, in this process or another, changes the row between that read and the write.
     * For writers that own some of a row's fields: rewriting a whole row read earlier would undo
     * what another process wrote meanwhile (a server's rollout undid an apply's desired count).
     * Returns the row as it is afterwards. This default reads and writes in two calls: for
     * stores that only one thread of one process uses.
     */
    default Optional<String> update(String table, String key, java.util.function.UnaryOperator<String> change) {
        String now = get(table, key).orElse(null);
        String next = change.apply(now);
        if (next == null || next.equals(now)) return Optional.ofNullable(now);
        put(table, key, next);
        return Optional.of(next);
    }

    /** Every row of a table, key to JSON, in key order. */
    Map<String, String> list(String table);

    /**
     * The rows of {@code keys} that exist, key to JSON: what {@link #get} gives for each, in one
     * read where the store can (a refresh of 100,000 objects would otherwise be 100,000 queries).
     */
    default Map<String, String> getAll(String table, java.util.Collection<String> keys) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String key : keys) get(table, key).ifPresent(json -> out.put(key, json));
        return out;
    }

    /**
     * {@code derive} applied to the table as {@link #list} gives it now. A store that keeps its
     * tables between lists (the SQLite store) keeps the result too, and derives it again only when
     * the table changed, by its own write or another process's commit: the tasks' index
     * ({@link TaskIndex}) is made once per change of the table rather than once per call, and a
     * value that {@link Follows} writes is carried through the store's own. This default derives
     * it on every call. {@code kind} names what is derived (one per table).
     */
    default <T> T derived(String table, Class<T> kind, java.util.function.Function<Map<String, String>, T> derive) {
        return derive.apply(list(table));
    }

    /**
     * A value {@link #derived} from a table that can follow the table's writes: {@link #after}
     * gives what deriving from the table after {@code writes} would, by touching only the rows
     * written, so a store need not derive it all again after each of its own writes.
     */
    interface Follows<T> {
        /** This value after {@code writes} (rows of any table; the others are passed over). */
        T after(List<Write> writes);
    }

    /**
     * The next value of a named counter, starting at 1; never reused, even after deletes, and
     * never handed out twice even when several processes ask at once.
     */
    long next(String counter);

    /**
     * Whether this thread reads beside a change in hand whose writes it cannot see (berth
     * server's Describe and List calls; see {@code Atomicity}). Such a read reports what it
     * finds but records nothing about tasks: the change may be stopping the very task whose
     * container it sees ended, and would find its own work undone. False for every other store.
     */
    default boolean besideAChange() {
        return false;
    }

    /** The leases by which several servers split the services they keep, in a store that several servers share. */
    default Optional<Leases> leases() {
        return Optional.empty();
    }

    /** A hold on something shared between processes, let go by {@link #close}. */
    interface Held extends AutoCloseable {
        @Override
        void close();

        /** A hold that runs {@code release} at its first close only, however often it is closed. */
        static Held releasingOnce(Runnable release) {
            java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
            return () -> {
                if (done.compareAndSet(false, true)) release.run();
            };
        }
    }

    /**
     * Holds the world's placement lock until closed: while held, no other process (and no other
     * hold in this one) reads capacity, places and books tasks, so two decisions never promise the
     * last free slot or one static host port twice. A lock is taken for the whole world rather
     * than a cluster because clusters share engines: an engine's room and host ports are booked
     * across every cluster whose instances run on it, and FARGATE tasks book the local engine.
     * This default holds nothing: one process, whose callers take turns themselves.
     */
    default Held holdPlacement() {
        return () -> { };
    }

    /** One row of a {@link #writeAll}: {@code json} is the new row, or null to delete it. */
    record Write(String table, String key, String json) {
    }

    /**
     * Writes several rows as one: all of them or, when it fails, none (a control plane action's
     * unit of work). This default writes them one by one; the SQLite store does it in one
     * transaction.
     */
    default void writeAll(List<Write> writes) {
        for (Write w : writes) {
            if (w.json() == null) delete(w.table(), w.key());
            else put(w.table(), w.key(), w.json());
        }
    }
}
