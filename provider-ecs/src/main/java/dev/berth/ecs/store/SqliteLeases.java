package dev.berth.ecs.store;

import dev.berth.sqlite.SqliteDb;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@link Leases} in the control plane file, so several {@code berth server}s on one SQLite file
 * split its services as they do on PostgreSQL: table {@code leases(name, owner, expires)}, each
 * step one {@code BEGIN IMMEDIATE} transaction. Expiry is this machine's clock (epoch
 * milliseconds), which every process sharing the file reads: a SQLite file is only ever shared
 * by processes on one machine.
 */
final class SqliteLeases implements Leases {
    private final SqliteDb db;

    SqliteLeases(SqliteDb db) {
        this.db = db;
    }

    @Override
    public boolean claim(String name, String owner, Duration ttl) {
        long now = System.currentTimeMillis();
        return db.write("write to", () -> {
            db.update("INSERT INTO leases(name, owner, expires) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE"
                    + " SET owner = excluded.owner, expires = excluded.expires"
                    + " WHERE leases.owner = excluded.owner OR leases.expires < ?", name, owner, now + ttl.toMillis(), now);
            return db.queryOne("SELECT owner FROM leases WHERE name = ?", rs -> rs.getString(1), name)
                    .map(owner::equals).orElse(false);
        });
    }

    @Override
    public Set<String> renew(String owner, Duration ttl) {
        long now = System.currentTimeMillis();
        return db.write("write to", () -> {
            db.update("UPDATE leases SET expires = ? WHERE owner = ?", now + ttl.toMillis(), owner);
            return new TreeSet<>(db.query("SELECT name FROM leases WHERE owner = ?", rs -> rs.getString(1), owner));
        });
    }

    @Override
    public Set<String> takeExpired(String owner, Duration ttl) {
        long now = System.currentTimeMillis();
        return db.write("write to", () -> {
            Set<String> out = new TreeSet<>(db.query("SELECT name FROM leases WHERE expires < ?", rs -> rs.getString(1), now));
            db.update("UPDATE leases SET owner = ?, expires = ? WHERE expires < ?", owner, now + ttl.toMillis(), now);
            return out;
        });
    }

    @Override
    public void release(String owner) {
        long past = System.currentTimeMillis() - 1000;
        db.write("write to", () -> db.update("UPDATE leases SET expires = ? WHERE owner = ?", past, owner));
    }

    @Override
    public void forget(String name) {
        db.write("write to", () -> db.update("DELETE FROM leases WHERE name = ?", name));
    }

    @Override
    public void forgetUnder(String prefix) {
        db.write("write to", () -> db.update("DELETE FROM leases WHERE substr(name, 1, length(?)) = ?", prefix, prefix));
    }

    /** Who holds each lease now, by name (for people and tests). */
    Map<String, String> holders() {
        long now = System.currentTimeMillis();
        return db.read("read", () -> {
            Map<String, String> out = new TreeMap<>();
            db.query("SELECT name, owner FROM leases WHERE expires >= ?", rs -> out.put(rs.getString(1), rs.getString(2)), now);
            return out;
        });
    }
}
