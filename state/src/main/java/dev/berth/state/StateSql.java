package dev.berth.state;

import dev.berth.sqlite.SqliteDb;
import dev.berth.sqlite.SqliteDb.RowReader;
import dev.berth.sqlite.SqliteDb.Work;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * What the state's shared logic (versions and history, intents, copying) needs of a database: one
 * writer at a time, reads that see one snapshot, and plain statements. SQLite and PostgreSQL
 * each supply it; the SQL the shared logic issues is written to mean the same on both.
 */
interface StateSql {

    /** Runs work as the only writer of this state, in one transaction; "what" names it in errors. */
    <T> T write(String what, Work<T> work);

    /** Runs reads in one transaction that sees one committed version. */
    <T> T read(String what, Work<T> work);

    int update(String sql, Object... args) throws SQLException;

    <T> List<T> query(String sql, RowReader<T> reader, Object... args) throws SQLException;

    default <T> Optional<T> queryOne(String sql, RowReader<T> reader, Object... args) throws SQLException {
        List<T> rows = query(sql, reader, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Where the state is, for people: "state file /x/berth.db" or "state postgres://...". */
    String where();

    /** The state file's connection, seen as this interface. */
    static StateSql of(SqliteDb db) {
        return new StateSql() {
            @Override
            public <T> T write(String what, Work<T> work) {
                return db.write(what, work);
            }

            @Override
            public <T> T read(String what, Work<T> work) {
                return db.read(what, work);
            }

            @Override
            public int update(String sql, Object... args) throws SQLException {
                return db.update(sql, args);
            }

            @Override
            public <T> List<T> query(String sql, RowReader<T> reader, Object... args) throws SQLException {
                return db.query(sql, reader, args);
            }

            @Override
            public String where() {
                return "state file " + db.file();
            }
        };
    }
}
