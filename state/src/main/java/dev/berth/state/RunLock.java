package dev.berth.state;

import dev.berth.engine.state.LockInfo;
import dev.berth.engine.state.LockInfo.LockProcess;
import dev.berth.engine.state.StateLockedException;
import dev.berth.engine.state.StateStoreException;
import dev.berth.sqlite.SqliteDb;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The run lock: one row in {@code run_lock}. A row rather than a long-held transaction, because a
 * plan or apply runs for minutes and must not keep the agent or other readers from the file; the
 * row also records who holds it, so a refused user is told whom to ask, and it survives a crash
 * so a stuck lock can be released by id.
 *
 * <p>The row names the holding process (host, pid, start). A holder that provably no longer runs
 * is taken over in the same transaction that finds it, so two runs racing for a dead holder's
 * lock cannot both win; a holder on another host is never presumed dead.
 */
final class RunLock {

    /** How long to sleep between attempts while someone else holds the lock. */
    static final Duration RETRY_INTERVAL = Duration.ofMillis(150);

    private final SqliteDb db;

    RunLock(SqliteDb db) {
        this.db = db;
    }

    /** Either the lock was taken (perhaps over a dead holder) or someone alive holds it. */
    private record Attempt(boolean taken, Optional<LockInfo> other) {
    }

    Optional<LockInfo> lock(LockInfo info, Duration timeout) {
        return lockAs(info, ProcessProbe.current(), timeout);
    }

    /** Takes the lock in the name of {@code process}; tests use it to stand for other processes. */
    Optional<LockInfo> lockAs(LockInfo info, LockProcess process, Duration timeout) {
        LockInfo mine = info.withProcess(process);
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        while (true) {
            Attempt a = tryLock(mine);
            if (a.taken()) return a.other();
            LockInfo holder = a.other().orElseThrow();
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) throw new StateLockedException(holder);
            try {
                Thread.sleep(Math.max(1, Math.min(RETRY_INTERVAL.toMillis(), remaining / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StateStoreException("interrupted while waiting for the lock on state file "
                        + db.file() + ", held by " + holder.who(), e);
            }
        }
    }

    /** Takes the lock if free or its holder is dead; taking it again with the same id succeeds. */
    private Attempt tryLock(LockInfo info) {
        return db.write("lock", () -> {
            Optional<LockInfo> holder = holder();
            Optional<LockInfo> takenOver = Optional.empty();
            if (holder.isPresent()) {
                if (holder.get().id().equals(info.id())) return new Attempt(true, Optional.empty());
                if (ProcessProbe.check(holder.get().process()) != ProcessProbe.Verdict.GONE) {
                    return new Attempt(false, holder);
                }
                db.update("DELETE FROM run_lock WHERE id = ?", holder.get().id());
                takenOver = holder;
            }
            LockProcess p = info.process();
            db.update("INSERT INTO run_lock(slot, id, operation, who, created, host, pid, process_start)"
                            + " VALUES (1, ?, ?, ?, ?, ?, ?, ?)", info.id(), info.operation(), info.who(),
                    info.created().toString(), p == null ? null : p.host(), p == null ? null : p.pid(),
                    p == null ? null : p.start());
            return new Attempt(true, takenOver);
        });
    }

    void unlock(String lockId) {
        release(lockId);
    }

    boolean forceUnlock(String lockId) {
        return release(lockId);
    }

    private boolean release(String lockId) {
        return db.write("unlock", () -> db.update("DELETE FROM run_lock WHERE id = ?", lockId) > 0);
    }

    Optional<LockInfo> holder() throws SQLException {
        return db.queryOne("SELECT id, operation, who, created, host, pid, process_start FROM run_lock",
                rs -> {
                    String host = rs.getString(5);
                    long pid = rs.getLong(6);
                    LockProcess p = host == null ? null : new LockProcess(host, pid, rs.getString(7));
                    return new LockInfo(rs.getString(1), rs.getString(2), rs.getString(3),
                            Instant.parse(rs.getString(4)), p);
                });
    }
}
