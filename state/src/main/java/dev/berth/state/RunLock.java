package dev.berth.state;

import dev.berth.engine.state.LockInfo;
import dev.berth.engine.state.StateLockedException;
import dev.berth.engine.state.StateStoreException;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The run lock: one row in {@code run_lock}. A row rather than a long-held transaction, because a
 * plan or apply runs for minutes and must not keep the agent or other readers from the file; the
 * row also records who holds it, so a refused user is told whom to ask, and it survives a crash
 * so a stuck lock can be released by id.
 */
final class RunLock {

    /** How long to sleep between attempts while someone else holds the lock. */
    static final Duration RETRY_INTERVAL = Duration.ofMillis(150);

    private final Db db;

    RunLock(Db db) {
        this.db = db;
    }

    void lock(LockInfo info, Duration timeout) {
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        while (true) {
            Optional<LockInfo> holder = tryLock(info);
            if (holder.isEmpty()) return;
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) throw new StateLockedException(holder.get());
            try {
                Thread.sleep(Math.max(1, Math.min(RETRY_INTERVAL.toMillis(), remaining / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StateStoreException("interrupted while waiting for the lock on state file "
                        + db.file() + ", held by " + holder.get().who(), e);
            }
        }
    }

    /** Takes the lock if free; otherwise returns who holds it. Taking it again with the same id succeeds. */
    private Optional<LockInfo> tryLock(LockInfo info) {
        return db.write("lock", () -> {
            Optional<LockInfo> holder = holder();
            if (holder.isPresent()) {
                return holder.get().id().equals(info.id()) ? Optional.empty() : holder;
            }
            db.update("INSERT INTO run_lock(slot, id, operation, who, created) VALUES (1, ?, ?, ?, ?)",
                    info.id(), info.operation(), info.who(), info.created().toString());
            return Optional.empty();
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
        return db.queryOne("SELECT id, operation, who, created FROM run_lock",
                rs -> new LockInfo(rs.getString(1), rs.getString(2), rs.getString(3),
                        Instant.parse(rs.getString(4))));
    }
}
