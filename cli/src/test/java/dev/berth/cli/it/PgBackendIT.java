package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import dev.berth.ecs.runtime.docker.DockerRuntime;
import dev.berth.engine.state.LockInfo;
import dev.berth.pg.PgConnect;
import dev.berth.pg.PgUrl;
import dev.berth.state.PgStateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A configuration whose state lives in PostgreSQL ({@code backend "pg"}, the real test server of
 * scripts/ensure-postgres.sh) on the real Docker engine: the whole life of a service, and the run
 * lock between berth processes, including one that is killed while it holds the lock. Each test
 * has a schema and a cluster of its own, both removed afterwards even when it fails.
 */
class PgBackendIT {
    static final PgUrl SERVER = PgUrl.parse(
            System.getenv().getOrDefault("BERTH_TEST_PG", "postgres://berth@127.0.0.1:55432/berth"), System.getenv());

    @TempDir
    Path dir;
    DockerRuntime docker;
    String cluster;
    String schema;

    @BeforeEach
    void setUp() throws Exception {
        docker = DockerEngine.require();
        cluster = "it-" + UUID.randomUUID().toString().substring(0, 8);
        schema = "berth_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Files.writeString(dir.resolve("main.hcl"), """
                terraform {
                  backend "pg" {
                    conn_str    = "%2$s"
                    schema_name = "%3$s"
                  }
                }

                resource "ecs_cluster" "main" {
                  name = "%1$s"
                }

                resource "ecs_task_definition" "app" {
                  family                   = "%1$s-app"
                  cpu                      = 256
                  memory                   = 512
                  requires_compatibilities = ["FARGATE"]
                  container_definitions = jsonencode([{
                    name       = "app"
                    image      = "berth-example/busybox:latest"
                    memory     = 16
                    essential  = true
                    entryPoint = ["/bin/sh", "-c"]
                    command    = ["trap 'exit 0' TERM; while :; do sleep 1 & wait $!; done"]
                  }])
                }

                resource "ecs_service" "app" {
                  name            = "app"
                  cluster         = ecs_cluster.main.id
                  task_definition = ecs_task_definition.app.arn
                  desired_count   = 1
                }
                """.formatted(cluster, SERVER.scheme() + "://" + SERVER.user() + "@" + SERVER.host() + ":"
                + SERVER.port() + "/" + SERVER.database(), schema));
    }

    @AfterEach
    void removeEverything() throws Exception {
        try {
            CliRun.in(dir, "destroy", "-auto-approve", "-lock-timeout=30s");
        } finally {
            try {
                DockerEngine.cleanUp(docker, cluster);
                docker.close();
            } finally {
                try (Connection c = PgConnect.open(SERVER); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
                }
            }
        }
    }

    private PgStateStore state() {
        return PgStateStore.open(SERVER, schema, true);
    }

    private Optional<LockInfo> holder() {
        try (PgStateStore s = state()) {
            return s.lockHolder();
        } catch (RuntimeException notYetCreated) {
            return Optional.empty();
        }
    }

    @Test
    void aServiceLivesItsWholeLifeWithItsStateInPostgres() {
        assertEquals(0, CliRun.in(dir, "validate").exitCode());
        CliRun plan = CliRun.in(dir, "plan");
        assertEquals(0, plan.exitCode(), plan::toString);
        assertTrue(plan.out().contains("3 to add"), plan::toString);

        CliRun apply = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(0, apply.exitCode(), apply::toString);
        assertEquals(1, DockerEngine.containersOf(docker, cluster).size());
        assertFalse(Files.exists(dir.resolve("berth.db")), "no state file beside the configuration");
        try (PgStateStore s = state()) {
            assertEquals(3, s.read().resources().size());
            assertTrue(s.read().serial() >= 3, "one version per resource saved");
            assertEquals(Optional.empty(), s.lockHolder(), "apply released the lock");
        }

        CliRun again = CliRun.in(dir, "plan", "-detailed-exitcode");
        assertEquals(0, again.exitCode(), again::toString);
        CliRun list = CliRun.in(dir, "state", "list");
        assertTrue(list.out().contains("ecs_service.app"), list::toString);

        CliRun destroy = CliRun.in(dir, "destroy", "-auto-approve");
        assertEquals(0, destroy.exitCode(), destroy::toString);
        assertEquals(0, DockerEngine.containersOf(docker, cluster).size());
        try (PgStateStore s = state()) {
            assertTrue(s.read().resources().isEmpty());
        }
    }

    /** berth console holds the run lock for as long as it runs: a lock holder in another process. */
    private BerthProcess holdTheLock() throws Exception {
        BerthProcess console = BerthProcess.start(dir, "console");
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (holder().isEmpty()) {
            if (System.nanoTime() > end) throw new AssertionError("the console never took the lock:\n" + console.output());
            Thread.sleep(50);
        }
        return console;
    }

    @Test
    void theLockKeepsASecondProcessOutAndDiesWithAKilledHolder() throws Exception {
        assertEquals(0, CliRun.in(dir, "apply", "-auto-approve").exitCode());
        try (BerthProcess console = holdTheLock()) {
            LockInfo held = holder().orElseThrow();
            assertEquals("console", held.operation());

            CliRun refused = CliRun.in(dir, "plan", "-lock-timeout=0s");
            assertEquals(1, refused.exitCode(), refused::toString);
            assertTrue(refused.err().contains("Error acquiring the state lock"), refused::toString);
            assertTrue(refused.err().contains(held.id()), "the refusal names the lock: " + refused);

            console.signal("KILL");
            console.exitCode(Duration.ofSeconds(10));
            // The server ends the killed process's session, and its advisory lock with it.
            CliRun after = CliRun.in(dir, "plan", "-detailed-exitcode", "-lock-timeout=10s");
            assertEquals(0, after.exitCode(), after::toString);
            assertTrue(after.err().contains("Took over the run lock of process " + held.process().pid()), after::toString);
        }
        assertEquals(Optional.empty(), holder());
    }

    @Test
    void forceUnlockEndsTheSessionOfALiveHolderInAnotherProcess() throws Exception {
        assertEquals(0, CliRun.in(dir, "apply", "-auto-approve").exitCode());
        try (BerthProcess console = holdTheLock()) {
            LockInfo held = holder().orElseThrow();
            CliRun unlock = CliRun.in(dir, "force-unlock", "-force", held.id());
            assertEquals(0, unlock.exitCode(), unlock::toString);
            assertEquals(Optional.empty(), holder());
            CliRun plan = CliRun.in(dir, "plan", "-detailed-exitcode", "-lock-timeout=0s");
            assertEquals(0, plan.exitCode(), plan::toString);
        }
    }
}
