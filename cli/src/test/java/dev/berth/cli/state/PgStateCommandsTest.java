package dev.berth.cli.state;

import dev.berth.cli.CliRun;
import dev.berth.cli.TestStores;
import dev.berth.pg.PgConnect;
import dev.berth.pg.PgUrl;
import dev.berth.state.PgStateStore;
import dev.berth.state.SqliteStateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The state commands with the state on the real test server: choosing it by -state URL, by
 * backend "pg" and by Terraform's environment variables, migrating there and back, and the
 * one-sentence errors. No Docker: the configurations hold outputs only.
 */
class PgStateCommandsTest {
    static final PgUrl SERVER = PgUrl.parse(
            System.getenv().getOrDefault("BERTH_TEST_PG", "postgres://berth@127.0.0.1:55432/berth"), System.getenv());
    /** The server's URL with a password in it; the test server trusts loopback, so any password does. */
    static final String WITH_PASSWORD = SERVER.scheme() + "://" + SERVER.user() + ":hunter2@" + SERVER.host() + ":"
            + SERVER.port() + "/" + SERVER.database();

    @TempDir
    Path dir;
    private final List<String> schemas = new ArrayList<>();

    private String schema() {
        String s = "berth_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        schemas.add(s);
        return s;
    }

    @AfterEach
    void dropSchemas() throws Exception {
        try (Connection c = PgConnect.open(SERVER); Statement st = c.createStatement()) {
            for (String s : schemas) st.execute("DROP SCHEMA IF EXISTS \"" + s + "\" CASCADE");
        }
    }

    private CliRun berth(Map<String, String> extraEnv, String... args) {
        Map<String, String> env = new HashMap<>(TestStores.env(dir));
        env.putAll(extraEnv);
        List<String> all = new ArrayList<>(List.of("-chdir=" + dir));
        all.addAll(List.of(args));
        return CliRun.withEnv(env, all.toArray(String[]::new));
    }

    @Test
    void theBackendBlockPutsTheStateInItsSchemaAndMigrateMovesItBackAndForth() throws Exception {
        String schema = schema();
        Files.writeString(dir.resolve("main.tf"), """
                terraform {
                  backend "pg" {
                    conn_str    = "%s"
                    schema_name = "%s"
                  }
                }
                output "greeting" {
                  value = "hello"
                }
                """.formatted(WITH_PASSWORD, schema));
        CliRun apply = berth(Map.of(), "apply", "-auto-approve", "-no-color");
        assertEquals(0, apply.exitCode(), apply::toString);
        assertFalse(Files.exists(dir.resolve("berth.db")));
        try (PgStateStore s = PgStateStore.open(SERVER, schema, true)) {
            assertEquals(1, s.read().serial());
            assertTrue(s.read().outputs().containsKey("greeting"));
        }

        CliRun out = berth(Map.of(), "state", "migrate", "-to=copy.db");
        assertEquals(0, out.exitCode(), out::toString);
        assertTrue(out.out().startsWith("Migrated 1 version of the state (serial 1, "), out::toString);
        assertFalse(out.toString().contains("hunter2"), out::toString);
        try (SqliteStateStore copy = SqliteStateStore.open(dir.resolve("copy.db"))) {
            assertTrue(copy.read().outputs().containsKey("greeting"));
        }

        // And from the file to a second schema, chosen for one command by -state and -to-schema.
        String second = schema();
        CliRun there = berth(Map.of(), "state", "migrate", "-state=copy.db", "-to=" + WITH_PASSWORD,
                "-to-schema=" + second);
        assertEquals(0, there.exitCode(), there::toString);
        CliRun history = berth(Map.of("PG_SCHEMA_NAME", second), "state", "history", "-state=" + WITH_PASSWORD);
        assertEquals(0, history.exitCode(), history::toString);
        assertTrue(history.out().contains("apply"), history::toString);

        CliRun again = berth(Map.of(), "state", "migrate", "-state=copy.db", "-to=" + WITH_PASSWORD,
                "-to-schema=" + second);
        assertEquals(1, again.exitCode(), again::toString);
        assertTrue(again.err().contains("it already holds state (serial 1); migrate only into an empty state"),
                again::toString);
    }

