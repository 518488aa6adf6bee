package dev.berth.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code plan -json}, {@code apply -json} and {@code destroy -json} through the real CLI, the ecs
 * provider and a real control-plane file: Terraform's streaming messages, one per line, never a
 * sensitive value. Task definitions live in the control plane alone, so no Docker engine is used.
 */
class JsonUiCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SECRET = "hunter2-jsonui";
    static final String CONFIG = """
            variable "token" {
              type      = string
              sensitive = true
            }

            variable "zones" {
              type    = list(string)
              default = ["a", "b"]
            }

            resource "ecs_task_definition" "app" {
              count  = 2
              family = "jsonui-${count.index}"
              memory = 128
              container {
                name   = "app"
                image  = "berth-example/busybox:latest"
                memory = 64
              }
            }

            output "family" {
              value = ecs_task_definition.app[0].family
            }

            output "token" {
              value     = var.token
              sensitive = true
            }

            output "zones" {
              value = var.zones
            }
            """;

    @TempDir
    Path dir;

    private CliRun berth(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("-var");
        all.add("token=" + SECRET);
        return CliRun.in(dir, all.toArray(String[]::new));
    }

    /** Every line of standard output as a message; fails unless each is one JSON object with Terraform's fields. */
    static List<JsonNode> messages(CliRun r) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : r.out().lines().toList()) {
            JsonNode m = JSON.readTree(line);
            List<String> names = new ArrayList<>();
            m.fieldNames().forEachRemaining(names::add);
            assertEquals(List.of("@level", "@message", "@module", "@timestamp"), names.subList(0, 4), line);
            for (String f : List.of("@level", "@message", "@module", "@timestamp", "type")) {
                assertTrue(m.hasNonNull(f), f + " missing in " + line);
            }
            assertEquals("terraform.ui", m.get("@module").asText(), line);
            out.add(m);
        }
        assertFalse(r.out().contains(SECRET), "a sensitive value in\n" + r.out());
        assertFalse(r.err().contains(SECRET), "a sensitive value in\n" + r.err());
        return out;
    }

    static List<String> types(List<JsonNode> messages) {
        return messages.stream().map(m -> m.get("type").asText()).toList();
    }

    static JsonNode only(List<JsonNode> messages, String type) {
        List<JsonNode> of = messages.stream().filter(m -> m.get("type").asText().equals(type)).toList();
        assertEquals(1, of.size(), type + " in " + messages);
        return of.get(0);
    }

    @Test
    void planApplyRefreshOnlyAndDestroyStreamTerraformsMessages() throws Exception {
        Files.writeString(dir.resolve("main.hcl"), CONFIG);

        CliRun plan = berth("plan", "-json");
        assertEquals(0, plan.exitCode(), plan::toString);
        List<JsonNode> planned = messages(plan);
        assertEquals(List.of("version", "planned_change", "planned_change", "change_summary", "outputs"), types(planned));
        assertEquals("1.2", planned.get(0).get("ui").asText());
        assertEquals("berth " + BerthCommand.VERSION, planned.get(0).get("@message").asText());
        assertEquals("ecs_task_definition.app[1]: Plan to create", planned.get(2).get("@message").asText());
        assertEquals(1, planned.get(2).at("/change/resource/resource_key").asInt());
        assertEquals("ecs", planned.get(2).at("/change/resource/implied_provider").asText());
        assertEquals("{\"add\":2,\"change\":0,\"import\":0,\"remove\":0,\"operation\":\"plan\"}",
                only(planned, "change_summary").get("changes").toString());
        assertEquals("{\"family\":{\"sensitive\":false,\"action\":\"create\"},\"token\":{\"sensitive\":true,"
                + "\"action\":\"create\"},\"zones\":{\"sensitive\":false,\"action\":\"create\"}}",
                only(planned, "outputs").get("outputs").toString());

        CliRun asks = berth("apply", "-json");
        assertEquals(1, asks.exitCode(), asks::toString);
        assertEquals(List.of("version", "diagnostic"), types(messages(asks)));
        assertEquals("Error: Plan file or auto-approve required", messages(asks).get(1).get("@message").asText());

        CliRun apply = berth("apply", "-json", "-auto-approve");
        assertEquals(0, apply.exitCode(), apply::toString);
        List<JsonNode> applied = messages(apply);
        assertEquals(2, types(applied).stream().filter("apply_start"::equals).count(), apply::toString);
        assertEquals(2, types(applied).stream().filter("apply_complete"::equals).count(), apply::toString);
        JsonNode last = applied.get(applied.size() - 1);
        assertEquals("outputs", last.get("type").asText());
        assertEquals("{\"sensitive\":false,\"type\":\"string\",\"value\":\"jsonui-0\"}", last.at("/outputs/family").toString());
        assertEquals("{\"sensitive\":true,\"type\":\"string\"}", last.at("/outputs/token").toString());
        assertEquals("{\"sensitive\":false,\"type\":[\"list\",\"string\"],\"value\":[\"a\",\"b\"]}",
                last.at("/outputs/zones").toString(), "the declared type, as Terraform keeps it");
        assertEquals("Apply complete! Resources: 2 added, 0 changed, 0 destroyed.",
                applied.get(applied.size() - 2).get("@message").asText());

        CliRun refresh = berth("plan", "-refresh-only", "-json");
        assertEquals(0, refresh.exitCode(), refresh::toString);
        List<JsonNode> refreshed = messages(refresh);
        assertEquals(2, types(refreshed).stream().filter("refresh_start"::equals).count(), refresh::toString);
        assertEquals(2, types(refreshed).stream().filter("refresh_complete"::equals).count(), refresh::toString);
        assertEquals("{\"family\":{\"sensitive\":false,\"action\":\"noop\"},\"token\":{\"sensitive\":true,"
                + "\"action\":\"noop\"},\"zones\":{\"sensitive\":false,\"action\":\"noop\"}}",
                only(refreshed, "outputs").get("outputs").toString());

        CliRun destroy = berth("destroy", "-json", "-auto-approve");
        assertEquals(0, destroy.exitCode(), destroy::toString);
        List<JsonNode> destroyed = messages(destroy);
        JsonNode end = destroyed.get(destroyed.size() - 1);
        assertEquals("change_summary", end.get("type").asText(), "no outputs after a destroy, as Terraform");
        assertEquals("destroy", end.at("/changes/operation").asText());
        assertEquals("Destroy complete! Resources: 2 destroyed.", end.get("@message").asText());
    }

    @Test
    void anErrorInTheConfigurationIsADiagnosticMessageWithItsRange() throws Exception {
        Files.writeString(dir.resolve("main.hcl"), CONFIG.replace("memory = 128", "memory = nope"));

        CliRun plan = berth("plan", "-json");

        assertEquals(1, plan.exitCode(), plan::toString);
        List<JsonNode> messages = messages(plan);
        assertEquals("version", messages.get(0).get("type").asText());
        JsonNode diag = messages.get(1);
        assertEquals("diagnostic", diag.get("type").asText(), plan::toString);
        assertEquals("error", diag.get("@level").asText());
        assertEquals("Error: " + diag.at("/diagnostic/summary").asText(), diag.get("@message").asText());
        assertEquals("main.hcl", diag.at("/diagnostic/range/filename").asText(), plan::toString);
        assertEquals("", plan.err(), "nothing but the stream");
    }

    @Test
    void aRefusedOptionIsADiagnosticMessageToo() throws Exception {
        Files.writeString(dir.resolve("main.hcl"), CONFIG);

        CliRun plan = berth("plan", "-json", "-target=not an address");

        assertEquals(1, plan.exitCode(), plan::toString);
        List<JsonNode> messages = messages(plan);
        assertEquals(List.of("version", "diagnostic"), types(messages), plan::toString);
        assertTrue(messages.get(1).at("/diagnostic/summary").asText().startsWith("Invalid -target address"), plan::toString);
        assertEquals("", plan.err(), "nothing but the stream");
    }

    @Test
    void theHumanPlanIsUnchangedTheDocumentIsShowJsonAndTheSavedPlanAppliesAsAStream() throws Exception {
        Files.writeString(dir.resolve("main.hcl"), CONFIG);

        CliRun plan = berth("plan", "-out=saved.plan");
        assertEquals(0, plan.exitCode(), plan::toString);
        assertTrue(plan.out().contains("Plan: 2 to add, 0 to change, 0 to destroy."), plan::toString);
        CliRun show = CliRun.in(dir, "show", "-json", "saved.plan");
        assertEquals(0, show.exitCode(), show::toString);
        JsonNode doc = JSON.readTree(show.out());
        assertEquals(2, doc.get("resource_changes").size(), show::toString);
        assertFalse(show.out().contains(SECRET), show::toString);

        // A saved plan was the review: applying it streams the changes made, not the plan again.
        CliRun apply = CliRun.in(dir, "apply", "-json", "saved.plan");
        assertEquals(0, apply.exitCode(), apply::toString);
        List<String> types = types(messages(apply));
        assertFalse(types.contains("planned_change"), apply::toString);
        assertEquals(List.of("version", "apply_start", "apply_start", "apply_complete", "apply_complete", "change_summary",
                "outputs"), types.stream().sorted(java.util.Comparator.comparing(t -> List.of("version", "apply_start",
                "apply_complete", "change_summary", "outputs").indexOf(t))).toList());
        assertEquals(List.of("version"), types.subList(0, 1));
        assertEquals(List.of("change_summary", "outputs"), types.subList(types.size() - 2, types.size()));
    }
}
