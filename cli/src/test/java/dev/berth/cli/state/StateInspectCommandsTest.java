package dev.berth.cli.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.cli.CliRun;
import dev.berth.engine.state.StateChange;
import dev.berth.engine.state.StateSnapshot;
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

/** state show and state pull against a real SQLite state file; neither may ever print a secret. */
class StateInspectCommandsTest {
    @TempDir
    Path dir;

    private CliRun berth(String... args) {
        return CliRun.in(dir, args);
    }

    @Test
    void showPrintsOneInstanceWithSecretsHidden() {
        StateFixture.writeExample(dir);
        CliRun r = berth("state", "show", "ecs_task_definition.web");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().startsWith("# ecs_task_definition.web:\nresource \"ecs_task_definition\" \"web\" {\n"), r::toString);
        assertTrue(r.out().contains("execution_role_arn = (sensitive value)"), r::toString);
        assertTrue(r.out().contains("family             = \"web\""), r::toString);
        assertFalse(r.out().contains(StateFixture.SECRET), "the secret must not be printed: " + r);
        assertFalse(r.out().contains("ecs_service.web"), "only the asked instance is shown: " + r);
    }

    @Test
    void showOfAnUnknownAddressNamesWhatExists() {
        StateFixture.writeExample(dir);
        CliRun r = berth("state", "show", "ecs_service.api");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("ecs_service.api is not in the state; the state holds ecs_cluster.main, "
                + "ecs_service.web, ecs_task_definition.web."), r::toString);
    }

    @Test
    void showOfACountedResourceNeedsAnIndexAndShowsTaint() {
        StateFixture.commit(dir, "apply",
                new StateChange.PutResource(StateFixture.resource("ecs_cluster.c[0]", Map.of("name", Value.of("a")), List.of())),
                new StateChange.PutResource(StateFixture.resource("ecs_cluster.c[1]", Map.of("name", Value.of("b")), List.of())
                        .withTainted(true)));
        CliRun many = berth("state", "show", "ecs_cluster.c");
        assertEquals(1, many.exitCode(), many::toString);
        assertTrue(many.err().contains("ecs_cluster.c has 2 instances (ecs_cluster.c[0], ecs_cluster.c[1])"), many::toString);
        CliRun one = berth("state", "show", "ecs_cluster.c[1]");
        assertEquals(0, one.exitCode(), one::toString);
        assertTrue(one.out().startsWith("# ecs_cluster.c[1]: (tainted)\n"), one::toString);
        assertTrue(one.out().contains("name = \"b\""), one::toString);
    }

    @Test
    void showAndPullWithoutAStateFileCreateNone() {
        CliRun show = berth("state", "show", "ecs_cluster.main");
        assertEquals(1, show.exitCode(), show::toString);
        assertTrue(show.err().contains("No state file was found at "), show::toString);
        CliRun pull = berth("state", "pull");
        assertEquals(0, pull.exitCode(), pull::toString);
        assertEquals("", pull.out());
        assertFalse(Files.exists(dir.resolve("berth.db")), "reading must not create a state file");
    }

    @Test
    void showRejectsSomethingThatIsNotAnAddress() {
        StateFixture.writeExample(dir);
        CliRun r = berth("state", "show", "not an address");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("Invalid address \"not an address\""), r::toString);
        assertFalse(r.err().contains("Exception"), r::toString);
    }

    @Test
    void pullPrintsTerraformsStateShapeWithoutSecrets() throws Exception {
        StateFixture.writeExample(dir);
        StateSnapshot snapshot = StateFixture.read(dir);
        CliRun r = berth("state", "pull");
        assertEquals(0, r.exitCode(), r::toString);
        assertFalse(r.out().contains(StateFixture.SECRET), "the secret must not be printed: " + r);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(4, root.get("version").asInt());
        assertEquals(snapshot.serial(), root.get("serial").asLong());
        assertEquals(snapshot.lineage(), root.get("lineage").asText());
        assertTrue(root.get("terraform_version").isTextual());

        assertEquals("http://127.0.0.1:1234/", root.at("/outputs/url/value").asText());
        assertEquals("string", root.at("/outputs/url/type").asText());
        assertTrue(root.at("/outputs/token/value").isNull(), "a sensitive output's value is null");
        assertTrue(root.at("/outputs/token/sensitive").asBoolean());

        JsonNode resources = root.get("resources");
        assertEquals(3, resources.size());
        JsonNode service = find(resources, "ecs_service", "web");
        assertEquals("managed", service.get("mode").asText());
        assertEquals("provider[\"berth.dev/builtin/ecs\"]", service.get("provider").asText());
        JsonNode inst = service.at("/instances/0");
        assertEquals(2, inst.at("/attributes/desired_count").asInt());
        assertEquals("[\"ecs_cluster.main\",\"ecs_task_definition.web\"]", inst.get("dependencies").toString());
        assertFalse(inst.has("index_key"), "a single instance has no index_key");
        assertFalse(inst.has("status"), "an instance that is not tainted has no status");

        JsonNode td = find(resources, "ecs_task_definition", "web").at("/instances/0");
        assertTrue(td.at("/attributes/execution_role_arn").isNull());
        assertEquals("[[{\"type\":\"get_attr\",\"value\":\"execution_role_arn\"}]]",
                td.get("sensitive_attributes").toString());
    }

    @Test
    void pullWritesIndexKeysEachAndTaint() throws Exception {
        StateFixture.commit(dir, "apply",
                new StateChange.PutResource(StateFixture.resource("ecs_cluster.c[0]", Map.of("name", Value.of("a")), List.of())
                        .withTainted(true)),
                new StateChange.PutResource(StateFixture.resource("ecs_cluster.k[\"blue\"]",
                        Map.of("tags", Value.map(Map.of("pw", Value.sensitive(Value.of(StateFixture.SECRET))))), List.of())));
        CliRun r = berth("state", "pull");
        assertFalse(r.out().contains(StateFixture.SECRET), r::toString);
        JsonNode resources = new ObjectMapper().readTree(r.out()).get("resources");
        JsonNode counted = find(resources, "ecs_cluster", "c");
        assertEquals("list", counted.get("each").asText());
        assertEquals(0, counted.at("/instances/0/index_key").asInt());
        assertEquals("tainted", counted.at("/instances/0/status").asText());
        JsonNode keyed = find(resources, "ecs_cluster", "k");
        assertEquals("map", keyed.get("each").asText());
        assertEquals("blue", keyed.at("/instances/0/index_key").asText());
        assertEquals("[[{\"type\":\"get_attr\",\"value\":\"tags\"},{\"type\":\"get_attr\",\"value\":\"pw\"}]]",
                keyed.at("/instances/0/sensitive_attributes").toString());
    }

    private static JsonNode find(JsonNode resources, String type, String name) {
        for (JsonNode r : resources) {
            if (r.get("type").asText().equals(type) && r.get("name").asText().equals(name)) return r;
        }
        throw new AssertionError("no resource " + type + "." + name + " in " + resources);
    }
}
