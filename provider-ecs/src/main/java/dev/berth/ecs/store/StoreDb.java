package dev.berth.ecs.store;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One SQLite connection to the control plane file, shared by every thread of a process. A Java
 * lock serialises callers inside the process; SQLite's file locks (through {@code BEGIN
 * IMMEDIATE} and the busy timeout) serialise it against the other processes sharing the file.
 *
 * <p>Every write runs in {@code BEGIN IMMEDIATE}: a deferred transaction that reads and then
 * writes fails at once with SQLITE_BUSY_SNAPSHOT when another process committed in between, and
 * no busy timeout helps. Transactions are issued as statements with the driver in auto-commit,
 * because the driver's own transaction mode begins the next transaction eagerly after a commit
 * and would keep a lock while idle.
 */
final class StoreDb implements AutoCloseable {

    interface Work<T> {
        T run() throws SQLException;
    }

    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Several processes share the file; each holds the write lock for one short transaction. */
    static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private final Path file;
    private final Connection conn;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private boolean closed;

    StoreDb(Path file, Connection conn) {
        this.file = file;
        this.conn = conn;
    }

    Path file() {
        return file;
    }

    /** Runs work in one {@code BEGIN IMMEDIATE} transaction; "what" names it in errors ("write to"). */
    <T> T write(String what, Work<T> work) {
        return transaction("BEGIN IMMEDIATE", what, work);
    }

    /** Runs reads in one transaction so they all see the same committed state. */
    <T> T read(String what, Work<T> work) {
        return transaction("BEGIN", what, work);
    }

    private <T> T transaction(String begin, String what, Work<T> work) {
        lock.lock();
        try {
            if (closed) throw new EcsStoreException("cannot " + what + " the ecs control plane " + file
                    + ": the store is closed", null);
            exec(begin);
            boolean done = false;
            try {
                T result = work.run();
                exec("COMMIT");
                done = true;
                return result;
            } finally {
                if (!done) rollbackQuietly();
            }
        } catch (SQLException e) {
            throw failure(what, e);
        } finally {
            lock.unlock();
        }
    }

    void exec(String sql) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute(sql);
        }
    }

    int update(String sql, Object... args) throws SQLException {
        return prepare(sql, args).executeUpdate();
    }

    <T> List<T> query(String sql, RowReader<T> reader, Object... args) throws SQLException {
        PreparedStatement ps = prepare(sql, args);
        List<T> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(reader.read(rs));
        }
        return out;
    }

    <T> Optional<T> queryOne(String sql, RowReader<T> reader, Object... args) throws SQLException {
        List<T> rows = query(sql, reader, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        // Reused: an apply writes thousands of rows with the same few statement shapes.
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = conn.prepareStatement(sql);
            statements.put(sql, ps);
        }
        ps.clearParameters();
        for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
        return ps;
    }

    private void rollbackQuietly() {
        try {
            exec("ROLLBACK");
        } catch (SQLException ignored) {
            // SQLite already rolled back (e.g. after SQLITE_FULL); nothing is left to undo.
        }
    }

    EcsStoreException failure(String what, SQLException e) {
        return new EcsStoreException("cannot " + what + " the ecs control plane " + file + ": " + reason(e), e);
    }

    static String reason(SQLException e) {
        if (e instanceof SQLiteException se) {
            SQLiteErrorCode code = se.getResultCode();
            switch (code.code & 0xff) {
                case 5: case 6:
                    return "another process kept it locked for more than " + BUSY_TIMEOUT_MILLIS / 1000 + " s";
                case 3: case 23:
                    return "permission denied";
                case 8:
                    return "it is read-only";
                case 13:
                    return "the disk is full";
                case 11: case 26:
                    return "it is not a berth control plane file, or it is damaged";
                case 14:
                    return "it cannot be opened";
                case 10:
                    return "an I/O error occurred (" + code.message + ")";
                default:
                    break;
            }
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) return;
            closed = true;
            for (PreparedStatement ps : statements.values()) {
                try {
                    ps.close();
                } catch (SQLException ignored) {
                    // Closing the connection below releases it anyway.
                }
            }
            statements.clear();
            conn.close();
        } catch (SQLException e) {
            throw failure("close", e);
        } finally {
            lock.unlock();
        }
    }
}
