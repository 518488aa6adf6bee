package dev.berth.cli.command;

import dev.berth.cli.CliRun;
import dev.berth.cli.TestStores;
import dev.berth.ecs.store.EcsStore;
import dev.berth.ecs.store.PgUrl;
import dev.berth.ecs.store.PostgresEcsStore;
import dev.berth.ecs.store.SqliteEcsStore;
import dev.berth.ecs.store.StoreContents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code berth ecs migrate}: SQLite to PostgreSQL and back again carries every row and counter
 * across unchanged, on the tests' real PostgreSQL server (a schema of this test's own, dropped
 * afterwards).
 */
class EcsMigrateTest {
    @TempDir
    Path dir;
    private final String schema = "t_migrate_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String base = System.getenv().getOrDefault("BERTH_TEST_PG", "postgres://berth@127.0.0.1:55432/berth");
    private final String url = base + "?schema=" + schema;

    @AfterEach
    void dropSchema() throws Exception {
        PgUrl u = PgUrl.parse(url);
        try (Connection c = DriverManager.getConnection(u.jdbcUrl(), u.properties()); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        }
    }

    @Test
    void sqliteToPostgresAndBackKeepsEveryRowAndCounter() {
        Path first = dir.resolve("first.db");
        Path back = dir.resolve("back.db");
        StoreContents original;
        try (SqliteEcsStore s = SqliteEcsStore.open(first)) {
            s.put("clusters", "arn:aws:ecs:us-east-1:000000000000:cluster/main", "{\"name\":\"main\",\"ü\":\"\\u0000\"}");
            s.put("tasks", "arn:aws:ecs:us-east-1:000000000000:task/main/abc", "{\"seq\":7}");
            s.writeAll(List.of(new EcsStore.Write("services", "b", "{}"), new EcsStore.Write("services", "a", "{\"x\":[1,2]}")));
            for (int i = 0; i < 7; i++) s.next("task-seq");
            s.next("family:web");
            original = s.dump();
        }
        assertEquals(4, original.rowCount());

        Map<String, String> env = Map.of(TestStores.ENV, first.toString());
        CliRun there = CliRun.withEnv(env, "ecs", "migrate", "-to=" + url);
        assertEquals(0, there.exitCode(), there.err());
        assertEquals("Moved the ecs control plane from " + first + " to " + PgUrl.parse(url).shown() + ": 4 rows and 2"
                + " counters, read back and compared.", there.out().lines().findFirst().orElseThrow());
        try (PostgresEcsStore pg = PostgresEcsStore.open(PgUrl.parse(url))) {
            assertEquals(original, pg.dump());
        }

        CliRun again = CliRun.withEnv(Map.of(TestStores.ENV, url), "ecs", "migrate", "-to", back.toString());
        assertEquals(0, again.exitCode(), again.err());
        try (SqliteEcsStore s = SqliteEcsStore.open(back); SqliteEcsStore o = SqliteEcsStore.open(first)) {
            assertEquals(original, s.dump());
            assertEquals(original, o.dump(), "the source is left as it was");
            assertEquals(8, s.next("task-seq"), "counters go on where they were");
        }
    }

    @Test
    void aDestinationThatAlreadyHoldsAControlPlaneIsRefusedAndLeftAlone() {
        Path file = dir.resolve("a.db");
        try (SqliteEcsStore s = SqliteEcsStore.open(file)) {
            s.put("clusters", "x", "{}");
        }
        try (PostgresEcsStore pg = PostgresEcsStore.open(PgUrl.parse(url))) {
            pg.put("clusters", "other", "{}");
        }
        String withPassword = base.replace("postgres://berth@", "postgres://berth:hunter2@") + "?schema=" + schema;
        CliRun r = CliRun.withEnv(Map.of(TestStores.ENV, file.toString()), "ecs", "migrate", "-to=" + withPassword);
        assertEquals(1, r.exitCode());
        assertEquals("\nError: Cannot move the ecs control plane into " + PgUrl.parse(url).shown() + ": it already holds"
                + " a control plane; move into an empty one (a new file, database or ?schema=).\n", r.err());
        assertFalse(r.err().contains("hunter2"));
        try (PostgresEcsStore pg = PostgresEcsStore.open(PgUrl.parse(url))) {
            assertEquals(Map.of("other", "{}"), pg.list("clusters"));
        }
    }

    @Test
    void withoutToItSaysHowToCallIt() {
        CliRun r = CliRun.withEnv(Map.of(TestStores.ENV, dir.resolve("a.db").toString()), "ecs", "migrate");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("Usage: berth ecs migrate -to=FILE_OR_URL [-from=FILE_OR_URL]"), r.err());
    }
}
