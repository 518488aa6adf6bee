package dev.berth.engine.provider;

import java.util.Map;
import java.util.Optional;

/**
 * A provider's own tables (its control plane: registered task definitions, tasks, events), kept
 * in the same state file but apart from resource state. Each call is its own short transaction,
 * so a long-running agent and an apply can share the file.
 */
public interface ProviderStore {
    Optional<String> get(String table, String key);

    void put(String table, String key, String json);

    void delete(String table, String key);

    /** Every row of a table, key to JSON, in key order. */
    Map<String, String> list(String table);

    /** The next value of a named counter, starting at 1; never reused, even after deletes. */
    long next(String counter);
}
