package dev.berth.cli.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.cli.CliRun;
import dev.berth.engine.state.StateChange;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A data resource in the state, as the commands that read the state show it: state list, state
 * show, state pull and show -json, in the shapes of Terraform 1.11.4's captures
 * ({@code src/test/resources/terraform-data}).
 */
class DataStateCommandsTest {
    static final Path CAPTURES = Path.of("src/test/resources/terraform-data");

    @TempDir
    Path dir;

    private void writeState() {
        StateFixture.commit(dir, "apply",
                new StateChange.PutResource(StateFixture.resource("data.ecs_cluster.main",
                        Map.of("id", Value.of("arn:cluster/main"), "name", Value.of("main")), List.of())),
                new StateChange.PutResource(StateFixture.resource("ecs_cluster.main",
                        Map.of("id", Value.of("arn:cluster/other"), "name", Value.of("other")), List.of())),
                new StateChange.PutResource(StateFixture.resource("ecs_service.web",
                        Map.of("id", Value.of("arn:service/web")), List.of("data.ecs_cluster.main"))));
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void stateListNamesDataResourcesAsTerraformDoesFirst() throws Exception {
        writeState();

        CliRun r = CliRun.in(dir, "state", "list");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("data.ecs_cluster.main\necs_cluster.main\necs_service.web\n", r.out());
        assertEquals(Files.readString(CAPTURES.resolve("03-state-list.txt")).lines().findFirst().orElseThrow()
                .startsWith("data."), r.out().startsWith("data."));
    }

    @Test
    void stateShowPrintsADataBlock() {
        writeState();

        CliRun r = CliRun.in(dir, "state", "show", "data.ecs_cluster.main");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().startsWith("# data.ecs_cluster.main:\ndata \"ecs_cluster\" \"main\" {\n"), r::toString);
        assertFalse(r.out().contains("other"), "the managed resource of the same type and name is another: " + r);
    }

    @Test
    void statePullCarriesModeDataAndNoDependenciesOnTheDataInstance() throws Exception {
        writeState();

        JsonNode doc = json(CliRun.in(dir, "state", "pull").out());

        JsonNode terraform = json(Files.readString(CAPTURES.resolve("05-state-pull.json")));
        JsonNode data = doc.get("resources").get(0);
        assertEquals("data", data.get("mode").asText());
        assertEquals("ecs_cluster", data.get("type").asText());
        assertEquals(fieldNames(terraform.get("resources").get(0).get("instances").get(0)),
                fieldNames(data.get("instances").get(0)));
        assertEquals("managed", doc.get("resources").get(1).get("mode").asText());
        assertEquals("[\"data.ecs_cluster.main\"]", doc.get("resources").get(2).get("instances").get(0)
                .get("dependencies").toString());
    }

    @Test
    void showJsonCarriesModeData() throws Exception {
        writeState();

        JsonNode doc = json(CliRun.in(dir, "show", "-json").out());

        JsonNode data = doc.at("/values/root_module/resources/0");
        assertEquals("data.ecs_cluster.main", data.get("address").asText());
        assertEquals("data", data.get("mode").asText());
        JsonNode terraform = json(Files.readString(CAPTURES.resolve("04-show.json")))
                .at("/values/root_module/resources/0");
        assertEquals(fieldNames(terraform), fieldNames(data));
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void stateMvKeepsDataAndManagedResourcesApart() {
        writeState();

        CliRun refused = CliRun.in(dir, "state", "mv", "data.ecs_cluster.main", "ecs_cluster.copy");
        CliRun moved = CliRun.in(dir, "state", "mv", "data.ecs_cluster.main", "data.ecs_cluster.renamed");

        assertEquals(1, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("a data resource and a managed resource cannot take each other's place"),
                refused::toString);
        assertEquals(0, moved.exitCode(), moved::toString);
        assertEquals("data.ecs_cluster.renamed\necs_cluster.main\necs_service.web\n",
                CliRun.in(dir, "state", "list").out());
    }
}
