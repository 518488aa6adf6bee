package dev.berth.state;

import dev.berth.engine.state.StateStoreException;
import dev.berth.pg.PgConnect;
import dev.berth.pg.PgUrl;
import dev.berth.sqlite.SqliteDb.RowReader;
import dev.berth.sqlite.SqliteDb.Work;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One PostgreSQL session holding a state's schema, shared by every thread of a store the way the
 * SQLite store shares its file's connection (a Java lock in front of it). Writers of one state
 * queue on a transaction-level advisory lock named after the schema, PostgreSQL's counterpart of
 * SQLite's {@code BEGIN IMMEDIATE}; reads run in one repeatable-read snapshot. The session is also
 * what holds the run lock (see {@link PgRunLock}), so it lives as long as the store.
 */
final class PgSql implements StateSql, AutoCloseable {

    private final Connection conn;
    private final PgUrl url;
    private final String schema;
    private final long writerKey;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private boolean closed;

    private PgSql(Connection conn, PgUrl url, String schema) {
        this.conn = conn;
        this.url = url;
        this.schema = schema;
        this.writerKey = key("writer", schema);
    }

    /** Connects with the schema first on the search path (it need not exist yet). */
    static PgSql connect(PgUrl url, String schema) {
        Connection conn;
        try {
            conn = PgConnect.open(url);
        } catch (PgConnect.PgConnectException e) {
            throw new StateStoreException(e.getMessage(), e);
        }
        PgSql sql = new PgSql(conn, url, schema);
        try {
            conn.setSchema(schema);
            conn.setAutoCommit(false);
            return sql;
        } catch (SQLException e) {
            sql.close();
            throw sql.failure("open", e);
        }
    }

    /** An advisory lock key of this state's: 64 bits of a digest of what it locks and the schema. */
    static long key(String purpose, String schema) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(("berth state " + purpose + " " + schema).getBytes(StandardCharsets.UTF_8));
            long k = 0;
            for (int i = 0; i < 8; i++) k = (k << 8) | (d[i] & 0xff);
            return k;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    String schema() {
        return schema;
    }

    PgUrl url() {
        return url;
    }

    @Override
    public String where() {
        return "state " + url + " (schema " + schema + ")";
    }

    @Override
    public <T> T write(String what, Work<T> work) {
        return transaction("SELECT pg_advisory_xact_lock(" + writerKey + ")", what, work);
    }

    @Override
    public <T> T read(String what, Work<T> work) {
        return transaction("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ", what, work);
    }

    private <T> T transaction(String first, String what, Work<T> work) {
        lock.lock();
        try {
            if (closed) throw new StateStoreException("cannot " + what + " " + where() + ": the store is closed", null);
            boolean done = false;
            try {
                exec(first);
                T result = work.run();
                conn.commit();
                done = true;
                return result;
            } finally {
                if (!done) rollbackQuietly();
            }
        } catch (SQLException e) {
            throw failure(what, e);
        } catch (IllegalArgumentException e) {
            // Only stored data can be malformed here; caller input was encoded before the transaction.
            throw new StateStoreException("cannot " + what + " " + where() + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    void exec(String sql) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public int update(String sql, Object... args) throws SQLException {
        return prepare(sql, args).executeUpdate();
    }

    @Override
    public <T> List<T> query(String sql, RowReader<T> reader, Object... args) throws SQLException {
        PreparedStatement ps = prepare(sql, args);
        List<T> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(reader.read(rs));
        }
        return out;
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
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
            conn.rollback();
        } catch (SQLException ignored) {
            // The session is gone; the server rolled back with it.
        }
    }

    /** "cannot {what} state postgres://... (schema s): {reason}", never with the password. */
    StateStoreException failure(String what, SQLException e) {
        return new StateStoreException("cannot " + what + " " + where() + ": " + PgConnect.reason(e, url), e);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) return;
            closed = true;
            statements.clear();
            // Ending the session ends the run lock it may hold, as a crash would.
            conn.close();
        } catch (SQLException ignored) {
            // The session is gone either way.
        } finally {
            lock.unlock();
        }
    }
}
