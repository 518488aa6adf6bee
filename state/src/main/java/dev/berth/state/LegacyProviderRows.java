package dev.berth.state;

import dev.berth.sqlite.SqliteDb;

import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The rows berth 0.1 kept for its providers in the state file ({@code provider_kv},
 * {@code provider_counters}): a provider's control plane, which now lives in the provider's own
 * store. The state module no longer reads or writes them except to hand them over once.
 */
final class LegacyProviderRows {

    private final SqliteDb db;

    LegacyProviderRows(SqliteDb db) {
        this.db = db;
    }

    boolean handOver(String provider, Consumer<SqliteStateStore.ProviderRows> taker) {
        // A read first: most files hold none, and a check must not queue behind other writers.
        boolean any = db.read("read the provider rows of", () -> present(provider));
        if (!any) return false;
        // Then one write transaction holds the file while the taker stores the rows elsewhere, so
        // two processes handing over at once do it one after the other, and the rows are deleted
        // only after the taker returned; if it throws, nothing here changes.
        return db.write("hand over the provider rows of", () -> {
            if (!present(provider)) return false;
            Map<String, Map<String, String>> tables = new TreeMap<>();
            db.query("SELECT tbl, key, json FROM provider_kv WHERE provider = ?", rs -> tables
                    .computeIfAbsent(rs.getString(1), t -> new TreeMap<>()).put(rs.getString(2), rs.getString(3)), provider);
            Map<String, Long> counters = new TreeMap<>();
            db.query("SELECT name, value FROM provider_counters WHERE provider = ?",
                    rs -> counters.put(rs.getString(1), rs.getLong(2)), provider);
            taker.accept(new SqliteStateStore.ProviderRows(Collections.unmodifiableMap(tables),
                    Collections.unmodifiableMap(counters)));
            db.update("DELETE FROM provider_kv WHERE provider = ?", provider);
            db.update("DELETE FROM provider_counters WHERE provider = ?", provider);
            return true;
        });
    }

    private boolean present(String provider) throws SQLException {
        return db.queryOne("SELECT EXISTS(SELECT 1 FROM provider_kv WHERE provider = ?)"
                        + " OR EXISTS(SELECT 1 FROM provider_counters WHERE provider = ?)",
                rs -> rs.getBoolean(1), provider, provider).orElse(false);
    }
}
