package dev.berth.ecs.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The control plane in PostgreSQL, so several {@code berth server}s, agents and applies on other
 * machines share one world: the same tables as {@link SqliteEcsStore} ({@code rows},
 * {@code counters}, {@code schema_version}; see {@link PgSchema}) in the URL's schema, plus
 * {@code leases}. Every call is one short transaction; {@link #writeAll} is one transaction;
 * {@link #holdPlacement} is a transaction-level advisory lock on a connection of its own, so it
 * dies with the process that held it.
 */
public final class PostgresEcsStore implements OpenEcsStore, Leases {
    private static final String UPSERT = "INSERT INTO rows(tbl, key, json) VALUES (?, ?, ?)"
            + " ON CONFLICT (tbl, key) DO UPDATE SET json = excluded.json";
    private static final String DELETE = "DELETE FROM rows WHERE tbl = ? AND key = ?";

    private final PgDb db;
    private final PlacementLock placement;

    private PostgresEcsStore(PgDb db) {
        this.db = db;
        this.placement = new PlacementLock(db);
    }

    /**
     * Connects and brings the schema up to date (creating it on first use).
     *
     * @throws EcsStoreException with one sentence naming the URL (without its password) when it cannot be used
     */
    public static PostgresEcsStore open(PgUrl url) {
        PgDb db = new PgDb(Objects.requireNonNull(url, "url"));
        try {
            db.tx("open", c -> {
                PgSchema.migrate(c, url);
                return null;
            });
            return new PostgresEcsStore(db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public PgUrl url() {
        return db.url();
    }

    @Override
    public String shown() {
        return db.url().shown();
    }

    @Override
    public Optional<String> get(String table, String key) {
        return db.tx("read", c -> {
            try (PreparedStatement ps = prepare(c, "SELECT json FROM rows WHERE tbl = ? AND key = ?", table, key);
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        });
    }

    /** One query for all of them, the keys as one array parameter. */
    @Override
    public Map<String, String> getAll(String table, java.util.Collection<String> keys) {
        if (keys.isEmpty()) return Map.of();
        return db.tx("read", c -> {
            Map<String, String> out = new java.util.HashMap<>();
            try (PreparedStatement ps = prepare(c, "SELECT key, json FROM rows WHERE tbl = ? AND key = ANY(?)", table,
                    c.createArrayOf("text", keys.toArray()));
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getString(2));
            }
            return out;
        });
    }

    @Override
    public void put(String table, String key, String json) {
        Objects.requireNonNull(json, "json");
        db.tx("write to", c -> update(c, UPSERT, table, key, json));
    }

    @Override
    public void delete(String table, String key) {
        db.tx("write to", c -> update(c, DELETE, table, key));
    }

    /** All the writes in one transaction: a crash or a lost connection half-way leaves none of them. */
    @Override
    public void writeAll(List<Write> writes) {
        if (writes.isEmpty()) return;
        db.tx("write to", c -> {
            for (Write w : writes) {
                if (w.json() == null) update(c, DELETE, w.table(), w.key());
                else update(c, UPSERT, w.table(), w.key(), w.json());
            }
            return null;
        });
    }

    /**
     * The row is locked ({@code FOR UPDATE}) from the read to the write; a row that does not exist
     * yet is inserted only if nobody inserted it meanwhile, and otherwise the change is made again
     * on what they wrote.
     */
    @Override
    public Optional<String> update(String table, String key, java.util.function.UnaryOperator<String> change) {
        while (true) {
            Optional<Optional<String>> done = db.tx("write to", c -> {
                String now;
                try (PreparedStatement ps = prepare(c, "SELECT json FROM rows WHERE tbl = ? AND key = ? FOR UPDATE",
                        table, key); ResultSet rs = ps.executeQuery()) {
                    now = rs.next() ? rs.getString(1) : null;
                }
                String next = change.apply(now);
                if (next == null || next.equals(now)) return Optional.of(Optional.ofNullable(now));
                if (now != null) {
                    update(c, "UPDATE rows SET json = ? WHERE tbl = ? AND key = ?", next, table, key);
                    return Optional.of(Optional.of(next));
                }
                boolean inserted = update(c, "INSERT INTO rows(tbl, key, json) VALUES (?, ?, ?)"
                        + " ON CONFLICT (tbl, key) DO NOTHING", table, key, next) == 1;
                return inserted ? Optional.of(Optional.of(next)) : Optional.empty();
            });
            if (done.isPresent()) return done.get();
        }
    }

    @Override
    public Map<String, String> list(String table) {
        return db.tx("read", c -> {
            // Sorted in Java: the database's collation is not String order.
            Map<String, String> out = new TreeMap<>();
            try (PreparedStatement ps = prepare(c, "SELECT key, json FROM rows WHERE tbl = ?", table);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getString(2));
            }
            return Collections.unmodifiableMap(out);
        });
    }

    @Override
    public long next(String counter) {
        return db.tx("advance a counter in", c -> {
            try (PreparedStatement ps = prepare(c, "INSERT INTO counters(name, value) VALUES (?, 1)"
                    + " ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value", counter);
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public StoreContents dump() {
        return db.tx("read", c -> {
            Map<String, Map<String, String>> rows = new TreeMap<>();
            Map<String, Long> counters = new TreeMap<>();
            try (PreparedStatement ps = prepare(c, "SELECT tbl, key, json FROM rows"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.computeIfAbsent(rs.getString(1), t -> new TreeMap<>()).put(rs.getString(2), rs.getString(3));
            }
            try (PreparedStatement ps = prepare(c, "SELECT name, value FROM counters"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) counters.put(rs.getString(1), rs.getLong(2));
            }
            return new StoreContents(rows, counters);
        });
    }

    @Override
    public void load(StoreContents contents) {
        db.tx("write to", c -> {
            try (PreparedStatement ps = prepare(c, "SELECT (SELECT count(*) FROM rows) + (SELECT count(*) FROM counters)");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) throw notEmpty(shown());
            }
            for (var t : contents.rows().entrySet()) {
                for (var r : t.getValue().entrySet()) update(c, UPSERT, t.getKey(), r.getKey(), r.getValue());
            }
            for (var n : contents.counters().entrySet()) {
                update(c, "INSERT INTO counters(name, value) VALUES (?, ?)", n.getKey(), n.getValue());
            }
            return null;
        });
    }

    static EcsStoreException notEmpty(String shown) {
        return new EcsStoreException("Cannot move the ecs control plane into " + shown + ": it already holds a control"
                + " plane; move into an empty one (a new file, database or ?schema=).", null);
    }

    @Override
    public Held holdPlacement() {
        return placement.hold();
    }

    @Override
    public boolean claim(String name, String owner, Duration ttl) {
        return !names("INSERT INTO leases(name, owner, expires) VALUES (?, ?, now() + make_interval(secs => ?))"
                + " ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires = excluded.expires"
                + " WHERE leases.owner = excluded.owner OR leases.expires < now() RETURNING name",
                name, owner, seconds(ttl)).isEmpty();
    }

    @Override
    public Set<String> renew(String owner, Duration ttl) {
        return names("UPDATE leases SET expires = now() + make_interval(secs => ?) WHERE owner = ? RETURNING name",
                seconds(ttl), owner);
    }

    @Override
    public Set<String> takeExpired(String owner, Duration ttl) {
        return names("UPDATE leases SET owner = ?, expires = now() + make_interval(secs => ?) WHERE expires < now()"
                + " RETURNING name", owner, seconds(ttl));
    }

    @Override
    public void release(String owner) {
        db.tx("write to", c -> update(c, "UPDATE leases SET expires = now() - interval '1 second' WHERE owner = ?", owner));
    }

    @Override
    public void forget(String name) {
        db.tx("write to", c -> update(c, "DELETE FROM leases WHERE name = ?", name));
    }

    @Override
    public void forgetUnder(String prefix) {
        db.tx("write to", c -> update(c, "DELETE FROM leases WHERE left(name, length(?)) = ?", prefix, prefix));
    }

    @Override
    public Optional<Leases> leases() {
        return Optional.of(this);
    }

    /** Who holds each lease now, by name (for people and tests). */
    public Map<String, String> leaseHolders() {
        return db.tx("read", c -> {
            Map<String, String> out = new TreeMap<>();
            try (PreparedStatement ps = prepare(c, "SELECT name, owner FROM leases WHERE expires >= now()");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getString(2));
            }
            return out;
        });
    }

    private Set<String> names(String sql, Object... args) {
        return db.tx("write to", c -> {
            Set<String> out = new TreeSet<>();
            try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        });
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
        return ps;
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, args)) {
            return ps.executeUpdate();
        }
    }

    @Override
    public void close() {
        placement.close();
        db.close();
    }
}
