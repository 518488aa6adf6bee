package dev.berth.cli.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.cli.CliRun;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * plan -out and apply FILE on the real engine, with the state in a real SQLite file. Each test
 * works in its own copy of examples/web with its own cluster name and removes every container
 * and network it made, even when it fails.
 */
class SavedPlanIT extends WebExampleFixture {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CliRun planOut(String file, String... extra) {
        List<String> args = new ArrayList<>(List.of("plan", "-out=" + file, "-var", "cluster_name=" + cluster));
        args.addAll(List.of(extra));
        CliRun r = CliRun.in(dir, args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r::toString);
        return r;
    }

    @Test
    void applyFileAppliesTheSavedPlanWithoutAskingEvenAfterTheConfigurationChanged() throws Exception {
        CliRun plan = planOut("p");
        assertTrue(plan.out().contains("Saved the plan to: p"), plan::toString);
        assertTrue(plan.out().contains("berth apply \"p\""), plan::toString);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("p"))));

        // Applying now must do what was planned: two tasks, not what the edited file says.
        Path main = dir.resolve("main.hcl");
        String edited = Files.readString(main).replace("default     = 2", "default     = 4");
        assertFalse(edited.equals(Files.readString(main)), "the edit really changes the configuration");
        Files.writeString(main, edited + "\nresource \"ecs_cluster\" \"extra\" {\n  name = \"" + cluster + "-x\"\n}\n");

        CliRun apply = CliRun.in(dir, "apply", "p");
        assertEquals(0, apply.exitCode(), apply::toString);
        assertFalse(apply.out().contains("Do you want to perform these actions?"), apply::toString);
        assertTrue(apply.out().contains("ecs_service.web: Creation complete after"), apply::toString);
        assertTrue(apply.out().contains("Apply complete! Resources: 3 added, 0 changed, 0 destroyed."), apply::toString);
        assertTrue(apply.out().contains("url = \"http://127.0.0.1:"), apply::toString);
        assertEquals(2, running("web").size(), "the saved plan's desired_count, not the edited default");
        assertTrue(docker.listContainers(java.util.Map.of("dev.berth.cluster", DockerEngine.clusterArn(cluster + "-x")))
                .isEmpty());

        CliRun again = CliRun.in(dir, "apply", "p");
        assertEquals(1, again.exitCode(), again::toString);
        assertTrue(again.err().contains("Error: Saved plan is stale"), again::toString);
        assertEquals(2, running("web").size(), "a refused plan changes nothing");

        JsonNode state = JSON.readTree(CliRun.in(dir, "show", "-json").out());
        assertEquals("1.0", state.get("format_version").asText());
        assertEquals(3, state.get("values").get("root_module").get("resources").size(), state::toString);
        assertTrue(state.get("values").get("outputs").get("url").get("value").asText().startsWith("http://127.0.0.1:"));
    }

    @Test
    void aPlanMadeAgainstAnotherStateFileIsRefused() {
        planOut("other.plan", "-state=other.db");
        CliRun apply = CliRun.in(dir, "apply", "other.plan");
        assertEquals(1, apply.exitCode(), apply::toString);
        assertTrue(apply.err().contains("Error: Saved plan does not match the given state"), apply::toString);
        assertTrue(DockerEngine.containersOf(docker, cluster).isEmpty(), "nothing was applied");

        CliRun withVar = CliRun.in(dir, "apply", "-var", "desired_count=1", "other.plan");
        assertEquals(1, withVar.exitCode(), withVar::toString);
        assertTrue(withVar.err().contains("The -var option cannot be used with a saved plan file"), withVar::toString);
        CliRun destroy = CliRun.in(dir, "apply", "-destroy", "other.plan");
        assertTrue(destroy.err().contains("The -destroy option cannot be used with a saved plan file"), destroy::toString);
    }

    @Test
    void showJsonPrintsTheTerraformPlanDocumentOfTheSavedPlan() throws Exception {
        planOut("p");
        CliRun show = CliRun.in(dir, "show", "-json", "p");
        assertEquals(0, show.exitCode(), show::toString);
        JsonNode doc = JSON.readTree(show.out());
        for (String key : List.of("format_version", "terraform_version", "variables", "planned_values", "resource_drift",
                "resource_changes", "output_changes", "prior_state", "configuration", "relevant_attributes", "timestamp",
                "applyable", "complete", "errored")) {
            assertTrue(doc.has(key), "missing " + key + " in " + show.out());
        }
        assertEquals("1.2", doc.get("format_version").asText());
        assertEquals(cluster, doc.get("variables").get("cluster_name").get("value").asText());
        assertEquals(3, doc.get("resource_changes").size());
        for (JsonNode c : doc.get("resource_changes")) {
            assertEquals("[\"create\"]", c.get("change").get("actions").toString(), c::toString);
            assertTrue(c.get("change").get("before").isNull());
        }
        JsonNode service = doc.get("resource_changes").get(1);
        assertEquals("ecs_service.web", service.get("address").asText());
        assertTrue(service.get("change").get("after_unknown").get("tasks").asBoolean(), service::toString);
        assertEquals(2, service.get("change").get("after").get("desired_count").asInt());
        assertTrue(doc.get("output_changes").get("url").get("after_unknown").asBoolean());
        assertEquals("[\"ecs_service.web.endpoints[0]\",\"ecs_service.web.endpoints\",\"ecs_service.web\"]",
                doc.get("configuration").get("root_module").get("outputs").get("url").get("expression")
                        .get("references").toString());
        assertEquals("1.0", doc.get("prior_state").get("format_version").asText());
        assertTrue(doc.get("applyable").asBoolean());
        assertTrue(doc.get("timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));

        CliRun planJson = CliRun.in(dir, "plan", "-json", "-var", "cluster_name=" + cluster);
        assertEquals(0, planJson.exitCode(), planJson::toString);
        // plan -json streams Terraform's UI messages; the planned changes there are the document's.
        List<String> planned = planJson.out().lines().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not one JSON message per line: " + l, e);
            }
        }).filter(m -> m.get("type").asText().equals("planned_change"))
                .map(m -> m.at("/change/resource/addr").asText()).sorted().toList();
        List<String> inDocument = new java.util.ArrayList<>();
        doc.get("resource_changes").forEach(c -> {
            if (!c.at("/change/actions").toString().equals("[\"no-op\"]")) inDocument.add(c.get("address").asText());
        });
        assertEquals(inDocument.stream().sorted().toList(), planned, planJson::toString);

        CliRun garbage = CliRun.in(dir, "show", "-json", "main.hcl");
        assertEquals(1, garbage.exitCode(), garbage::toString);
        assertTrue(garbage.err().contains("is not a berth plan file."), garbage::toString);
    }
}
