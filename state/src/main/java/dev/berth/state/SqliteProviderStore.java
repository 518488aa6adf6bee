package dev.berth.state;

import dev.berth.engine.provider.ProviderStore;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A provider's key-value tables and counters, in the state file but apart from resource state.
 * Each call is its own short transaction, so the agent and an apply can interleave calls freely;
 * writes use {@code BEGIN IMMEDIATE} like every other write to the file.
 */
final class SqliteProviderStore implements ProviderStore {

    private final Db db;
    private final String provider;

    SqliteProviderStore(Db db, String provider) {
        this.db = db;
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    @Override
    public Optional<String> get(String table, String key) {
        return db.read("read provider data from", () -> db.queryOne(
                "SELECT json FROM provider_kv WHERE provider = ? AND tbl = ? AND key = ?",
                rs -> rs.getString(1), provider, table, key));
    }

    @Override
    public void put(String table, String key, String json) {
        Objects.requireNonNull(json, "json");
        db.write("write provider data to", () -> db.update(
                "INSERT INTO provider_kv(provider, tbl, key, json) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT(provider, tbl, key) DO UPDATE SET json = excluded.json",
                provider, table, key, json));
    }

    @Override
    public void delete(String table, String key) {
        db.write("delete provider data from", () -> db.update(
                "DELETE FROM provider_kv WHERE provider = ? AND tbl = ? AND key = ?", provider, table, key));
    }

    @Override
    public Map<String, String> list(String table) {
        return db.read("read provider data from", () -> {
            // Sorted in Java rather than by SQLite, whose byte order differs from String order
            // for characters outside the basic multilingual plane.
            Map<String, String> out = new TreeMap<>();
            db.query("SELECT key, json FROM provider_kv WHERE provider = ? AND tbl = ?",
                    rs -> out.put(rs.getString(1), rs.getString(2)), provider, table);
            return Collections.unmodifiableMap(out);
        });
    }

    @Override
    public long next(String counter) {
        return db.write("advance a provider counter in", () -> {
            // The counter row is never deleted, so a value once handed out is never handed out again.
            db.update("INSERT INTO provider_counters(provider, name, value) VALUES (?, ?, 1)"
                    + " ON CONFLICT(provider, name) DO UPDATE SET value = value + 1", provider, counter);
            return db.queryOne("SELECT value FROM provider_counters WHERE provider = ? AND name = ?",
                    rs -> rs.getLong(1), provider, counter).orElseThrow();
        });
    }
}
