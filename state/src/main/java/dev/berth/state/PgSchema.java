package dev.berth.state;

import dev.berth.engine.state.StateStoreException;

import java.util.List;
import java.util.UUID;

/**
 * The state's tables in a PostgreSQL schema: the SQLite file's tables and columns (so one
 * algorithm reads and writes both, and {@link StateCopy} moves rows across as they are), with
 * PostgreSQL's types, plus the session that holds the run lock. Numbered migrations as in
 * {@link Schema}, kept in {@code meta}, only ever appended.
 */
final class PgSchema {

    /** Entry i brings a schema from version i to i + 1. */
    private static final List<List<String>> MIGRATIONS = List.of(List.of(
            "CREATE TABLE resources(addr TEXT PRIMARY KEY, provider TEXT NOT NULL, schema_version INTEGER NOT NULL,"
                    + " attributes_json TEXT NOT NULL, sensitive_paths_json TEXT NOT NULL,"
                    + " dependencies_json TEXT NOT NULL, tainted INTEGER NOT NULL)",
            "CREATE TABLE outputs(name TEXT PRIMARY KEY, value_json TEXT NOT NULL,"
                    + " sensitive_paths_json TEXT NOT NULL, sensitive INTEGER NOT NULL)",
            "CREATE TABLE deposed(addr TEXT NOT NULL, deposed_key TEXT NOT NULL, provider TEXT NOT NULL,"
                    + " schema_version INTEGER NOT NULL, attributes_json TEXT NOT NULL,"
                    + " sensitive_paths_json TEXT NOT NULL, dependencies_json TEXT NOT NULL,"
                    + " tainted INTEGER NOT NULL, PRIMARY KEY (addr, deposed_key))",
            "CREATE TABLE history(serial BIGINT PRIMARY KEY, created TEXT NOT NULL, operation TEXT NOT NULL,"
                    + " change_count INTEGER NOT NULL)",
            "CREATE TABLE history_changes(serial BIGINT NOT NULL, seq INTEGER NOT NULL,"
                    + " kind TEXT NOT NULL CHECK (kind IN ('resource', 'output', 'deposed')), key TEXT NOT NULL,"
                    + " old_json TEXT, PRIMARY KEY (serial, seq))",
            // The lock's holder as the SQLite row names it, plus the server session (backend_pid)
            // whose advisory lock is the lock itself: force-unlock ends that session.
            "CREATE TABLE run_lock(slot INTEGER PRIMARY KEY CHECK (slot = 1), id TEXT NOT NULL,"
                    + " operation TEXT NOT NULL, who TEXT NOT NULL, created TEXT NOT NULL, host TEXT, pid BIGINT,"
                    + " process_start TEXT, backend_pid INTEGER NOT NULL)",
            "CREATE TABLE create_intents(addr TEXT PRIMARY KEY, token TEXT NOT NULL, provider TEXT NOT NULL,"
                    + " schema_version INTEGER NOT NULL, dependencies_json TEXT NOT NULL, created TEXT NOT NULL)"));

    static final int LATEST = MIGRATIONS.size();

    private PgSchema() {
    }

    /**
     * Creates the schema (unless told to skip that, as Terraform's {@code skip_schema_creation})
     * and its tables, or brings them up to date, as the state's only writer.
     */
    static void migrate(PgSql sql, boolean skipSchemaCreation) {
        sql.write("open", () -> {
            String quoted = "\"" + sql.schema().replace("\"", "\"\"") + "\"";
            if (!skipSchemaCreation) {
                sql.exec("CREATE SCHEMA IF NOT EXISTS " + quoted);
            } else if (sql.queryOne("SELECT 1 FROM pg_namespace WHERE nspname = ?", rs -> 1, sql.schema()).isEmpty()) {
                throw new StateStoreException("cannot open " + sql.where() + ": schema \"" + sql.schema()
                        + "\" does not exist, and skip_schema_creation is set", null);
            }
            sql.exec("CREATE TABLE IF NOT EXISTS " + quoted + ".meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            int version = sql.queryOne("SELECT value FROM meta WHERE key = 'schema_version'",
                    rs -> Integer.parseInt(rs.getString(1))).orElse(0);
            if (version > LATEST) {
                throw new StateStoreException("cannot open " + sql.where() + ": it was written by a newer berth"
                        + " (schema version " + version + "; this berth knows up to " + LATEST + ")", null);
            }
            for (int v = version; v < LATEST; v++) {
                for (String ddl : MIGRATIONS.get(v)) sql.exec(ddl);
            }
            sql.update("INSERT INTO meta(key, value) VALUES ('schema_version', ?)"
                    + " ON CONFLICT(key) DO UPDATE SET value = excluded.value", String.valueOf(LATEST));
            sql.update("INSERT INTO meta(key, value) VALUES ('lineage', ?) ON CONFLICT(key) DO NOTHING",
                    UUID.randomUUID().toString());
            sql.update("INSERT INTO meta(key, value) VALUES ('serial', '0') ON CONFLICT(key) DO NOTHING");
            return null;
        });
    }
}
