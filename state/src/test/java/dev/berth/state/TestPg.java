package dev.berth.state;

import dev.berth.pg.PgConnect;
import dev.berth.pg.PgUrl;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The test server (scripts/ensure-postgres.sh; BERTH_TEST_PG overrides its URL) and schemas of
 * each test's own, dropped after the test whether it passed or not. A server that does not answer
 * fails the test: these tests never skip.
 */
final class TestPg implements AfterEachCallback {

    static final PgUrl SERVER = PgUrl.parse(
            System.getenv().getOrDefault("BERTH_TEST_PG", "postgres://berth@127.0.0.1:55432/berth"), System.getenv());

    private final List<String> schemas = new ArrayList<>();

    /** A fresh schema name, dropped after the test. */
    String schema() {
        String s = "berth_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        schemas.add(s);
        return s;
    }

    PgStateStore open(String schema) {
        return PgStateStore.open(SERVER, schema, false);
    }

    /** Runs one statement in a session of its own, outside any store. */
    static void exec(String sql) throws Exception {
        try (Connection c = PgConnect.open(SERVER); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (String s : schemas) exec("DROP SCHEMA IF EXISTS \"" + s + "\" CASCADE");
        schemas.clear();
    }

    static Map<String, String> noEnv() {
        return Map.of();
    }
}
