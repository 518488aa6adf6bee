package dev.berth.cli.inspect;

import dev.berth.cli.CliRun;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.value.Value;
import dev.berth.state.SqliteStateStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** import of task definitions, which the ecs provider keeps in the state file: no Docker needed. */
class ImportCommandTest {
    private static final ResourceInstanceAddr APP = ResourceInstanceAddr.of("ecs_task_definition", "app");

    @TempDir
    Path dir;

    private StateSnapshot state() {
        try (SqliteStateStore store = SqliteStateStore.open(dir.resolve("berth.db"))) {
            return store.read();
        }
    }

    @BeforeEach
    void applyAndForgetApp() throws Exception {
        TaskDefinitionConfigs.writeTwo(dir);
        CliRun apply = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(0, apply.exitCode(), apply::toString);
        assertEquals(0, CliRun.in(dir, "state", "rm", "ecs_task_definition.app").exitCode());
    }

    @Test
    void importAdoptsAnExistingObjectUnderTheConfiguredAddress() {
        CliRun r = CliRun.in(dir, "import", "ecs_task_definition.app", "td-app-1:1");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().startsWith("ecs_task_definition.app: Importing from ID \"td-app-1:1\"...\n"
                + "ecs_task_definition.app: Import prepared!\n"
                + "  Prepared ecs_task_definition for import\n"
                + "ecs_task_definition.app: Refreshing state... [id=td-app-1:1]\n\nImport successful!\n"), r::toString);
        assertTrue(r.out().contains("These resources are now in\nyour berth state"), r::toString);
        ResourceState rs = state().resources().get(APP);
        assertEquals(Value.of("td-app-1"), rs.attributes().get("family"));
        assertEquals(List.of("ecs_task_definition.base"), rs.dependencies(), "dependencies come from the configuration");
        assertEquals("berth.dev/builtin/ecs", rs.provider());
        assertFalse(rs.tainted());
    }

    @Test
    void anAddressAlreadyInTheStateIsRefused() {
        assertEquals(0, CliRun.in(dir, "import", "ecs_task_definition.app", "td-app-1:1").exitCode());
        long serial = state().serial();
        CliRun r = CliRun.in(dir, "import", "ecs_task_definition.app", "td-app-1:1");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("Resource already managed by berth"), r::toString);
        assertEquals(serial, state().serial());
    }

    @Test
    void anAddressWithoutAResourceBlockIsRefused() {
        CliRun r = CliRun.in(dir, "import", "ecs_task_definition.other", "td-app-1:1");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("resource address \"ecs_task_definition.other\" does not exist in the configuration"),
                r::toString);
    }

    @Test
    void anIdThatMatchesNothingIsAnErrorAndChangesNothing() {
        long serial = state().serial();
        CliRun r = CliRun.in(dir, "import", "ecs_task_definition.app", "nope:7");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("Task definition \"nope:7\" is not registered"), r::toString);
        assertFalse(r.err().contains("Exception"), r::toString);
        assertEquals(serial, state().serial());
        assertFalse(state().resources().containsKey(APP));
    }

    @Test
    void anIndexOnAResourceWithoutCountIsRefused() {
        CliRun r = CliRun.in(dir, "import", "ecs_task_definition.app[0]", "td-app-1:1");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("uses neither count nor for_each"), r::toString);
    }
}
