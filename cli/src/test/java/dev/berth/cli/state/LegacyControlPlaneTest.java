package dev.berth.cli.state;

import dev.berth.cli.CliRun;
import dev.berth.cli.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A berth.db that berth 0.1 wrote, with its ECS world inside: made by berth 0.1 itself (main at
 * 05b9811, `apply` of {@code legacy/main.hcl} on the real engine, then `apply -var memory=96`; see
 * {@code legacy/README.md}), so its rows are exactly what users' files hold. Its world moves into
 * the control plane store once, without loss.
 */
class LegacyControlPlaneTest {
    private static final String ECS = "arn:aws:ecs:local:000000000000:";

    @TempDir
    Path tmp;

    private Path oldConfiguration(String name) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        copy("legacy/berth-0.1.db", dir.resolve("berth.db"));
        copy("legacy/main.hcl", dir.resolve("main.hcl"));
        return dir;
    }

    private static void copy(String resource, Path to) throws Exception {
        try (InputStream in = Objects.requireNonNull(LegacyControlPlaneTest.class.getResourceAsStream("/" + resource))) {
            Files.copy(in, to);
        }
    }

    private static CliRun run(Path store, Path dir, String... args) {
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.put(TestStores.ENV, store.toString());
        List<String> all = new ArrayList<>(List.of("-chdir=" + dir));
        all.addAll(List.of(args));
        all.add("-no-color");
        return CliRun.withEnv(env, all.toArray(String[]::new));
    }

    /** Rows as "table key json", in order; {@code sql} selects those three columns. */
    private static List<String> rows(Path db, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
        }
        return out;
    }

    private static Map<String, Long> counters(Path db, String sql) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
        }
        return out;
    }

    private static final String OLD_ROWS = "SELECT tbl, key, json FROM provider_kv WHERE provider = 'ecs' ORDER BY tbl, key";
    private static final String OLD_COUNTERS = "SELECT name, value FROM provider_counters WHERE provider = 'ecs'";
    private static final String NEW_ROWS = "SELECT tbl, key, json FROM rows ORDER BY tbl, key";

    @Test
    void theOldWorldMovesOnceWithEveryRowAndTheRunSaysWhereItLivesNow() throws Exception {
        Path dir = oldConfiguration("a");
        Path store = tmp.resolve("data/berth/ecs.db");
        List<String> before = rows(dir.resolve("berth.db"), OLD_ROWS);
        Map<String, Long> oldCounters = counters(dir.resolve("berth.db"), OLD_COUNTERS);
        assertTrue(before.size() > 10, "the fixture holds a world: " + before);
        for (String table : List.of("clusters", "container_instances", "task_definitions", "services", "tasks")) {
            assertTrue(before.stream().anyMatch(r -> r.startsWith(table + " ")), "the fixture has " + table);
        }

        // Commands that do not need the world leave it where it is.
        CliRun list = run(store, dir, "state", "list");
        assertTrue(list.out().contains("ecs_service.app"), list::toString);
        assertEquals(0, run(store, dir, "validate").exitCode());
        assertFalse(Files.exists(store));
        assertEquals(before, rows(dir.resolve("berth.db"), OLD_ROWS));

        CliRun plan = run(store, dir, "plan", "-refresh=false");
        assertEquals(0, plan.exitCode(), plan::toString);
        List<String> said = plan.err().lines().filter(l -> l.contains("control plane")).toList();
        assertEquals(List.of("The ecs control plane now lives in " + store + " (moved " + before.size()
                + " objects from " + dir.resolve("berth.db") + ")."), said);
        assertEquals(before, rows(store, NEW_ROWS), "every row arrives as it was");
        assertEquals(oldCounters, counters(store, "SELECT name, value FROM counters"));
        assertEquals(List.of(), rows(dir.resolve("berth.db"), OLD_ROWS), "and is gone from berth.db");
        assertEquals(Map.of(), counters(dir.resolve("berth.db"), OLD_COUNTERS));

        CliRun again = run(store, dir, "plan", "-refresh=false");
        assertEquals(0, again.exitCode(), again::toString);
        assertFalse(again.err().contains("control plane"), "said once: " + again);

        // Revisions continue above the old file's: app had revisions 1 and 2.
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("main.hcl"), """
                resource "ecs_task_definition" "app" {
                  family = "app"
                  memory = 512
                  container {
                    name   = "app"
                    image  = "berth-example/busybox:latest"
                    memory = 64
                  }
                }
                """);
        CliRun apply = run(store, other, "apply", "-auto-approve");
        assertEquals(0, apply.exitCode(), apply::toString);
        assertTrue(apply.out().contains("[id=app:3]"), apply::toString);
    }

    @Test
    void aCopyOfTheSameDirectoryMovesNothingTwiceAndLosesNothing() throws Exception {
        Path store = tmp.resolve("ecs.db");
        Path a = oldConfiguration("a");
        Path b = oldConfiguration("b");
        assertEquals(0, run(store, a, "plan", "-refresh=false").exitCode());
        List<String> world = rows(store, NEW_ROWS);
        CliRun plan = run(store, b, "plan", "-refresh=false");
        assertEquals(0, plan.exitCode(), plan::toString);
        assertTrue(plan.err().contains("The ecs control plane now lives in " + store), plan::toString);
        assertEquals(world, rows(store, NEW_ROWS));
        assertEquals(List.of(), rows(b.resolve("berth.db"), OLD_ROWS));
    }

    /** Two directories that each had a private cluster "main" now meet in one world: nothing is overwritten. */
    @Test
    void anObjectOfTheSameNameWithOtherContentRefusesTheMoveAndLeavesBerthDbAsItWas() throws Exception {
        Path store = tmp.resolve("ecs.db");
        Path a = oldConfiguration("a");
        Path b = oldConfiguration("b");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + b.resolve("berth.db"));
             Statement st = c.createStatement()) {
            // b's own cluster main and service app were made at other times, with other tasks.
            assertEquals(1, st.executeUpdate("UPDATE provider_kv SET json = replace(json, '\"ACTIVE\"', '\"ACTIVE\" ')"
                    + " WHERE tbl = 'clusters' AND key = '" + ECS + "cluster/main'"));
            assertEquals(1, st.executeUpdate("UPDATE provider_kv SET json = json || ' '"
                    + " WHERE tbl = 'services' AND key = '" + ECS + "service/main/app'"));
        }
        assertEquals(0, run(store, a, "plan", "-refresh=false").exitCode());
        List<String> world = rows(store, NEW_ROWS);
        List<String> bRows = rows(b.resolve("berth.db"), OLD_ROWS);
        Map<String, Long> bCounters = counters(b.resolve("berth.db"), OLD_COUNTERS);

        CliRun plan = run(store, b, "plan", "-refresh=false");
        assertEquals(1, plan.exitCode(), plan::toString);
        assertTrue(plan.err().contains("Cannot move the ecs control plane kept in " + b.resolve("berth.db") + " into "
                + store + ": it already holds other objects with the same names (cluster/main, service/main/app);"
                + " nothing was moved"), plan::toString);
        assertFalse(plan.err().contains("Exception"), plan::toString);
        assertEquals(bRows, rows(b.resolve("berth.db"), OLD_ROWS), "berth.db is left as it was");
        assertEquals(bCounters, counters(b.resolve("berth.db"), OLD_COUNTERS));
        assertEquals(world, rows(store, NEW_ROWS), "the store is left as it was");

        // A world of its own takes b's rows as they are.
        Path own = b.resolve("ecs.db");
        CliRun alone = run(own, b, "plan", "-refresh=false");
        assertEquals(0, alone.exitCode(), alone::toString);
        assertEquals(bRows, rows(own, NEW_ROWS));
    }
}
