package dev.berth.state;

import dev.berth.engine.state.LockInfo;
import dev.berth.engine.state.LockInfo.LockProcess;
import dev.berth.engine.state.StateLockedException;
import dev.berth.engine.state.StateStoreException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The run lock on PostgreSQL: a session-level advisory lock named after the schema, held by the
 * store's session, so it ends with that session: a process that dies, or loses its connection,
 * holds nothing. Beside it, the {@code run_lock} row says who holds it (as the SQLite row does)
 * and which server session ({@code backend_pid}); a row whose advisory lock is free was left by
 * a session that ended and is taken over.
 *
 * <p>{@code force-unlock} of another session's lock ends that session
 * ({@code pg_terminate_backend}): an advisory lock cannot be released from outside the session
 * holding it, and ending the session also keeps the old holder from writing after the lock was
 * taken from it.
 */
final class PgRunLock {

    private static final Duration TERMINATE_WAIT = Duration.ofSeconds(5);

    private final PgSql db;
    private final long key;
    /** The id this session holds the lock under, if it holds it. */
    private String heldId;

    PgRunLock(PgSql db) {
        this.db = db;
        this.key = PgSql.key("run lock", db.schema());
    }

    private record Attempt(boolean taken, boolean fresh, Optional<LockInfo> other) {
    }

    synchronized Optional<LockInfo> lock(LockInfo info, Duration timeout) {
        LockInfo mine = info.withProcess(ProcessProbe.current());
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        while (true) {
            Attempt a = tryLock(mine);
            if (a.taken()) {
                if (a.fresh()) heldId = mine.id();
                return a.other();
            }
            LockInfo holder = a.other().orElseThrow();
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) throw new StateLockedException(holder);
            try {
                Thread.sleep(Math.max(1, Math.min(RunLock.RETRY_INTERVAL.toMillis(), remaining / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StateStoreException("interrupted while waiting for the lock on " + db.where()
                        + ", held by " + holder.who(), e);
            }
        }
    }

    private Attempt tryLock(LockInfo info) {
        boolean[] advisory = {false};
        try {
            return db.write("lock", () -> {
                Optional<LockInfo> row = holder();
                if (heldId != null) {
                    if (heldId.equals(info.id())) return new Attempt(true, false, Optional.empty());
                    return new Attempt(false, false, Optional.of(row.orElseGet(PgRunLock::unnamed)));
                }
                advisory[0] = db.queryOne("SELECT pg_try_advisory_lock(?)", rs -> rs.getBoolean(1), key).orElse(false);
                if (!advisory[0]) return new Attempt(false, false, Optional.of(row.orElseGet(PgRunLock::unnamed)));
                // The lock was free: any row left is a dead session's, taken over here.
                db.update("DELETE FROM run_lock");
                LockProcess p = info.process();
                db.update("INSERT INTO run_lock(slot, id, operation, who, created, host, pid, process_start, backend_pid)"
                                + " VALUES (1, ?, ?, ?, ?, ?, ?, ?, pg_backend_pid())", info.id(), info.operation(),
                        info.who(), info.created().toString(), p == null ? null : p.host(), p == null ? null : p.pid(),
                        p == null ? null : p.start());
                return new Attempt(true, true, row);
            });
        } catch (RuntimeException e) {
            // The advisory lock outlives the rolled-back transaction: give it back.
            if (advisory[0]) releaseQuietly();
            throw e;
        }
    }

    /** A holder that has not written its row yet (it is between taking the lock and committing). */
    private static LockInfo unnamed() {
        return new LockInfo("(not yet recorded)", "unknown", "another PostgreSQL session", Instant.now());
    }

    synchronized void unlock(String lockId) {
        db.write("unlock", () -> {
            db.update("DELETE FROM run_lock WHERE id = ?", lockId);
            if (lockId.equals(heldId)) release();
            return null;
        });
    }

    /**
     * Releases the lock held under {@code lockId}: this session's by giving it back, another's by
     * ending that session. False when another id holds it, or nothing does.
     */
    synchronized boolean forceUnlock(String lockId) {
        return db.write("force-unlock", () -> {
            Optional<LockInfo> row = holder();
            if (row.isEmpty() || !row.get().id().equals(lockId)) return false;
            if (lockId.equals(heldId)) {
                release();
            } else {
                for (int pid : holderSessions()) {
                    boolean ended = db.queryOne("SELECT pg_terminate_backend(?, ?)", rs -> rs.getBoolean(1), pid,
                            TERMINATE_WAIT.toMillis()).orElse(false);
                    if (!ended) {
                        throw new StateStoreException("cannot force-unlock " + db.where() + ": the session holding"
                                + " the lock (server process " + pid + ") did not end within "
                                + TERMINATE_WAIT.toSeconds() + " s", null);
                    }
                }
            }
            db.update("DELETE FROM run_lock WHERE id = ?", lockId);
            return true;
        });
    }

    /** The server sessions holding this state's advisory lock (one, or none when it was left). */
    private List<Integer> holderSessions() throws SQLException {
        return db.query("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " AND ((classid::bigint << 32) | objid::bigint) = ? AND pid <> pg_backend_pid()",
                rs -> rs.getInt(1), key);
    }

    private void release() throws SQLException {
        db.queryOne("SELECT pg_advisory_unlock(?)", rs -> rs.getBoolean(1), key);
        heldId = null;
    }

    private void releaseQuietly() {
        try {
            db.write("unlock", () -> {
                release();
                return null;
            });
        } catch (RuntimeException ignored) {
            // The session is gone, and the lock with it.
        }
    }

    Optional<LockInfo> holder() throws SQLException {
        return db.queryOne("SELECT id, operation, who, created, host, pid, process_start FROM run_lock",
                PgRunLock::info);
    }

    private static LockInfo info(ResultSet rs) throws SQLException {
        String host = rs.getString(5);
        LockProcess p = host == null ? null : new LockProcess(host, rs.getLong(6), rs.getString(7));
        return new LockInfo(rs.getString(1), rs.getString(2), rs.getString(3), Instant.parse(rs.getString(4)), p);
    }
}
