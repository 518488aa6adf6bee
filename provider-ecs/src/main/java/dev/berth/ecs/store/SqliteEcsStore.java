package dev.berth.ecs.store;

import dev.berth.sqlite.SqliteDb;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The control plane in one SQLite file that several processes share at once: applies of several
 * configurations, {@code berth agent}, {@code berth ecs} commands. The file runs in WAL mode with a
 * busy timeout, and every write is one short {@code BEGIN IMMEDIATE} transaction, so readers never
 * block and writers queue on SQLite's lock instead of failing. Tables (see {@link StoreSchema}):
 * {@code rows(tbl, key, json)}, {@code counters(name, value)}, {@code imports},
 * {@code leases} ({@link SqliteLeases}: several servers on one file split its services) and
 * {@code schema_version}.
 */
public final class SqliteEcsStore implements OpenEcsStore, Leases {

    private final SqliteDb db;
    private final SqliteLeases leases;
    /** Whole tables as last listed, kept current by this object's own writes (see {@link #list}). */
    private final TableCache tables;
    /** Gets answer from {@link #list} ({@link #keepWholeTables}). */
    private volatile boolean wholeTables;
    /** What {@link #derived} made, by table and kind. */
    private final java.util.concurrent.ConcurrentMap<String, Derived> derived = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentMap<String, Object> deriving = new java.util.concurrent.ConcurrentHashMap<>();
    /** Concurrent writers' transactions merged into one (one sync to disk for all of them). */
    private final GroupCommit group = new GroupCommit(this::commit);

    private SqliteEcsStore(SqliteDb db) {
        this.db = db;
        this.leases = new SqliteLeases(db);
        this.tables = new TableCache(db::commitStamp);
    }

    /**
     * Opens the file, creating it (0600, missing directories 0700) and bringing its schema up to
     * date as needed.
     *
     * @throws EcsStoreException with one sentence naming the file when it cannot be used
     */
    public static SqliteEcsStore open(Path file) {
        return new SqliteEcsStore(StoreFile.open(Objects.requireNonNull(file, "file")));
    }

    public Path file() {
        return db.file();
    }

    @Override
    public String shown() {
        return db.file().toString();
    }

    @Override
    public Optional<String> get(String table, String key) {
        Map<String, String> held = inMemory(table);
        if (held != null) return Optional.ofNullable(held.get(key));
        return db.read("read", () -> db.queryOne("SELECT json FROM rows WHERE tbl = ? AND key = ?",
                rs -> rs.getString(1), table, key));
    }

    /** One query for all of them: the keys go in as one JSON array, which SQLite unpacks itself. */
    @Override
    public Map<String, String> getAll(String table, java.util.Collection<String> keys) {
        if (keys.isEmpty()) return Map.of();
        Map<String, String> held = inMemory(table);
        if (held != null) {
            Map<String, String> out = new java.util.HashMap<>();
            for (String k : keys) {
                String json = held.get(k);
                if (json != null) out.put(k, json);
            }
            return out;
        }
        String array = Json.write(keys);
        return db.read("read", () -> {
            Map<String, String> out = new java.util.HashMap<>();
            db.query("SELECT key, json FROM rows WHERE tbl = ? AND key IN (SELECT value FROM json_each(?))",
                    rs -> out.put(rs.getString(1), rs.getString(2)), table, array);
            return out;
        });
    }

    /**
     * The table to answer a read by key from: the whole table when they are kept
     * ({@link #keepWholeTables}), else the one held if nobody has committed since it was current;
     * null: read the rows from the file.
     */
    private Map<String, String> inMemory(String table) {
        return wholeTables ? list(table) : tables.fresh(table);
    }

    @Override
    public void keepWholeTables() {
        wholeTables = true;
    }

    @Override
    public void put(String table, String key, String json) {
        Objects.requireNonNull(json, "json");
        writeAll(java.util.List.of(new Write(table, key, json)));
    }

    @Override
    public void delete(String table, String key) {
        writeAll(java.util.List.of(new Write(table, key, null)));
    }

