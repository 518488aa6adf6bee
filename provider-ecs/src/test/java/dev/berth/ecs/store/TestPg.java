package dev.berth.ecs.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A schema of one test's own on the tests' PostgreSQL server (scripts/ensure-postgres.sh;
 * BERTH_TEST_PG overrides the URL), dropped by {@link #close} whatever the test did. A server that
 * does not answer fails the test: it is never skipped.
 */
public final class TestPg implements AutoCloseable {
    public static final String DEFAULT = "postgres://berth@127.0.0.1:55432/berth";

    public final String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    public final String url = base() + "?schema=" + schema;

    public static String base() {
        String env = System.getenv("BERTH_TEST_PG");
        return env == null || env.isBlank() ? DEFAULT : env;
    }

    public PgUrl pgUrl() {
        return PgUrl.parse(url);
    }

    /** Runs SQL in this schema's database as the test's own connection. */
    public void exec(String sql) throws SQLException {
        PgUrl u = pgUrl();
        try (Connection c = DriverManager.getConnection(u.jdbcUrl(), u.properties()); Statement s = c.createStatement()) {
            s.execute("SET search_path TO \"" + schema + "\"");
            s.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        PgUrl u = pgUrl();
        try (Connection c = DriverManager.getConnection(u.jdbcUrl(), u.properties()); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        }
    }
}
