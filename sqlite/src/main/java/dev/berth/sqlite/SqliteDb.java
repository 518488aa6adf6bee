package dev.berth.sqlite;

import org.sqlite.SQLiteConfig;
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
import java.util.function.BiFunction;

/**
 * One SQLite connection shared by every thread of a store. A JDBC connection is not safe for
 * concurrent use, so a Java lock serialises callers inside this process; SQLite's own file locks
 * (through {@code BEGIN IMMEDIATE} and the busy timeout) serialise it against other processes.
 *
 * <p>Every write runs in {@code BEGIN IMMEDIATE}: a deferred transaction that reads and then
 * writes fails at once with SQLITE_BUSY_SNAPSHOT when another process committed in between, and
 * no busy timeout helps. Reads run in a deferred transaction so several SELECTs see one snapshot.
 * Transactions are issued as statements, with the driver left in auto-commit, because the
 * driver's own transaction mode begins the next transaction eagerly after each commit and would
 * keep holding a write lock while idle.
 */
public final class SqliteDb implements AutoCloseable {

    public interface Work<T> {
        T run() throws SQLException;
    }

    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Brings a freshly opened file's schema up to date, inside the opening write transaction. */
    public interface Migration {
        void migrate(SqliteDb db) throws SQLException;
    }

    /**
     * What differs between the stores sharing this class.
     *
     * @param fileWords names the file in errors before its path ("state file")
     * @param kindWords names what a foreign or damaged file is not ("berth state file")
     * @param busyTimeoutMillis how long to wait for another process's lock
     * @param error builds the store's own exception from a message and a cause (may be null)
     */
    public record Kind(String fileWords, String kindWords, int busyTimeoutMillis,
                       BiFunction<String, Throwable, RuntimeException> error) {
    }

    private final Path file;
    private final Kind kind;
    private final Connection conn;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    /** Counted in once the connection is open, out once it has closed ({@link WalIndex} says why). */
    private final WalIndex walIndex;
    private volatile boolean closed;

    private SqliteDb(Path file, Kind kind, Connection conn) {
        this.file = file;
        this.kind = kind;
        this.conn = conn;
        this.walIndex = WalIndex.open(file);
    }

    /**
     * Opens an existing (possibly empty) file in WAL mode with every commit synced to disk, and
     * migrates its schema. The caller creates the file first, with the permissions it wants.
     */
    public static SqliteDb open(Path file, Kind kind, Migration migration) {
        Connection conn;
        try {
            SQLiteConfig config = new SQLiteConfig();
            // Set at connect time so it already applies to the journal-mode switch below, which
            // needs a moment of exclusive access when another process has the file open.
            config.setBusyTimeout(kind.busyTimeoutMillis());
            conn = config.createConnection("jdbc:sqlite:" + file);
        } catch (SQLException e) {
            throw kind.error().apply(cannot(kind, "open", file) + reason(kind, e), e);
        }
        SqliteDb db = new SqliteDb(file, kind, conn);
        try {
            String mode = db.queryOne("PRAGMA journal_mode=WAL", rs -> rs.getString(1)).orElse("");
            if (!mode.equalsIgnoreCase("wal")) {
                throw kind.error().apply(cannot(kind, "open", file) + "its filesystem does not"
                        + " support SQLite's write-ahead log (journal mode stayed " + mode + ")", null);
            }
            // FULL makes every commit reach the disk before commit() returns; WAL defaults to less.
            db.exec("PRAGMA synchronous=FULL");
            db.write("open", () -> {
                migration.migrate(db);
                return null;
            });
            return db;
        } catch (SQLException e) {
            closeQuietly(db);
            throw db.failure("open", e);
        } catch (RuntimeException e) {
            closeQuietly(db);
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    /**
     * The file's commit stamp ({@link WalIndex}): equal to one taken earlier only when no
     * connection, in this process or another, has committed since. Null when unknown (the store
     * is closed, or the log's index cannot be read): ask the database instead.
     */
    public WalIndex.Stamp commitStamp() {
        return closed ? null : walIndex.stamp();
    }

    /** Runs work in one {@code BEGIN IMMEDIATE} transaction; "what" names it in errors ("commit to"). */
    public <T> T write(String what, Work<T> work) {
        return transaction("BEGIN IMMEDIATE", what, work);
    }

    /** Runs reads in one transaction so they all see the same committed state. */
    public <T> T read(String what, Work<T> work) {
        return transaction("BEGIN", what, work);
    }

    private <T> T transaction(String begin, String what, Work<T> work) {
        lock.lock();
        try {
            if (closed) throw kind.error().apply(cannot(kind, what, file) + "the store is closed", null);
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
        } catch (IllegalArgumentException e) {
            // Only stored data can be malformed here; caller input was encoded before the transaction.
            throw kind.error().apply(cannot(kind, what, file) + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    public void exec(String sql) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute(sql);
        }
    }

    public int update(String sql, Object... args) throws SQLException {
        return prepare(sql, args).executeUpdate();
    }

    public <T> List<T> query(String sql, RowReader<T> reader, Object... args) throws SQLException {
        PreparedStatement ps = prepare(sql, args);
        List<T> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(reader.read(rs));
        }
        return out;
    }

    public <T> Optional<T> queryOne(String sql, RowReader<T> reader, Object... args) throws SQLException {
        List<T> rows = query(sql, reader, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Rows inserted, updated or deleted through this connection since it opened (SQLite's count). */
    public long totalChanges() throws SQLException {
        lock.lock();
        try {
            return queryOne("SELECT total_changes()", rs -> rs.getLong(1)).orElseThrow();
        } finally {
            lock.unlock();
        }
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        // Statements are reused: a large apply commits thousands of times with the same few shapes.
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

    /** The store's exception for a failed operation: "cannot {what} {file words} {file}: {reason}". */
    public RuntimeException failure(String what, SQLException e) {
        return kind.error().apply(cannot(kind, what, file) + reason(kind, e), e);
    }

    private static String cannot(Kind kind, String what, Path file) {
        return "cannot " + what + " " + kind.fileWords() + " " + file + ": ";
    }

    /** One sentence for what went wrong, in the user's terms rather than SQLite's codes. */
    static String reason(Kind kind, SQLException e) {
        if (e instanceof SQLiteException se) {
            SQLiteErrorCode code = se.getResultCode();
            switch (code.code & 0xff) {
                case 5: case 6:
                    return "another process kept it locked for more than " + kind.busyTimeoutMillis() / 1000 + " s";
                case 3: case 23:
                    return "permission denied";
                case 8:
                    return "it is read-only";
                case 13:
                    return "the disk is full";
                case 11: case 26:
                    return "it is not a " + kind.kindWords() + ", or it is damaged";
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

    private static void closeQuietly(SqliteDb db) {
        try {
            db.close();
        } catch (RuntimeException ignored) {
            // Already failing with the more useful error.
        }
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
            walIndex.close();
        } catch (SQLException e) {
            throw failure("close", e);
        } finally {
            lock.unlock();
        }
    }
}