    /**
     * All the writes in one {@code BEGIN IMMEDIATE} transaction: a crash half-way leaves none of
     * them. Writes of other threads that wait meanwhile may share the transaction ({@link GroupCommit}).
     */
    @Override
    public void writeAll(java.util.List<Write> writes) {
        if (writes.isEmpty()) return;
        group.write(writes);
    }

    private void commit(java.util.List<Write> writes) {
        tables.writing(() -> db.write("write to", () -> {
            for (Write w : writes) {
                if (w.json() == null) db.update("DELETE FROM rows WHERE tbl = ? AND key = ?", w.table(), w.key());
                else db.update("INSERT INTO rows(tbl, key, json) VALUES (?, ?, ?)"
                        + " ON CONFLICT(tbl, key) DO UPDATE SET json = excluded.json", w.table(), w.key(), w.json());
            }
            return writes;
        }), this::follow);
    }

    /** Carries what was derived from {@code before} through {@code writes} to {@code after}, where it can. */
    private void follow(String table, Map<String, String> before, Map<String, String> after, java.util.List<Write> writes) {
        derived.replaceAll((key, d) -> key.startsWith(table + "\n") && d.from() == before
                && d.value() instanceof Follows<?> f ? new Derived(after, f.after(writes)) : d);
    }

    /**
     * The table as committed now. A table listed before comes from memory unless another
     * connection (another process, or another store object on the file) committed anything since
     * (SQLite's {@code data_version}, asked in the same read transaction); then it is read again.
     * While the file's commit stamp has not moved since that was last asked, the table comes from
     * memory without asking ({@link TableCache}).
     * {@code berth server} lists the same tables on every Describe and List call, and reading and
     * sorting 10,000 task rows each time was most of a call's cost.
     */
    @Override
    public Map<String, String> list(String table) {
        return tables.list(table, version -> db.read("read", () -> {
            long now = db.queryOne("PRAGMA data_version", rs -> rs.getLong(1)).orElseThrow();
            if (now == version) return new TableCache.Read(now, null);
            // Sorted in Java rather than by SQLite, whose byte order differs from String order
            // for characters outside the basic multilingual plane.
            TreeMap<String, String> out = new TreeMap<>();
            db.query("SELECT key, json FROM rows WHERE tbl = ?", rs -> out.put(rs.getString(1), rs.getString(2)), table);
            return new TableCache.Read(now, out);
        }));
    }

    /** The read and the write in one {@code BEGIN IMMEDIATE} transaction, which no other writer can enter. */
    @Override
    public Optional<String> update(String table, String key, java.util.function.UnaryOperator<String> change) {
        String[] after = new String[1];
        tables.writing(() -> db.write("write to", () -> {
            String now = db.queryOne("SELECT json FROM rows WHERE tbl = ? AND key = ?", rs -> rs.getString(1), table, key)
                    .orElse(null);
            String next = change.apply(now);
            after[0] = now;
            if (next == null || next.equals(now)) return java.util.List.<Write>of();
            db.update("INSERT INTO rows(tbl, key, json) VALUES (?, ?, ?)"
                    + " ON CONFLICT(tbl, key) DO UPDATE SET json = excluded.json", table, key, next);
            after[0] = next;
            return java.util.List.of(new Write(table, key, next));
        }), this::follow);
        return Optional.ofNullable(after[0]);
    }

    /**
     * Derived once per version of the table: {@link #list} returns the very same map while the
     * table is unchanged, so a result made from that map is still right for as long as it is
     * returned, and a write or another connection's commit (a new map) makes the next call derive
     * it afresh.
     */
    @Override
    public <T> T derived(String table, Class<T> kind, java.util.function.Function<Map<String, String>, T> derive) {
        Map<String, String> rows = list(table);
        String key = table + "\n" + kind.getName();
        Derived held = derived.get(key);
        if (held != null && held.from() == rows) return kind.cast(held.value());
        // One thread derives while the others wait for it: after a write every request thread
        // found the index stale at once, and each made its own.
        synchronized (deriving.computeIfAbsent(key, k -> new Object())) {
            rows = list(table);
            held = derived.get(key);
            if (held != null && held.from() == rows) return kind.cast(held.value());
            T value = derive.apply(rows);
            derived.put(key, new Derived(rows, value));
            return value;
        }
    }