    @Test
    void anEmptyBackendBlockTakesTheServerFromTheEnvironmentAsTerraformDoes() throws Exception {
        String schema = schema();
        Files.writeString(dir.resolve("main.tf"), """
                terraform {
                  backend "pg" {}
                }
                output "n" {
                  value = 1
                }
                """);
        CliRun apply = berth(Map.of("PG_CONN_STR", WITH_PASSWORD, "PG_SCHEMA_NAME", schema), "apply", "-auto-approve",
                "-no-color");
        assertEquals(0, apply.exitCode(), apply::toString);
        try (PgStateStore s = PgStateStore.open(SERVER, schema, true)) {
            assertEquals(1, s.read().serial());
        }
        CliRun missing = berth(Map.of(), "plan", "-no-color");
        assertEquals(1, missing.exitCode(), missing::toString);
        assertTrue(missing.err().contains("Missing conn_str in backend \"pg\": set conn_str, or PG_CONN_STR in the"
                + " environment, to a postgres:// URL."), missing::toString);
    }

    @Test
    void berthStateInTheEnvironmentChoosesTheStoreWhenNeitherStateNorABackendBlockDoes() throws Exception {
        String schema = schema();
        Files.writeString(dir.resolve("main.tf"), """
                output "n" {
                  value = 1
                }
                """);
        Map<String, String> onServer = Map.of("BERTH_STATE", WITH_PASSWORD, "PG_SCHEMA_NAME", schema);
        CliRun apply = berth(onServer, "apply", "-auto-approve", "-no-color");
        assertEquals(0, apply.exitCode(), apply::toString);
        assertFalse(Files.exists(dir.resolve("berth.db")), "no state file beside the configuration");
        try (PgStateStore s = PgStateStore.open(SERVER, schema, true)) {
            assertEquals(1, s.read().serial());
        }

        // -state wins over it, as a flag wins over the environment.
        CliRun flag = berth(onServer, "apply", "-auto-approve", "-no-color", "-state=flag.db");
        assertEquals(0, flag.exitCode(), flag::toString);
        try (SqliteStateStore f = SqliteStateStore.open(dir.resolve("flag.db"))) {
            assertEquals(1, f.read().serial());
        }

        // A path is relative to the configuration directory.
        CliRun file = berth(Map.of("BERTH_STATE", "env.db"), "apply", "-auto-approve", "-no-color");
        assertEquals(0, file.exitCode(), file::toString);
        assertTrue(Files.exists(dir.resolve("env.db")), file::toString);

        // The configuration's backend block wins over it, as provider "ecs" { store } wins over BERTH_ECS_STORE.
        String blockSchema = schema();
        Files.writeString(dir.resolve("backend.tf"), """
                terraform {
                  backend "pg" {
                    conn_str    = "%s"
                    schema_name = "%s"
                  }
                }
                """.formatted(WITH_PASSWORD, blockSchema));
        CliRun block = berth(onServer, "apply", "-auto-approve", "-no-color");
        assertEquals(0, block.exitCode(), block::toString);
        try (PgStateStore s = PgStateStore.open(SERVER, blockSchema, true)) {
            assertEquals(1, s.read().serial());
        }
        try (PgStateStore s = PgStateStore.open(SERVER, schema, true)) {
            assertEquals(1, s.read().serial(), "the environment's schema was left alone");
        }
    }

    @Test
    void anUnreachableServerABadUserAndAMissingDatabaseAreOneSentenceWithoutThePassword() throws Exception {
        Files.writeString(dir.resolve("main.tf"), "output \"n\" {\n  value = 1\n}\n");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String base = SERVER.host() + ":" + SERVER.port();
        Map<String, String> cases = Map.of(
                "postgres://berth:hunter2@127.0.0.1:" + port + "/berth",
                "Error: cannot connect to PostgreSQL at postgres://berth@127.0.0.1:" + port
                        + "/berth: the server refused the connection (is it running?)",
                "postgres://nobody_here:hunter2@" + base + "/" + SERVER.database(),
                "Error: cannot connect to PostgreSQL at postgres://nobody_here@" + base + "/" + SERVER.database()
                        + ": role \"nobody_here\" does not exist",
                "postgres://" + SERVER.user() + ":hunter2@" + base + "/no_such_database",
                "Error: cannot connect to PostgreSQL at postgres://" + SERVER.user() + "@" + base
                        + "/no_such_database: database \"no_such_database\" does not exist");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            CliRun plan = berth(Map.of(), "plan", "-no-color", "-state=" + c.getKey());
            assertEquals(1, plan.exitCode(), plan::toString);
            assertEquals(c.getValue(), plan.err().strip(), plan::toString);
            assertFalse(plan.toString().contains("hunter2"), plan::toString);
            assertFalse(plan.toString().contains("at org."), "no stack trace: " + plan);
        }
    }
}
