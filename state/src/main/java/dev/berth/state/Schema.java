package dev.berth.state;

import dev.berth.engine.state.StateStoreException;
import dev.berth.sqlite.SqliteDb;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The state file's tables and how to bring an older file up to date. The {@code meta} table
 * records which migrations a file has had ({@code schema_version}); on open, the missing ones run
 * in order inside one transaction, so a file is never left half-migrated. Migrations are only ever
 * appended: a released one is never edited, since files in the field already ran it.
 */
final class Schema {

    /** Entry i brings a file from schema version i to i + 1. */
    private static final List<List<String>> MIGRATIONS = List.of(
            List.of(
                    "CREATE TABLE resources(addr TEXT PRIMARY KEY, provider TEXT NOT NULL,"
                            + " schema_version INTEGER NOT NULL, attributes_json TEXT NOT NULL,"
                            + " sensitive_paths_json TEXT NOT NULL, dependencies_json TEXT NOT NULL,"
                            + " tainted INTEGER NOT NULL)",
                    "CREATE TABLE outputs(name TEXT PRIMARY KEY, value_json TEXT NOT NULL,"
                            + " sensitive_paths_json TEXT NOT NULL, sensitive INTEGER NOT NULL)",
                    "CREATE TABLE history(serial INTEGER PRIMARY KEY, created TEXT NOT NULL,"
                            + " operation TEXT NOT NULL, change_count INTEGER NOT NULL)",
                    // old_json is the row as it was before this change; NULL when it did not exist.
                    "CREATE TABLE history_changes(serial INTEGER NOT NULL, seq INTEGER NOT NULL,"
                            + " kind TEXT NOT NULL CHECK (kind IN ('resource', 'output')), key TEXT NOT NULL,"
                            + " old_json TEXT, PRIMARY KEY (serial, seq)) WITHOUT ROWID",
                    // At most one row: the run lock. A row, not a held transaction, so it outlives
                    // nothing but the run and never blocks readers or the agent.
                    "CREATE TABLE run_lock(slot INTEGER PRIMARY KEY CHECK (slot = 1), id TEXT NOT NULL,"
                            + " operation TEXT NOT NULL, who TEXT NOT NULL, created TEXT NOT NULL)",
                    "CREATE TABLE provider_kv(provider TEXT NOT NULL, tbl TEXT NOT NULL, key TEXT NOT NULL,"
                            + " json TEXT NOT NULL, PRIMARY KEY (provider, tbl, key)) WITHOUT ROWID",
                    "CREATE TABLE provider_counters(provider TEXT NOT NULL, name TEXT NOT NULL,"
                            + " value INTEGER NOT NULL, PRIMARY KEY (provider, name)) WITHOUT ROWID"),
            // Objects create_before_destroy set aside until they are destroyed. The undo log learns
            // a third kind of row; SQLite cannot alter a CHECK, so the table is rebuilt as it is.
            List.of(
                    "CREATE TABLE deposed(addr TEXT NOT NULL, deposed_key TEXT NOT NULL, provider TEXT NOT NULL,"
                            + " schema_version INTEGER NOT NULL, attributes_json TEXT NOT NULL,"
                            + " sensitive_paths_json TEXT NOT NULL, dependencies_json TEXT NOT NULL,"
                            + " tainted INTEGER NOT NULL, PRIMARY KEY (addr, deposed_key)) WITHOUT ROWID",
                    "CREATE TABLE history_changes_v2(serial INTEGER NOT NULL, seq INTEGER NOT NULL,"
                            + " kind TEXT NOT NULL CHECK (kind IN ('resource', 'output', 'deposed')), key TEXT NOT NULL,"
                            + " old_json TEXT, PRIMARY KEY (serial, seq)) WITHOUT ROWID",
                    "INSERT INTO history_changes_v2(serial, seq, kind, key, old_json)"
                            + " SELECT serial, seq, kind, key, old_json FROM history_changes",
                    "DROP TABLE history_changes",
                    "ALTER TABLE history_changes_v2 RENAME TO history_changes"),
            List.of(
                    // The lock holder's process, so a run can tell a crashed holder from a live one.
                    "ALTER TABLE run_lock ADD COLUMN host TEXT",
                    "ALTER TABLE run_lock ADD COLUMN pid INTEGER",
                    "ALTER TABLE run_lock ADD COLUMN process_start TEXT",
                    // Creates begun but not yet saved: see CreateIntents.
                    "CREATE TABLE create_intents(addr TEXT PRIMARY KEY, token TEXT NOT NULL, provider TEXT NOT NULL,"
                            + " schema_version INTEGER NOT NULL, dependencies_json TEXT NOT NULL, created TEXT NOT NULL)"));

    static final int LATEST = MIGRATIONS.size();

    private Schema() {
    }

    /** Creates or upgrades the schema and makes sure lineage and serial exist. Call inside a write. */
    static void migrate(SqliteDb db) throws SQLException {
        db.exec("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        int version = db.queryOne("SELECT value FROM meta WHERE key = 'schema_version'",
                rs -> Integer.parseInt(rs.getString(1))).orElse(0);
        if (version > LATEST) {
            throw new StateStoreException("cannot open state file " + db.file() + ": it was written by a newer"
                    + " berth (schema version " + version + "; this berth knows up to " + LATEST + ")", null);
        }
        for (int v = version; v < LATEST; v++) {
            for (String sql : MIGRATIONS.get(v)) db.exec(sql);
        }
        if (version < LATEST) {
            db.update("INSERT INTO meta(key, value) VALUES ('schema_version', ?)"
                    + " ON CONFLICT(key) DO UPDATE SET value = excluded.value", String.valueOf(LATEST));
        }
        // Made here rather than on first commit so read() reports the same lineage from the start,
        // and a plan made against an empty state is still tied to this file.
        db.update("INSERT OR IGNORE INTO meta(key, value) VALUES ('lineage', ?)", UUID.randomUUID().toString());
        db.update("INSERT OR IGNORE INTO meta(key, value) VALUES ('serial', '0')");
    }
}
