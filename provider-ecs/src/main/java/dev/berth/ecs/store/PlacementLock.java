package dev.berth.ecs.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The placement lock of a PostgreSQL control plane: {@code pg_advisory_xact_lock} in a transaction
 * of a connection of its own, held until the hold is closed (its transaction commits) or the
 * process dies (the server ends the session and the lock with it). Keyed by the schema, so
 * worlds in other schemas of one database never wait for each other. A thread that already holds
 * it gets a hold that does nothing, so nested decisions never wait for themselves.
 */
final class PlacementLock implements AutoCloseable {
    private final PgDb db;
    private final int key;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final ThreadLocal<Boolean> holding = ThreadLocal.withInitial(() -> false);

    PlacementLock(PgDb db) {
        this.db = db;
        this.key = db.url().schema().hashCode();
    }

    EcsStore.Held hold() {
        if (holding.get()) return () -> { };
        Connection c = take();
        holding.set(true);
        Thread owner = Thread.currentThread();
        return EcsStore.Held.releasingOnce(() -> {
            if (Thread.currentThread() == owner) holding.set(false);
            give(c);
        });
    }

    private Connection take() {
        SQLException last = null;
        long deadline = System.nanoTime() + db.retryFor().toNanos();
        do {
            Connection c = null;
            try {
                synchronized (idle) {
                    c = idle.poll();
                }
                if (c == null) {
                    c = db.connect();
                    c.setAutoCommit(false);
                }
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT pg_advisory_xact_lock(" + PgSchema.LOCK_SPACE + ", " + key + ")");
                }
                return c;
            } catch (SQLException e) {
                last = e;
                closeQuietly(c);
                if (!PgDb.lost(e)) break;
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        } while (System.nanoTime() < deadline);
        throw db.failure("place tasks in", last);
    }

    private void give(Connection c) {
        try {
            c.commit();
            synchronized (idle) {
                if (idle.size() < 4) {
                    idle.push(c);
                    return;
                }
            }
        } catch (SQLException e) {
            // The session is gone, and its lock with it.
        }
        closeQuietly(c);
    }

    private static void closeQuietly(Connection c) {
        try {
            if (c != null) c.close();
        } catch (SQLException ignored) {
            // Nothing left to release.
        }
    }

    @Override
    public void close() {
        synchronized (idle) {
            idle.forEach(PlacementLock::closeQuietly);
            idle.clear();
        }
    }
}
