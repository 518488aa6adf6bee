package dev.berth.ecs.atomic;

import dev.berth.ecs.store.EcsStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The control plane's store with units of work: while a unit is open, writes are kept here
 * (and reads see them) instead of reaching the store; {@link #commit} writes them all, and
 * {@link #rollback} forgets them, so an action that fails half-way leaves no row behind.
 *
 * <p>The open unit belongs to whoever holds {@link Atomicity}'s write lock, not to a thread:
 * a deployment records tasks from its worker threads, and those writes are the action's too.
 * Counters ({@link #next}) are not part of a unit: a number drawn by a failed action is simply
 * never used, as a counter promises anyway.
 */
public final class UnitOfWorkStore implements EcsStore {
    private final EcsStore store;
    /** Table to key to the new row, or to empty for a delete; null when no unit is open. */
    private Map<String, Map<String, Optional<String>>> unit;
    /** The placement lock the open unit took, held until its rows are written or forgotten. */
    private Held placement;
    /** Set on a thread running a read ({@link #committed}): it reads and writes the store itself, never the unit. */
    private final ThreadLocal<Boolean> reading = ThreadLocal.withInitial(() -> false);

    public UnitOfWorkStore(EcsStore store) {
        this.store = store;
    }

    /** Runs {@code read} on this thread against what is committed, past any open unit. */
    <T> T committed(java.util.function.Supplier<T> read) {
        boolean before = reading.get();
        reading.set(true);
        try {
            return read.get();
        } finally {
            reading.set(before);
        }
    }

    @Override
    public synchronized boolean besideAChange() {
        // Also a read a commit landed in while it waited for an engine: what it read may be gone.
        return reading.get() && (unit != null || Atomicity.stale());
    }

    /** The open unit, or null when none is open or this thread reads past it. */
    private synchronized Map<String, Map<String, Optional<String>>> unitHere() {
        return reading.get() ? null : unit;
    }

    synchronized void begin() {
        if (unit != null) throw new IllegalStateException("a unit of work is already open");
        unit = new LinkedHashMap<>();
    }

    /** Writes the unit's rows as one (in one transaction of the SQLite store) and closes the unit. */
    synchronized void commit() {
        Map<String, Map<String, Optional<String>>> done = unit;
        unit = null;
        if (done == null) return;
        List<Write> writes = new ArrayList<>();
        done.forEach((table, rows) -> rows.forEach((key, row) -> writes.add(new Write(table, key, row.orElse(null)))));
        try {
            store.writeAll(writes);
        } finally {
            letGoOfPlacement();
        }
    }

    synchronized void rollback() {
        unit = null;
        letGoOfPlacement();
    }

    /**
     * Inside a unit, the placement lock is held until the unit's rows are written: the bookings a
     * decision made are only in this unit until then, and another process deciding meanwhile
     * would not see them.
     */
    @Override
    public Held holdPlacement() {
        boolean inUnit;
        synchronized (this) {
            inUnit = unit != null;
            if (inUnit && placement != null) return () -> { };
        }
        // Waited for outside this object's monitor: another process may hold the lock a while.
        Held held = store.holdPlacement();
        if (!inUnit) return held;
        synchronized (this) {
            if (unit != null && placement == null) {
                placement = held;
                return () -> { };
            }
        }
        return held;
    }

    private void letGoOfPlacement() {
        Held held = placement;
        placement = null;
        if (held != null) held.close();
    }

    // The store is asked outside this object's monitor, so reads on several threads do not queue
    // behind one another here; the unit's own entries are read and written under it.

    @Override
    public Map<String, String> getAll(String table, java.util.Collection<String> keys) {
        Map<String, Optional<String>> pending;
        synchronized (this) {
            Map<String, Map<String, Optional<String>>> u = unitHere();
            pending = u == null ? Map.of() : new LinkedHashMap<>(u.getOrDefault(table, Map.of()));
        }
        Map<String, String> rows = new java.util.HashMap<>(store.getAll(table,
                keys.stream().filter(k -> !pending.containsKey(k)).toList()));
        for (String key : keys) {
            Optional<String> row = pending.get(key);
            if (row != null) row.ifPresent(json -> rows.put(key, json));
        }
        return rows;
    }

    @Override
    public Optional<String> get(String table, String key) {
        synchronized (this) {
            Map<String, Map<String, Optional<String>>> u = unitHere();
            Optional<String> pending = u == null ? null : u.getOrDefault(table, Map.of()).get(key);
            if (pending != null) return pending;
        }
        return store.get(table, key);
    }

    @Override
    public void put(String table, String key, String json) {
        synchronized (this) {
            Map<String, Map<String, Optional<String>>> u = unitHere();
            if (u != null) {
                u.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(key, Optional.of(json));
                return;
            }
        }
        store.put(table, key, json);
    }

    /**
     * Inside a unit, the change is made on the row as the unit sees it and kept in the unit (the
     * unit's action runs alone in this process); outside one, the store makes it in one step.
     */
    @Override
    public Optional<String> update(String table, String key, java.util.function.UnaryOperator<String> change) {
        synchronized (this) {
            Map<String, Map<String, Optional<String>>> u = unitHere();
            if (u != null) {
                Optional<String> pending = u.getOrDefault(table, Map.of()).get(key);
                String now = pending != null ? pending.orElse(null) : store.get(table, key).orElse(null);
                String next = change.apply(now);
                if (next == null || next.equals(now)) return Optional.ofNullable(now);
                u.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(key, Optional.of(next));
                return Optional.of(next);
            }
        }
        return store.update(table, key, change);
    }

    @Override
    public void delete(String table, String key) {
        synchronized (this) {
            Map<String, Map<String, Optional<String>>> u = unitHere();
            if (u != null) {
                u.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(key, Optional.empty());
                return;
            }
        }
        store.delete(table, key);
    }

    @Override
    public Map<String, String> list(String table) {
        Map<String, Optional<String>> pending;
        synchronized (this) {
            Map<String, Map<String, Optional<String>>> u = unitHere();
            pending = u == null ? null : new LinkedHashMap<>(u.getOrDefault(table, Map.of()));
        }
        Map<String, String> stored = store.list(table);
        if (pending == null || pending.isEmpty()) return stored;
        Map<String, String> rows = new TreeMap<>(stored);
        pending.forEach((key, row) -> {
            if (row.isPresent()) rows.put(key, row.get());
            else rows.remove(key);
        });
        return rows;
    }

    /** The store's own: a lease is the process's, never part of an action's unit. */
    @Override
    public Optional<dev.berth.ecs.store.Leases> leases() {
        return store.leases();
    }

    /**
     * The store's, kept between calls; when this thread's open unit holds rows of the table, the
     * store's carried through them if it {@link Follows} writes, else derived from what
     * {@link #list} sees.
     */
    @Override
    public <T> T derived(String table, Class<T> kind, java.util.function.Function<Map<String, String>, T> derive) {
        Map<String, Optional<String>> pending;
        synchronized (this) {
            Map<String, Map<String, Optional<String>>> u = unitHere();
            pending = u == null ? Map.of() : new LinkedHashMap<>(u.getOrDefault(table, Map.of()));
        }
        if (pending.isEmpty()) return store.derived(table, kind, derive);
        T committed = store.derived(table, kind, derive);
        if (!(committed instanceof Follows<?> f)) return derive.apply(list(table));
        List<Write> writes = new ArrayList<>();
        pending.forEach((key, row) -> writes.add(new Write(table, key, row.orElse(null))));
        return kind.cast(f.after(writes));
    }

    @Override
    public long next(String counter) {
        return store.next(counter);
    }
}
