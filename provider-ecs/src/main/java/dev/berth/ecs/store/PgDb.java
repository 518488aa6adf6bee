package dev.berth.ecs.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One PostgreSQL connection shared by the threads of a store (a Java lock takes turns on it), in
 * the URL's schema. A transaction that loses its connection (the server restarted, the network
 * blinked) is tried again on a new one for up to {@link #retryFor}: every transaction the store
 * runs is safe to repeat (rows are written by key; a counter that skips a value still never hands
 * one out twice). After that, the failure is one sentence naming the URL.
 */
final class PgDb implements AutoCloseable {
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** How long a lost connection is retried: 20 s unless the berth.pg.retrySeconds property says otherwise. */
    private final Duration retryFor = Duration.ofSeconds(Long.getLong("berth.pg.retrySeconds", 20));

    private final PgUrl url;
    private final ReentrantLock lock = new ReentrantLock();
    private Connection conn;
    private boolean closed;

    PgDb(PgUrl url) {
        this.url = url;
    }

    PgUrl url() {
        return url;
    }

    Duration retryFor() {
        return retryFor;
    }

    /** A new connection in the URL's schema (the placement lock holds one of its own). */
    Connection connect() throws SQLException {
        Connection c;
        try {
            c = dev.berth.pg.PgConnect.open(url.server());
        } catch (dev.berth.pg.PgConnect.PgConnectException e) {
            if (e.getCause() instanceof SQLException s) throw s;
            throw new EcsStoreException("Cannot open the ecs control plane " + url + ": " + e.getMessage() + ".", e);
        }
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + quote(url.schema()));
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** Runs {@code work} in one transaction; {@code what} names it in errors ("write to"). */
    <T> T tx(String what, Work<T> work) {
        long deadline = System.nanoTime() + retryFor.toNanos();
        long pause = 100;
        lock.lock();
        try {
            while (true) {
                if (closed) throw new EcsStoreException("Cannot " + what + " the ecs control plane " + url + ": the store is closed.", null);
                try {
                    if (conn == null) {
                        conn = connect();
                        conn.setAutoCommit(false);
                    }
                    try {
                        T result = work.run(conn);
                        conn.commit();
                        return result;
                    } catch (SQLException | RuntimeException e) {
                        rollbackQuietly();
                        throw e;
                    }
                } catch (SQLException e) {
                    if (!retryable(e) || System.nanoTime() > deadline) throw failure(what, e);
                    if (lost(e)) dropConnection();
                    sleep(pause);
                    pause = Math.min(pause * 2, 1000);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    EcsStoreException failure(String what, SQLException e) {
        return new EcsStoreException("Cannot " + what + " the ecs control plane " + url + ": "
                + firstLine(dev.berth.pg.PgConnect.reason(e, url.server())) + ".", e);
    }

    /** The connection is gone (SQL state class 08), the server is shutting down or starting (57P0x). */
    static boolean lost(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || state.startsWith("57P");
    }

    /** Worth another try: a lost connection, or a serialization failure or deadlock the server chose to break. */
    private static boolean retryable(SQLException e) {
        return lost(e) || "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
    }

    static String firstLine(String m) {
        int nl = m.indexOf('\n');
        String line = nl < 0 ? m : m.substring(0, nl);
        // The driver's advice after its first sentence ("Check that the hostname ...") is not ours to give.
        int stop = line.indexOf(". ");
        return (stop < 0 ? line : line.substring(0, stop)).replaceAll("\\.$", "");
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private void rollbackQuietly() {
        try {
            if (conn != null) conn.rollback();
        } catch (SQLException ignored) {
            // The connection is gone; the server rolled the transaction back itself.
        }
    }

    private void dropConnection() {
        try {
            if (conn != null) conn.close();
        } catch (SQLException ignored) {
            // Already broken.
        }
        conn = null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            dropConnection();
        } finally {
            lock.unlock();
        }
    }
}