    /** A value and the table (by identity) it was derived from. */
    private record Derived(Map<String, String> from, Object value) {
    }

    @Override
    public long next(String counter) {
        // One IMMEDIATE transaction: the increment and the read of its result see no other writer.
        return db.write("advance a counter in", () -> {
            db.update("INSERT INTO counters(name, value) VALUES (?, 1)"
                    + " ON CONFLICT(name) DO UPDATE SET value = value + 1", counter);
            return db.queryOne("SELECT value FROM counters WHERE name = ?", rs -> rs.getLong(1), counter).orElseThrow();
        });
    }

    /**
     * Moves a control plane that an older berth kept in a configuration's state file into this
     * store, in one transaction; see {@link LegacyImport} for collisions and counters.
     *
     * @throws EcsStoreException naming the colliding objects when this store already holds other
     *                           objects under the same keys; nothing is written then
     */
    public LegacyImport.Result importLegacy(LegacyImport.Rows rows) {
        return tables.replacing(() -> db.write("move the old control plane into", () -> LegacyImport.run(db, rows)));
    }

    /** An exclusive lock on a file beside this one ({@link FilePlacementLock}), so other processes' decisions wait. */
    @Override
    public Held holdPlacement() {
        return FilePlacementLock.hold(db.file());
    }

    @Override
    public StoreContents dump() {
        return db.read("read", () -> {
            Map<String, Map<String, String>> rows = new TreeMap<>();
            Map<String, Long> counters = new TreeMap<>();
            db.query("SELECT tbl, key, json FROM rows", rs -> rows.computeIfAbsent(rs.getString(1), t -> new TreeMap<>())
                    .put(rs.getString(2), rs.getString(3)));
            db.query("SELECT name, value FROM counters", rs -> counters.put(rs.getString(1), rs.getLong(2)));
            return new StoreContents(rows, counters);
        });
    }

    @Override
    public void load(StoreContents contents) {
        tables.replacing(() -> db.write("write to", () -> {
            long held = db.queryOne("SELECT (SELECT count(*) FROM rows) + (SELECT count(*) FROM counters)",
                    rs -> rs.getLong(1)).orElse(0L);
            if (held > 0) throw PostgresEcsStore.notEmpty(shown());
            for (var t : contents.rows().entrySet()) {
                for (var r : t.getValue().entrySet()) {
                    db.update("INSERT INTO rows(tbl, key, json) VALUES (?, ?, ?)", t.getKey(), r.getKey(), r.getValue());
                }
            }
            for (var n : contents.counters().entrySet()) {
                db.update("INSERT INTO counters(name, value) VALUES (?, ?)", n.getKey(), n.getValue());
            }
            return null;
        }));
    }

    @Override
    public boolean claim(String name, String owner, java.time.Duration ttl) {
        return leases.claim(name, owner, ttl);
    }

    @Override
    public java.util.Set<String> renew(String owner, java.time.Duration ttl) {
        return leases.renew(owner, ttl);
    }

    @Override
    public java.util.Set<String> takeExpired(String owner, java.time.Duration ttl) {
        return leases.takeExpired(owner, ttl);
    }

    @Override
    public void release(String owner) {
        leases.release(owner);
    }

    @Override
    public void forget(String name) {
        leases.forget(name);
    }

    @Override
    public void forgetUnder(String prefix) {
        leases.forgetUnder(prefix);
    }

    @Override
    public Optional<Leases> leases() {
        return Optional.of(this);
    }

    /** Who holds each lease now, by name (for people and tests). */
    public Map<String, String> leaseHolders() {
        return leases.holders();
    }

    @Override
    public void close() {
        db.close();
    }
}
