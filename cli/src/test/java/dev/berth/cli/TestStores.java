package dev.berth.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The ecs control plane a test's berth runs use: one file per configuration directory, beside
 * its berth.db, so it goes when the test's directory goes and two tests that both make cluster
 * "main" never see each other's world; never the user's own file. The build sets
 * BERTH_ECS_STORE to a directory for the test JVMs, so a run that forgets this fails at once
 * instead of writing anywhere.
 */
public final class TestStores {
    public static final String ENV = "BERTH_ECS_STORE";
    /** berth's log store (LogStoreLocation.ENV); left unset, it sits beside the control plane. */
    public static final String LOG_ENV = "BERTH_LOG_STORE";
    /** The secret store goes beside it, for the same reasons. */
    public static final String SECRET_ENV = dev.berth.ecs.secret.SecretStoreLocation.ENV;

    /**
     * Set (a {@code postgres://} URL of a database the run made for itself) for the build's second
     * run of the Docker-backed tests: every test's control plane and every configuration's state
     * (BERTH_STATE) are then schemas of their own in that database, which scripts/test.sh drops
     * after the run.
     */
    public static final String PG_ENV = "BERTH_TEST_ECS_PG";

    private TestStores() {
    }

    /** Whether this run keeps control planes in PostgreSQL. */
    public static boolean postgres() {
        String pg = System.getenv(PG_ENV);
        return pg != null && !pg.isBlank();
    }

    /**
     * The control plane of the configuration in {@code dir} as BERTH_ECS_STORE names it: its file,
     * or in the PostgreSQL run a schema named after the directory.
     */
    public static String ecsStore(Path dir) {
        return ecsStoreFor(of(dir));
    }

    /** A control plane a test names by its file: that file, or in the PostgreSQL run a schema named after it. */
    public static String ecsStoreFor(Path file) {
        if (!postgres()) return file.toString();
        return System.getenv(PG_ENV) + "?schema=" + ecsSchema(file);
    }

    /** The schema of the control plane {@link #ecsStoreFor} names in the PostgreSQL run. */
    public static String ecsSchema(Path file) {
        return "it_" + Integer.toHexString(file.toAbsolutePath().normalize().toString().hashCode());
    }

    /** The schema that holds {@code dir}'s configuration state in the PostgreSQL run. */
    public static String stateSchema(Path dir) {
        return "st_" + Integer.toHexString(dir.toAbsolutePath().normalize().toString().hashCode());
    }

