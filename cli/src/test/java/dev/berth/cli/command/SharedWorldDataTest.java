package dev.berth.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.cli.CliRun;
import dev.berth.cli.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * data blocks through the real CLI and the ecs provider: two configurations in two directories
 * share one control plane (a real SQLite file), one registering a task definition, the other
 * reading it with {@code data "ecs_task_definition"}. Task definitions live in the control plane
 * alone, so no Docker engine is involved.
 */
class SharedWorldDataTest {
    static final String OWNER = """
            resource "ecs_task_definition" "app" {
              family = "demo"
              memory = %d
              container {
                name   = "app"
                image  = "berth-example/busybox:latest"
                memory = 64
              }
            }
            """;
    static final String READER = """
            data "ecs_task_definition" "app" {
              task_definition = "demo"
            }

            output "arn" {
              value = data.ecs_task_definition.app.arn
            }
            """;
    static final String ARN = "arn:aws:ecs:local:000000000000:task-definition/demo:";

    @TempDir
    Path tmp;

    private Path config(String name, String hcl) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve("main.hcl"), hcl);
        return dir;
    }

    /** berth in {@code dir}, with the one control plane both configurations share. */
    private CliRun berth(Path dir, String... args) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put(TestStores.ENV, tmp.resolve("world/ecs.db").toString());
        List<String> all = new ArrayList<>(List.of("-chdir=" + dir));
        all.addAll(List.of(args));
        if (!args[0].equals("state")) all.add("-no-color");
        return CliRun.withEnv(env, all.toArray(String[]::new));
    }

    private static CliRun ok(CliRun r) {
        assertEquals(0, r.exitCode(), r::toString);
        return r;
    }

    @Test
    void aSecondConfigurationReadsWhatTheFirstRegisteredAndFollowsItsNewRevisions() throws Exception {
        Path owner = config("owner", OWNER.formatted(512));
        Path reader = config("reader", READER);
        ok(berth(owner, "apply", "-auto-approve"));

        CliRun plan = ok(berth(reader, "plan"));
        assertTrue(plan.out().startsWith("data.ecs_task_definition.app: Reading...\n"
                + "data.ecs_task_definition.app: Read complete after 0s [id=" + ARN + "1]\n"), plan::toString);
        assertTrue(plan.out().contains("+ arn = \"" + ARN + "1\""), plan::toString);
        assertFalse(plan.out().contains("will be read during apply"), plan::toString);

        ok(berth(reader, "apply", "-auto-approve"));
        assertEquals("data.ecs_task_definition.app\n", ok(berth(reader, "state", "list")).out());
        JsonNode shown = new ObjectMapper().readTree(ok(berth(reader, "show", "-json")).out());
        assertEquals("data", shown.at("/values/root_module/resources/0/mode").asText());
        assertEquals(ARN + "1", shown.at("/values/outputs/arn/value").asText());

        Files.writeString(owner.resolve("main.hcl"), OWNER.formatted(1024));
        ok(berth(owner, "apply", "-auto-approve"));
        CliRun next = ok(berth(reader, "plan"));
        assertTrue(next.out().contains("~ arn = \"" + ARN + "1\" -> \"" + ARN + "2\""), next::toString);

        CliRun destroy = ok(berth(reader, "destroy", "-auto-approve"));
        assertTrue(destroy.out().contains("Destroy complete! Resources: 0 destroyed."), destroy::toString);
        assertFalse(destroy.out().contains("Reading..."), "destroy calls no provider for data: " + destroy);
        assertEquals("", ok(berth(reader, "state", "list")).out());
        CliRun still = berth(owner, "plan", "-detailed-exitcode");
        assertEquals(0, still.exitCode(), "the task definition the reader read is untouched:\n" + still);
    }

    @Test
    void aReadThatWaitsForAResourceOfTheSameApplyIsPlannedAsTerraformShowsIt() throws Exception {
        Path dir = config("one", OWNER.formatted(512) + """

                data "ecs_task_definition" "app" {
                  task_definition = ecs_task_definition.app.family
                }

                output "revision" {
                  value = data.ecs_task_definition.app.revision
                }
                """);

        CliRun plan = ok(berth(dir, "plan"));
        assertTrue(plan.out().contains("""
                  # data.ecs_task_definition.app will be read during apply
                  # (depends on a resource or a module with changes pending)
                 <= data "ecs_task_definition" "app" {
                """), plan::toString);
        assertTrue(plan.out().contains(" <= read (data resources)\n"), plan::toString);
        assertTrue(plan.out().contains("Plan: 1 to add, 0 to change, 0 to destroy."), plan::toString);
        ok(berth(dir, "plan", "-out=read.plan"));
        JsonNode json = new ObjectMapper().readTree(ok(berth(dir, "show", "-json", "read.plan")).out());
        JsonNode read = json.at("/resource_changes/0");
        assertEquals("data.ecs_task_definition.app", read.get("address").asText());
        assertEquals("[\"read\"]", read.at("/change/actions").toString());
        assertEquals("read_because_dependency_pending", read.get("action_reason").asText());

        CliRun apply = ok(berth(dir, "apply", "-auto-approve"));
        String out = apply.out();
        int created = out.indexOf("ecs_task_definition.app: Creation complete");
        int reading = out.indexOf("data.ecs_task_definition.app: Reading...");
        assertTrue(created >= 0 && reading > created, out);
        assertTrue(out.contains("data.ecs_task_definition.app: Read complete after 0s [id=" + ARN + "1]"), out);
        assertTrue(out.contains("Apply complete! Resources: 1 added, 0 changed, 0 destroyed."), out);
        assertTrue(out.contains("revision = 1"), out);

        CliRun again = berth(dir, "plan", "-detailed-exitcode");
        assertEquals(0, again.exitCode(), "read during plan now, and nothing changes:\n" + again);
        assertTrue(again.out().contains("data.ecs_task_definition.app: Reading..."), again::toString);

        CliRun graph = ok(berth(dir, "graph"));
        assertTrue(graph.out().contains("\"[root] data.ecs_task_definition.app\" -> \"[root] ecs_task_definition.app\""),
                graph::toString);
    }
}
