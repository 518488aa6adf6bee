package dev.berth.cli.state;

import dev.berth.cli.CliRun;
import dev.berth.engine.state.LockInfo;
import dev.berth.engine.state.StateChange;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.state.StateVersion;
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

/** state history and state rollback: rollback adds a version and never rewrites history. */
class StateHistoryCommandsTest {
    @TempDir
    Path dir;

    private CliRun berth(String... args) {
        return CliRun.in(dir, args);
    }

    private List<StateVersion> history() {
        try (SqliteStateStore store = SqliteStateStore.open(dir.resolve("berth.db"))) {
            return store.history();
        }
    }

    /** Serial 1: the example; 2: the service removed; 3: the cluster's name changed. */
    private void writeThreeVersions() {
        StateFixture.writeExample(dir);
        StateFixture.commit(dir, "state rm", new StateChange.RemoveResource(addr("ecs_service.web")));
        StateFixture.commit(dir, "apply", new StateChange.PutResource(StateFixture.resource("ecs_cluster.main",
                Map.of("id", Value.of("arn:cluster/main"), "name", Value.of("renamed")), List.of())));
    }

    @Test
    void historyListsEveryVersionAligned() {
        writeThreeVersions();
        CliRun r = berth("state", "history");
        assertEquals(0, r.exitCode(), r::toString);
        String[] lines = r.out().split("\n");
        assertEquals(4, lines.length, r::toString);
        assertEquals("serial  created               operation  changes", lines[0]);
        assertTrue(lines[1].matches(" {5}1  \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ  apply {12}5"), lines[1]);
        assertTrue(lines[2].matches(" {5}2  \\S{20}  state rm {9}1"), lines[2]);
        int operationColumn = lines[0].indexOf("operation");
        for (int i = 1; i < lines.length; i++) {
            assertFalse(Character.isWhitespace(lines[i].charAt(operationColumn)), "operation column aligned: " + r);
        }
    }

    @Test
    void rollbackRestoresAnOldVersionAsANewOne() {
        writeThreeVersions();
        StateSnapshot target;
        try (SqliteStateStore store = SqliteStateStore.open(dir.resolve("berth.db"))) {
            target = store.readAt(1);
        }
        CliRun r = berth("state", "rollback", "1");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("  + ecs_service.web (added back)\n"), r::toString);
        assertTrue(r.out().contains("  ~ ecs_cluster.main (changed back)\n"), r::toString);
        assertTrue(r.out().contains("Rolled back to serial 1 as new serial 4: 1 added, 1 changed, 0 removed."), r::toString);

        StateSnapshot now = StateFixture.read(dir);
        assertEquals(4, now.serial());
        assertEquals(target.resources(), now.resources(), "every instance is as it was at serial 1, secrets included");
        assertEquals(target.outputs(), now.outputs());
        List<StateVersion> versions = history();
        assertEquals(List.of(1L, 2L, 3L, 4L), versions.stream().map(StateVersion::serial).toList());
        assertEquals("rollback to 1", versions.get(3).operation());
        assertEquals(2, versions.get(3).changes());
    }

    @Test
    void aRollbackCanItselfBeRolledBack() {
        writeThreeVersions();
        StateSnapshot latest = StateFixture.read(dir);
        assertEquals(0, berth("state", "rollback", "1").exitCode());
        CliRun r = berth("state", "rollback", "3");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("  - ecs_service.web (removed)\n"), r::toString);
        assertEquals(latest.resources(), StateFixture.read(dir).resources());
        assertEquals(5, StateFixture.read(dir).serial());
    }

    @Test
    void rollbackRefusesAnUnknownSerial() {
        writeThreeVersions();
        CliRun r = berth("state", "rollback", "9");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("No state version 9: the kept versions are 1..3"), r::toString);
        assertEquals(3, StateFixture.read(dir).serial(), "nothing was committed");
    }

    @Test
    void rollbackToTheCurrentVersionChangesNothing() {
        writeThreeVersions();
        CliRun r = berth("state", "rollback", "3");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("already matches serial 3"), r::toString);
        assertEquals(3, StateFixture.read(dir).serial());
    }

    @Test
    void rollbackRespectsTheRunLock() {
        writeThreeVersions();
        try (SqliteStateStore store = SqliteStateStore.open(dir.resolve("berth.db"))) {
            store.lock(new LockInfo("busy", "apply", "bob@host", Instant.now()), Duration.ZERO);
        }
        CliRun r = berth("state", "rollback", "1");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("locked by bob@host"), r::toString);
        assertEquals(3, StateFixture.read(dir).serial());
    }
}