    /**
     * A JDBC connection to {@code dir}'s control plane (ecs=true) or configuration state, for tests
     * that look at rows: the SQLite file, or the run's database with the schema as search path.
     */
    public static java.sql.Connection sql(Path dir, boolean ecs) throws java.sql.SQLException {
        if (!postgres()) {
            Path file = ecs ? of(dir) : dir.toAbsolutePath().normalize().resolve("berth.db");
            return java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        }
        java.sql.Connection c = dev.berth.pg.PgConnect.open(dev.berth.pg.PgUrl.parse(System.getenv(PG_ENV), System.getenv()));
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("SET search_path TO \"" + (ecs ? ecsSchema(of(dir)) : stateSchema(dir)) + "\"");
        }
        return c;
    }

    /**
     * Everything {@code dir}'s configuration keeps in its state and control plane, as text, for
     * tests that look for what must never be stored: the bytes of berth.db and ecs.db (and their
     * write-ahead logs), or every row of both schemas in the PostgreSQL run.
     */
    public static String storedText(Path dir) throws Exception {
        StringBuilder out = new StringBuilder();
        if (!postgres()) {
            Path d = dir.toAbsolutePath().normalize();
            for (Path f : java.util.List.of(d.resolve("berth.db"), d.resolve("berth.db-wal"), of(dir), Path.of(of(dir) + "-wal"))) {
                if (java.nio.file.Files.exists(f)) {
                    out.append(new String(java.nio.file.Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1));
                }
            }
            return out.toString();
        }
        for (boolean ecs : new boolean[]{true, false}) {
            String schema = ecs ? ecsSchema(of(dir)) : stateSchema(dir);
            try (java.sql.Connection c = sql(dir, ecs); java.sql.Statement s = c.createStatement()) {
                java.util.List<String> tables = new java.util.ArrayList<>();
                try (java.sql.ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = '" + schema + "'")) {
                    while (rs.next()) tables.add(rs.getString(1));
                }
                for (String t : tables) {
                    try (java.sql.ResultSet rs = s.executeQuery("SELECT t::text FROM \"" + t + "\" t")) {
                        while (rs.next()) out.append(rs.getString(1)).append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    /** SQL for the text at {@code path} inside the JSON text column {@code column}, in the run's dialect. */
    public static String jsonText(String column, String... path) {
        if (!postgres()) return "json_extract(" + column + ", '$." + String.join(".", path) + "')";
        return "(" + column + "::jsonb #>> '{" + String.join(",", path) + "}')";
    }

    /** How berth prints the store {@link #ecsStoreFor} names. */
    public static String shownFor(Path file) {
        return dev.berth.ecs.store.StoreLocation.where(java.util.Optional.of(ecsStoreFor(file)), Path.of("/"), Map.of())
                .shown();
    }

    /** Opens {@code dir}'s control plane, whichever store this run uses. */
    public static dev.berth.ecs.store.OpenEcsStore openEcs(Path dir) {
        return dev.berth.ecs.store.StoreLocation.where(java.util.Optional.of(ecsStore(dir)), dir, Map.of()).open();
    }

    /**
     * The configuration state of {@code dir} as BERTH_STATE names it in the PostgreSQL run (a
     * schema named after the directory, in the run's database, with PG_SCHEMA_NAME); empty in the
     * SQLite run, where berth keeps it in berth.db beside the configuration.
     */
    public static Map<String, String> stateEnv(Path dir) {
        if (!postgres()) return Map.of();
        return Map.of(dev.berth.cli.wiring.StateLocation.ENV, System.getenv(PG_ENV), "PG_SCHEMA_NAME", stateSchema(dir));
    }

    /** Opens {@code dir}'s configuration state, whichever store this run uses (berth.db, or its schema). */
    public static dev.berth.state.SqlStateStore openState(Path dir) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(stateEnv(dir));
        String where = env.getOrDefault(dev.berth.cli.wiring.StateLocation.ENV, "berth.db");
        return dev.berth.cli.wiring.StateLocation.of(where, dir.toAbsolutePath().normalize(), java.util.Optional.empty(), env)
                .open();
    }

    /** Whether {@code dir}'s configuration has state yet: its berth.db, or in the PostgreSQL run always. */
    public static boolean stateExists(Path dir) {
        return postgres() || java.nio.file.Files.exists(dir.resolve("berth.db"));
    }

    /** The control plane file of the configuration in {@code dir}. */
    public static Path of(Path dir) {
        return dir.toAbsolutePath().normalize().resolve("ecs.db");
    }

    /** The secret store of the configuration in {@code dir}. */
    public static Path secrets(Path dir) {
        return dir.toAbsolutePath().normalize().resolve("secrets.db");
    }

    /**
     * The process environment with BERTH_ECS_STORE naming {@code dir}'s control plane and the
     * secret store beside it, and without the build's BERTH_LOG_STORE, so kept container output
     * goes beside that control plane ({@code dir/ecs-logs}) and leaves with the test's directory.
     */
    public static Map<String, String> env(Path dir) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put(ENV, ecsStore(dir));
        env.put(SECRET_ENV, secrets(dir).toString());
        env.remove(LOG_ENV);
        // A PostgreSQL control plane has no directory for kept output to sit beside.
        if (postgres()) env.put(LOG_ENV, dir.toAbsolutePath().normalize().resolve("ecs-logs").toString());
        env.putAll(stateEnv(dir));
        return env;
    }

    /** Gives a berth process started for {@code dir} that directory's control plane. */
    public static ProcessBuilder in(ProcessBuilder pb, Path dir) {
        pb.environment().put(ENV, ecsStore(dir));
        pb.environment().remove(LOG_ENV);
        if (postgres()) pb.environment().put(LOG_ENV, dir.toAbsolutePath().normalize().resolve("ecs-logs").toString());
        pb.environment().put(SECRET_ENV, secrets(dir).toString());
        pb.environment().putAll(stateEnv(dir));
        return pb;
    }
}
