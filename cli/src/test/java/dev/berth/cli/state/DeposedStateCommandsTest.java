package dev.berth.cli.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.cli.CliRun;
import dev.berth.engine.state.DeposedObject;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateChange;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An old object left deposed by an interrupted create_before_destroy is visible in every state view. */
class DeposedStateCommandsTest {
    @TempDir
    Path dir;

    private CliRun berth(String... args) {
        return CliRun.in(dir, args);
    }

    /** The example state with revision 1 of the task definition set aside as deposed beside revision 2. */
    private void writeDeposed() {
        StateFixture.writeExample(dir);
        ResourceState old = StateFixture.read(dir).resources().get(StateFixture.addr("ecs_task_definition.web"));
        StateFixture.commit(dir, "apply", new StateChange.PutDeposed(new DeposedObject("1a2b3c4d", old)),
                new StateChange.PutResource(StateFixture.resource("ecs_task_definition.web",
                        Map.of("id", Value.of("web:2"), "family", Value.of("web")), List.of())));
    }

    @Test
    void listAndShowRevealTheDeposedObjectWithoutItsSecrets() {
        writeDeposed();

        CliRun list = berth("state", "list");
        assertEquals(0, list.exitCode(), list::toString);
        assertEquals("ecs_cluster.main\necs_service.web\necs_task_definition.web\n"
                + "ecs_task_definition.web (deposed object 1a2b3c4d)\n", list.out());
        CliRun show = berth("state", "show", "ecs_task_definition.web");
        assertEquals(0, show.exitCode(), show::toString);
        assertTrue(show.out().contains("id     = \"web:2\""), show::toString);
        assertTrue(show.out().contains("# ecs_task_definition.web: (deposed object 1a2b3c4d)\n"), show::toString);
        assertTrue(show.out().contains("id                 = \"web:1\""), show::toString);
        assertFalse(show.out().contains(StateFixture.SECRET), show::toString);
        CliRun all = berth("show");
        assertTrue(all.out().contains("# ecs_task_definition.web: (deposed object 1a2b3c4d)"), all::toString);
    }

    @Test
    void pullAndShowJsonCarryTheDeposedKey() throws Exception {
        writeDeposed();
        ObjectMapper json = new ObjectMapper();

        JsonNode pulled = json.readTree(berth("state", "pull").out());
        JsonNode td = null;
        for (JsonNode r : pulled.get("resources")) if (r.get("type").asText().equals("ecs_task_definition")) td = r;
        assertEquals(2, td.get("instances").size(), td::toString);
        assertFalse(td.get("instances").get(0).has("deposed"));
        assertEquals("1a2b3c4d", td.get("instances").get(1).get("deposed").asText());
        assertTrue(td.get("instances").get(1).get("attributes").get("execution_role_arn").isNull(), "secret hidden");

        JsonNode shown = json.readTree(berth("show", "-json").out());
        long deposed = 0;
        for (JsonNode r : shown.at("/values/root_module/resources")) {
            if (r.path("deposed_key").asText().equals("1a2b3c4d")) deposed++;
        }
        assertEquals(1, deposed, shown::toString);
    }

    @Test
    void stateRmForgetsTheDeposedObjectsOfTheInstanceToo() {
        writeDeposed();

        CliRun rm = berth("state", "rm", "ecs_task_definition.web");
        assertEquals(0, rm.exitCode(), rm::toString);
        assertEquals(List.of(), StateFixture.read(dir).deposed());
        assertFalse(StateFixture.read(dir).resources().containsKey(StateFixture.addr("ecs_task_definition.web")));
    }
}
