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

    /** Every row of a table, key to JSON, in key order. */
    Map<String, String> list(String table);

    /**
     * The next value of a named counter, starting at 1; never reused, even after deletes, and
     * never handed out twice even when several processes ask at once.
     */
    long next(String counter);

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
