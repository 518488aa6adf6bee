package dev.berth.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the ecs control plane lives, from the command line: task definitions only, which live in
 * the control plane alone, so no Docker engine is involved while both files are real SQLite files.
 */
class ControlPlaneStoreTest {
    private static final String TASKDEF = """
            resource "ecs_task_definition" "app" {
              family = "demo"
              memory = 512
              container {
                name   = "app"
                image  = "berth-example/busybox:latest"
                memory = 64
              }
            }

            output "arn" {
              value = ecs_task_definition.app.arn
            }
            """;

    @TempDir
    Path tmp;

    private Path config(String name, String hcl) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve("main.hcl"), hcl);
        return dir;
    }

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove(TestStores.ENV);
        for (int i = 0; i < pairs.length; i += 2) env.put(pairs[i], pairs[i + 1]);
        return env;
    }

    private static CliRun run(Map<String, String> env, Path dir, String... args) {
        List<String> all = new ArrayList<>(List.of("-chdir=" + dir));
        all.addAll(List.of(args));
        all.add("-no-color");
        return CliRun.withEnv(env, all.toArray(String[]::new));
    }

    static List<String> keys(Path store, String table) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store);
             ResultSet rs = c.createStatement().executeQuery("SELECT key FROM rows WHERE tbl = '" + table + "' ORDER BY key")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    @Test
    void commandsThatOnlyCheckOrReadStateNeverCreateTheStore() throws Exception {
        Path dir = config("a", TASKDEF);
        Path store = tmp.resolve("world/ecs.db");
        Map<String, String> env = env(TestStores.ENV, store.toString());
        assertEquals(0, run(env, dir, "validate").exitCode());
        assertEquals(0, run(env, dir, "graph").exitCode());
        run(env, dir, "state", "list");
        run(env, dir, "output");
        assertFalse(Files.exists(store), "no command above needs the control plane");
        assertFalse(Files.exists(tmp.resolve("world")));

        CliRun apply = run(env, dir, "apply", "-auto-approve");
        assertEquals(0, apply.exitCode(), apply::toString);
        assertEquals(List.of("arn:aws:ecs:local:000000000000:task-definition/demo:1"), keys(store, "task_definitions"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store)));
        Files.delete(store);
        CliRun list = run(env, dir, "state", "list");
        assertEquals("ecs_task_definition.app\n", list.out(), list::toString);
        CliRun show = run(env, dir, "state", "show", "ecs_task_definition.app");
        assertEquals(0, show.exitCode(), show::toString);
        assertEquals(0, run(env, dir, "output", "arn").exitCode());
        assertFalse(Files.exists(store), "state commands do not need the control plane");
    }

    @Test
    void theUsersOwnFileIsTheDefault() throws Exception {
        Path dir = config("a", TASKDEF);
        Path xdg = tmp.resolve("xdg");
        CliRun apply = run(env("XDG_DATA_HOME", xdg.toString()), dir, "apply", "-auto-approve");
        assertEquals(0, apply.exitCode(), apply::toString);
        Path store = xdg.resolve("berth/ecs.db");
        assertEquals(1, keys(store, "task_definitions").size());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(xdg.resolve("berth"))));

        Path home = tmp.resolve("home");
        CliRun other = run(env("HOME", home.toString(), "XDG_DATA_HOME", ""), config("b", TASKDEF), "apply", "-auto-approve");
        assertEquals(0, other.exitCode(), other::toString);
        assertEquals(1, keys(home.resolve(".local/share/berth/ecs.db"), "task_definitions").size());
    }

    @Test
    void theProviderBlockWinsOverTheEnvironmentAndResolvesFromTheConfiguration() throws Exception {
        Path dir = config("a", "provider \"ecs\" {\n  store = \"worlds/team.db\"\n}\n\n" + TASKDEF);
        Path fromEnv = tmp.resolve("env.db");
        CliRun apply = run(env(TestStores.ENV, fromEnv.toString()), dir, "apply", "-auto-approve");
        assertEquals(0, apply.exitCode(), apply::toString);
        assertFalse(apply.out().contains("Ignored setting"), apply::toString);
        assertEquals(1, keys(dir.resolve("worlds/team.db"), "task_definitions").size());
        assertFalse(Files.exists(fromEnv));
    }

    @Test
    void twoConfigurationsShareOneWorld() throws Exception {
        Map<String, String> env = env(TestStores.ENV, tmp.resolve("shared.db").toString());
        CliRun first = run(env, config("a", TASKDEF), "apply", "-auto-approve");
        CliRun second = run(env, config("b", TASKDEF), "apply", "-auto-approve");
        assertEquals(0, first.exitCode(), first::toString);
        assertEquals(0, second.exitCode(), second::toString);
        // One family in one world: the second configuration registers the next revision.
        assertEquals(List.of("arn:aws:ecs:local:000000000000:task-definition/demo:1",
                "arn:aws:ecs:local:000000000000:task-definition/demo:2"), keys(tmp.resolve("shared.db"), "task_definitions"));
    }

    /** What every test relies on: CliRun in two directories runs two worlds, each beside its configuration. */
    @Test
    void testRunsInTwoDirectoriesSeeTwoWorlds() throws Exception {
        Path a = config("a", TASKDEF);
        Path b = config("b", TASKDEF);
        CliRun first = CliRun.in(a, "apply", "-auto-approve");
        CliRun second = CliRun.in(b, "apply", "-auto-approve");
        assertTrue(first.out().contains("[id=demo:1]"), first::toString);
        assertTrue(second.out().contains("[id=demo:1]"), "the second directory's world has no demo yet: " + second);
        assertEquals(1, keys(TestStores.of(a), "task_definitions").size());
        assertEquals(1, keys(TestStores.of(b), "task_definitions").size());
    }

    @Test
    void aStoreThatCannotBeOpenedIsOneSentenceNamingIt() throws Exception {
        Path dir = config("a", TASKDEF);
        CliRun apply = run(env(TestStores.ENV, tmp.toString()), dir, "apply", "-auto-approve");
        assertEquals(1, apply.exitCode(), apply::toString);
        assertTrue(apply.err().contains("cannot open the ecs control plane " + tmp + ": it is a directory"), apply::toString);
        assertFalse(apply.err().contains("Exception"), apply::toString);
    }
}
