package dev.berth.ecs.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The PostgreSQL control plane's tables, versioned as the SQLite file's are ({@link StoreSchema}):
 * one {@code schema_version} row per migration, the missing ones run in order inside the opening
 * transaction, under an advisory lock so two servers starting at once never both create a table.
 * Migrations are only ever appended.
 */
final class PgSchema {
    /** Entry i brings a schema from version i to i + 1. */
    private static final List<List<String>> MIGRATIONS = List.of(
            List.of("CREATE TABLE rows(tbl TEXT NOT NULL, key TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (tbl, key))",
                    // A counter row is never deleted, so a value once handed out is never handed out again.
                    "CREATE TABLE counters(name TEXT PRIMARY KEY, value BIGINT NOT NULL)",
                    // Which server keeps which service, until when (the database's clock).
                    "CREATE TABLE leases(name TEXT PRIMARY KEY, owner TEXT NOT NULL, expires TIMESTAMPTZ NOT NULL)"));

    static final int LATEST = MIGRATIONS.size();
    /** The advisory lock key space of berth's control plane ("bert"). */
    static final int LOCK_SPACE = 0x62657274;

    private PgSchema() {
    }

    static void migrate(Connection c, PgUrl url) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + LOCK_SPACE + ", " + (url.schema().hashCode() ^ 0x5c4e3a) + ")");
            s.execute("CREATE SCHEMA IF NOT EXISTS " + PgDb.quote(url.schema()));
            s.execute("CREATE TABLE IF NOT EXISTS schema_version(version INTEGER PRIMARY KEY, applied TEXT NOT NULL)");
            int version;
            try (ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
                rs.next();
                version = rs.getInt(1);
            }
            if (version > LATEST) {
                throw new EcsStoreException("Cannot open the ecs control plane " + url + ": it was written by a newer"
                        + " berth (schema version " + version + "; this berth knows up to " + LATEST + ").", null);
            }
            for (int v = version; v < LATEST; v++) {
                for (String sql : MIGRATIONS.get(v)) s.execute(sql);
                PostgresEcsStore.update(c, "INSERT INTO schema_version(version, applied) VALUES (?, ?)", v + 1,
                        Instant.now().toString());
            }
        }
    }
}
