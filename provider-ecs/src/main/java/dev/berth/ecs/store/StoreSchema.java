package dev.berth.ecs.store;

import dev.berth.sqlite.SqliteDb;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The control plane file's tables and how to bring an older file up to date. Table
 * {@code schema_version} holds one row per migration a file has had; on open, the missing ones
 * run in order inside the opening transaction, so a file is never left half-migrated. Migrations
 * are only ever appended: a released one is never edited, since files in the field already ran it.
 */
final class StoreSchema {

    /** Entry i brings a file from schema version i to i + 1. */
    private static final List<List<String>> MIGRATIONS = List.of(
            List.of(
                    "CREATE TABLE rows(tbl TEXT NOT NULL, key TEXT NOT NULL, json TEXT NOT NULL,"
                            + " PRIMARY KEY (tbl, key)) WITHOUT ROWID",
                    // A counter row is never deleted, so a value once handed out is never handed out again.
                    "CREATE TABLE counters(name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID",
                    // Control planes moved in from configurations' state files written by an older
                    // berth, by a digest of what was moved: a hand-over interrupted after this file
                    // committed is recognised when it is tried again.
                    "CREATE TABLE imports(digest TEXT PRIMARY KEY, source TEXT NOT NULL, imported TEXT NOT NULL,"
                            + " records INTEGER NOT NULL) WITHOUT ROWID"),
            // Which server keeps which service, until when (epoch milliseconds; see SqliteLeases).
            List.of("CREATE TABLE leases(name TEXT PRIMARY KEY, owner TEXT NOT NULL, expires INTEGER NOT NULL) WITHOUT ROWID"));

    static final int LATEST = MIGRATIONS.size();

    private StoreSchema() {
    }

    /** Creates or upgrades the schema. Call inside a write transaction. */
    static void migrate(SqliteDb db) throws SQLException {
        db.exec("CREATE TABLE IF NOT EXISTS schema_version(version INTEGER PRIMARY KEY, applied TEXT NOT NULL)");
        int version = db.queryOne("SELECT max(version) FROM schema_version", rs -> rs.getInt(1)).orElse(0);
        if (version > LATEST) {
            throw new EcsStoreException("cannot open the ecs control plane " + db.file() + ": it was written by a"
                    + " newer berth (schema version " + version + "; this berth knows up to " + LATEST + ")", null);
        }
        for (int v = version; v < LATEST; v++) {
            for (String sql : MIGRATIONS.get(v)) db.exec(sql);
            db.update("INSERT INTO schema_version(version, applied) VALUES (?, ?)", v + 1, Instant.now().toString());
        }
    }
}
