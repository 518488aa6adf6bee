package dev.berth.cli.wiring;

import dev.berth.engine.config.BackendConfig;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.DiagnosticsException;
import dev.berth.engine.diag.SourceRange;
import dev.berth.engine.state.StateStoreException;
import dev.berth.pg.PgUrl;
import dev.berth.state.PgStateStore;
import dev.berth.state.SqlStateStore;
import dev.berth.state.SqliteStateStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a configuration's state lives: a SQLite file, or a schema on a PostgreSQL server. Chosen
 * from {@code -state} (a path or a {@code postgres://} URL), else the configuration's
 * {@code backend "pg"} block, else BERTH_STATE ({@link #ENV}), else {@code berth.db} beside the
 * configuration. What a pg backend
 * leaves out comes from Terraform's environment variables ({@code PG_CONN_STR},
 * {@code PG_SCHEMA_NAME}, {@code PG_SKIP_SCHEMA_CREATION}) and then Terraform's defaults.
 */
public sealed interface StateLocation {
    /**
     * The environment's default for {@code -state} (Terraform's TF_ names become BERTH_ in berth):
     * used only when neither -state nor a backend block says where the state is, as
     * BERTH_ECS_STORE gives way to the provider block's {@code store}.
     */
    String ENV = "BERTH_STATE";

    /** Opens the store, creating what is missing (the file, or the schema and its tables). */
    SqlStateStore open();

    /** Whether there is state to read without creating any. */
    boolean exists();

    /** The location for people; a URL never carries its password. */
    String name();

    record File(Path path) implements StateLocation {
        @Override
        public SqlStateStore open() {
            return SqliteStateStore.open(path);
        }

        @Override
        public boolean exists() {
            return Files.exists(path);
        }

        @Override
        public String name() {
            return path.toString();
        }
    }

    record Postgres(PgUrl url, String schema, boolean skipSchemaCreation) implements StateLocation {
        @Override
        public SqlStateStore open() {
            return PgStateStore.open(url, schema, skipSchemaCreation);
        }

        /** A schema that is not there yet holds an empty state: nothing is created to find that out. */
        @Override
        public boolean exists() {
            return true;
        }

        @Override
        public String name() {
            return url + " (schema " + schema + ")";
        }
    }

    /**
     * A {@code -state} or {@code -to} argument: a PostgreSQL URL (its schema from
     * {@code PG_SCHEMA_NAME} or {@code schema}, else Terraform's default) or a path relative to
     * {@code dir}.
     */
    static StateLocation of(String text, Path dir, Optional<String> schema, Map<String, String> env) {
        if (!PgUrl.isUrl(text)) return new File(dir.resolve(text));
        PgUrl url;
        try {
            url = PgUrl.parse(text, env);
        } catch (IllegalArgumentException e) {
            throw new StateStoreException("Invalid PostgreSQL URL " + redact(text) + ": " + e.getMessage() + ".", null);
        }
        return new Postgres(url, schema.orElseGet(() -> env.getOrDefault("PG_SCHEMA_NAME", PgStateStore.DEFAULT_SCHEMA)),
                flag(env.get("PG_SKIP_SCHEMA_CREATION")));
    }

    /** The configuration's {@code backend "pg"}, its gaps filled from the environment. */
    static StateLocation of(BackendConfig backend, Map<String, String> env) {
        Optional<String> fromBlock = backend.string("conn_str");
        String conn = fromBlock.orElseGet(() -> env.get("PG_CONN_STR"));
        SourceRange at = backend.ranges().getOrDefault("conn_str", backend.range());
        if (conn == null || conn.isEmpty()) {
            throw new DiagnosticsException(Diagnostic.error("Missing conn_str in backend \"pg\": set conn_str, or"
                    + " PG_CONN_STR in the environment, to a postgres:// URL.", "", backend.range()));
        }
        PgUrl url;
        try {
            if (!PgUrl.isUrl(conn)) throw new IllegalArgumentException("berth takes a postgres:// URL");
            url = PgUrl.parse(conn, env);
        } catch (IllegalArgumentException e) {
            String where = fromBlock.isPresent() ? "conn_str" : "PG_CONN_STR";
            throw new DiagnosticsException(Diagnostic.error("Invalid value for " + where + " in backend \"pg\": "
                    + e.getMessage() + ".", "", at));
        }
        String schema = backend.string("schema_name")
                .orElseGet(() -> env.getOrDefault("PG_SCHEMA_NAME", PgStateStore.DEFAULT_SCHEMA));
        boolean skip = backend.bool("skip_schema_creation").orElseGet(() -> flag(env.get("PG_SKIP_SCHEMA_CREATION")));
        return new Postgres(url, schema, skip);
    }

    private static boolean flag(String value) {
        return value != null && (value.equals("1") || value.toLowerCase(Locale.ROOT).equals("true"));
    }

    /** A URL as typed, with any password in it replaced, for an error about the URL itself. */
    private static String redact(String text) {
        return text.replaceFirst("^([A-Za-z]+://[^:/@]*):[^@/]*@", "$1:***@");
    }
}
