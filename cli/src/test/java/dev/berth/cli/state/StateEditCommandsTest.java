package dev.berth.cli.state;

import dev.berth.cli.CliRun;
import dev.berth.engine.state.LockInfo;
import dev.berth.engine.state.StateChange;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.value.Value;
import dev.berth.state.SqliteStateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.berth.cli.state.StateFixture.addr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** state rm and state mv: what they change, what they refuse, and that they respect the run lock. */
class StateEditCommandsTest {
    @TempDir
    Path dir;

    private CliRun berth(String... args) {
        return CliRun.in(dir, args);
    }

    private void writeCounted() {
        StateFixture.commit(dir, "apply",
                new StateChange.PutResource(StateFixture.resource("ecs_cluster.c[0]", Map.of("name", Value.of("a")), List.of())),
                new StateChange.PutResource(StateFixture.resource("ecs_cluster.c[1]", Map.of("name", Value.of("b")), List.of())));
    }

    @Test
    void rmForgetsOnlyTheGivenInstancesAsOneNewVersion() {
        StateFixture.writeExample(dir);
        long before = StateFixture.read(dir).serial();
        CliRun r = berth("state", "rm", "ecs_service.web", "ecs_cluster.main");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("Removed ecs_service.web\nRemoved ecs_cluster.main\nSuccessfully removed 2 resource instance(s).\n",
                r.out());
        StateSnapshot after = StateFixture.read(dir);
        assertEquals(before + 1, after.serial());
        assertEquals(List.of(addr("ecs_task_definition.web")), List.copyOf(after.resources().keySet()));
        assertEquals(2, after.outputs().size(), "outputs are untouched");
    }

    @Test
    void rmOfAResourceRemovesEveryInstance() {
        writeCounted();
        CliRun r = berth("state", "rm", "ecs_cluster.c");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("Removed ecs_cluster.c[0]\nRemoved ecs_cluster.c[1]\n"), r::toString);
        assertTrue(StateFixture.read(dir).resources().isEmpty());
    }

    @Test
    void rmOfAnUnknownAddressRemovesNothingAndNamesWhatExists() {
        StateFixture.writeExample(dir);
        long before = StateFixture.read(dir).serial();
        CliRun r = berth("state", "rm", "ecs_service.web", "ecs_service.api");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("no instance in the state matches ecs_service.api; the state holds "
                + "ecs_cluster.main, ecs_service.web, ecs_task_definition.web."), r::toString);
        assertEquals(before, StateFixture.read(dir).serial(), "nothing was committed");
        assertEquals(3, StateFixture.read(dir).resources().size());
    }

    @Test
    void rmDryRunChangesNothing() {
        StateFixture.writeExample(dir);
        long before = StateFixture.read(dir).serial();
        CliRun r = berth("state", "rm", "-dry-run", "ecs_service.web");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("Would remove ecs_service.web"), r::toString);
        assertEquals(before, StateFixture.read(dir).serial());
    }

    @Test
    void rmAndMvAreRefusedWhileAnotherRunHoldsTheLock() {
        StateFixture.writeExample(dir);
        try (SqliteStateStore store = SqliteStateStore.open(dir.resolve("berth.db"))) {
            store.lock(new LockInfo("other-run", "apply", "alice@host", Instant.now()), Duration.ZERO);
        }
        CliRun rm = berth("state", "rm", "ecs_service.web");
        assertEquals(1, rm.exitCode(), rm::toString);
        assertTrue(rm.err().contains("the state is locked by alice@host (operation apply, lock ID other-run"), rm::toString);
        CliRun mv = berth("state", "mv", "ecs_service.web", "ecs_service.api");
        assertEquals(1, mv.exitCode(), mv::toString);
        assertTrue(mv.err().contains("lock ID other-run"), mv::toString);
        assertEquals(3, StateFixture.read(dir).resources().size(), "nothing was removed or moved");
    }

    @Test
    void mvRenamesAnInstanceAndItsDependentsFollow() {
        StateFixture.writeExample(dir);
        StateSnapshot before = StateFixture.read(dir);
        CliRun r = berth("state", "mv", "ecs_cluster.main", "ecs_cluster.primary");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("Move \"ecs_cluster.main\" to \"ecs_cluster.primary\"\nSuccessfully moved 1 object(s).\n", r.out());
        StateSnapshot after = StateFixture.read(dir);
        assertFalse(after.resources().containsKey(addr("ecs_cluster.main")));
        assertEquals(before.resources().get(addr("ecs_cluster.main")).attributes(),
                after.resources().get(addr("ecs_cluster.primary")).attributes());
        assertEquals(List.of("ecs_cluster.primary", "ecs_task_definition.web"),
                after.resources().get(addr("ecs_service.web")).dependencies(),
                "destroy ordering must still see the service depend on the cluster");
    }

    @Test
    void mvOfAResourceMovesAllItsInstancesKeepingKeys() {
        writeCounted();
        CliRun r = berth("state", "mv", "ecs_cluster.c", "ecs_cluster.d");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().endsWith("Successfully moved 2 object(s).\n"), r::toString);
        assertEquals(List.of(addr("ecs_cluster.d[0]"), addr("ecs_cluster.d[1]")),
                List.copyOf(StateFixture.read(dir).resources().keySet()));
    }

    @Test
    void mvIntoAnIndexAndOutOfOne() {
        StateFixture.writeExample(dir);
        assertEquals(0, berth("state", "mv", "ecs_cluster.main", "ecs_cluster.main[0]").exitCode());
        assertTrue(StateFixture.read(dir).resources().containsKey(addr("ecs_cluster.main[0]")));
        assertEquals(0, berth("state", "mv", "ecs_cluster.main[0]", "ecs_cluster.main").exitCode());
        assertTrue(StateFixture.read(dir).resources().containsKey(addr("ecs_cluster.main")));
    }

    @Test
    void mvRefusesAnOccupiedDestinationAndDifferentTypes() {
        writeCounted();
        long before = StateFixture.read(dir).serial();
        CliRun occupied = berth("state", "mv", "ecs_cluster.c[0]", "ecs_cluster.c[1]");
        assertEquals(1, occupied.exitCode(), occupied::toString);
        assertTrue(occupied.err().contains("there is already a resource instance at that address"), occupied::toString);
        CliRun types = berth("state", "mv", "ecs_cluster.c[0]", "ecs_service.c");
        assertEquals(1, types.exitCode(), types::toString);
        assertTrue(types.err().contains("resource types don't match"), types::toString);
        CliRun missing = berth("state", "mv", "ecs_cluster.x", "ecs_cluster.y");
        assertEquals(1, missing.exitCode(), missing::toString);
        assertTrue(missing.err().contains("no instance in the state matches ecs_cluster.x"), missing::toString);
        CliRun keyed = berth("state", "mv", "ecs_cluster.c", "ecs_cluster.d[0]");
        assertEquals(1, keyed.exitCode(), keyed::toString);
        assertTrue(keyed.err().contains("has 2 instances"), keyed::toString);
        assertEquals(before, StateFixture.read(dir).serial(), "nothing was committed");
    }
}
