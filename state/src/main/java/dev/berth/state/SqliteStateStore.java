package dev.berth.state;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.state.CreateIntent;
import dev.berth.engine.state.LockInfo;
import dev.berth.engine.state.StateChange;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.state.StateStore;
import dev.berth.engine.state.StateStoreException;
import dev.berth.engine.state.StateVersion;
import dev.berth.sqlite.SqliteDb;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * State kept in one SQLite file, shared safely by the threads of an apply and by other processes
 * (the agent) at the same time.
 *
 * <p>The file is created owner-only (0600), runs in WAL mode with a busy timeout, and every write
 * is a short {@code BEGIN IMMEDIATE} transaction, so readers never block and writers queue on
 * SQLite's own lock rather than failing. Tables:
 * <ul>
 *   <li>{@code meta(key, value)}: {@code schema_version}, {@code lineage} (made when the file is
 *       first opened), {@code serial};</li>
 *   <li>{@code resources} and {@code outputs}: the current version, values as JSON with their
 *       sensitive paths beside them (see {@link ValueCodec});</li>
 *   <li>{@code history} and {@code history_changes}: an undo log making every version restorable
 *       at a cost per commit that follows the size of the commit (see {@link VersionedState});</li>
 *   <li>{@code run_lock}: the run lock as a row (see {@link RunLock});</li>
 *   <li>{@code create_intents}: creates begun and not yet saved (see {@link Intents});</li>
 *   <li>{@code provider_kv} and {@code provider_counters}: what berth 0.1 kept of its providers'
 *       control planes here, now only handed over once to the provider's own store
 *       (see {@link #handOverProviderRows}).</li>
 * </ul>
 * Schema changes are numbered migrations applied on open (see {@link Schema}).
 */
public final class SqliteStateStore extends SqlStateStore {

    private final SqliteDb db;
    private final RunLock runLock;

    private SqliteStateStore(SqliteDb db) {
        super(StateSql.of(db));
        this.db = db;
        this.runLock = new RunLock(db);
    }

    /**
     * Opens the state file, creating it (owner-only) and bringing its schema up to date as needed.
     *
     * @throws StateStoreException with one sentence naming the file when it cannot be used
     */
    public static SqliteStateStore open(Path file) {
        return new SqliteStateStore(StateFile.open(Objects.requireNonNull(file, "file")));
    }

    @Override
    public Optional<LockInfo> lock(LockInfo info, Duration timeout) {
        return runLock.lock(info, timeout);
    }

    /** Takes the lock as if {@code process} did; lets tests stand for crashed or remote holders. */
    Optional<LockInfo> lockAs(LockInfo info, LockInfo.LockProcess process, Duration timeout) {
        return runLock.lockAs(info, process, timeout);
    }

    @Override
    public void unlock(String lockId) {
        runLock.unlock(lockId);
    }

    @Override
    public boolean forceUnlock(String lockId) {
        return runLock.forceUnlock(lockId);
    }

    @Override
    public Optional<LockInfo> lockHolder() {
        return db.read("read the lock of", runLock::holder);
    }

    /** A provider's rows as berth 0.1 kept them here: rows by table and key, and counters by name. */
    public record ProviderRows(Map<String, Map<String, String>> tables, Map<String, Long> counters) {
    }

    /**
     * Hands the rows berth 0.1 kept here for a provider's control plane to {@code taker}, which
     * stores them in the provider's own store, and then deletes them here, in one write
     * transaction of this file: if the taker throws, nothing here changes and the exception
     * propagates. Returns false, without calling the taker, when the file holds no such rows.
     */
    public boolean handOverProviderRows(String provider, Consumer<ProviderRows> taker) {
        return new LegacyProviderRows(db).handOver(Objects.requireNonNull(provider, "provider"), taker);
    }

    @Override
    public void close() {
        db.close();
    }

    /** Rows SQLite has written through this store's connection; lets tests measure a commit. */
    long rowsWritten() {
        try {
            return db.totalChanges();
        } catch (SQLException e) {
            throw db.failure("inspect", e);
        }
    }
}
