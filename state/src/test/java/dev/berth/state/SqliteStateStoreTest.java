package dev.berth.state;

import dev.berth.engine.addrs.InstanceKey;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.state.OutputState;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateChange;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.state.StateStoreException;
import dev.berth.engine.state.StateVersion;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static dev.berth.state.Fixtures.addr;
import static dev.berth.state.Fixtures.output;
import static dev.berth.state.Fixtures.put;
import static dev.berth.state.Fixtures.remove;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqliteStateStoreTest {

    @TempDir
    Path dir;

    private SqliteStateStore open() {
        return SqliteStateStore.open(dir.resolve("berth.db"));
    }

    @Test
    void aStateOfMoreObjectsThanOneDecodedChunkReadsWholeAndInOrder() {
        // The read decodes its rows a few thousand at a time as they come; 5,000 cross two chunks.
        List<StateChange> puts = new java.util.ArrayList<>();
        for (int i = 0; i < 5_000; i++) puts.add(put(String.format("s%05d", i), "image-" + i));
        try (SqliteStateStore s = open()) {
            s.commit(puts, "apply");
        }
        try (SqliteStateStore s = open()) {
            StateSnapshot snap = s.read();
            assertEquals(5_000, snap.resources().size());
            int i = 0;
            for (var e : snap.resources().entrySet()) {
                assertEquals(addr(String.format("s%05d", i)), e.getKey());
                assertEquals(dev.berth.engine.value.Value.of("image-" + i), e.getValue().attributes().get("image"));
                i++;
            }
        }
    }

    @Test
    void aNewFileIsEmptyAtSerialZeroWithAPersistedLineage() {
        String lineage;
        try (SqliteStateStore s = open()) {
            StateSnapshot snap = s.read();
            assertEquals(0, snap.serial());
            assertTrue(snap.isEmpty());
            assertNotNull(snap.lineage());
            lineage = snap.lineage();
            assertEquals(List.of(), s.history());
        }
        try (SqliteStateStore s = open()) {
            assertEquals(lineage, s.read().lineage());
        }
    }

    @Test
    void everyValueKindRoundTripsThroughCommitAndReopen() {
        MapValue attrs = Fixtures.everyKind();
        ResourceState r = new ResourceState(Fixtures.keyed("web", InstanceKey.of("blue \"x\"")), "ecs", 3, attrs,
                List.of("ecs_cluster.main", "ecs_task_definition.web"), true);
        ResourceState counted = new ResourceState(Fixtures.keyed("web", InstanceKey.of(2)), "ecs", 1,
                MapValue.EMPTY, List.of(), false);
        OutputState out = new OutputState("db_password", Value.sensitive(Value.of("s3cret")), true);
        OutputState plain = new OutputState("cpu", Value.of(new BigDecimal("0.25")), false);
        try (SqliteStateStore s = open()) {
            assertEquals(1, s.commit(List.of(new StateChange.PutResource(r), new StateChange.PutResource(counted),
                    new StateChange.PutOutput(out), new StateChange.PutOutput(plain)), "apply"));
        }
        try (SqliteStateStore s = open()) {
            StateSnapshot snap = s.read();
            assertEquals(1, snap.serial());
            assertEquals(r, snap.resources().get(r.addr()));
            assertEquals(counted, snap.resources().get(counted.addr()));
            assertEquals(Map.of("db_password", out, "cpu", plain), snap.outputs());
            assertEquals("256", ((MapValue) snap.resources().get(r.addr()).attributes()).get("int").toString());
            assertEquals("0.1", snap.resources().get(r.addr()).attributes().get("decimal").toString());
        }
    }

    @Test
    void serialsIncreaseByOnePerCommitAndChangesApply() {
        try (SqliteStateStore s = open()) {
            assertEquals(1, s.commit(List.of(put("a", "v1"), put("b", "v1")), "apply"));
            assertEquals(2, s.commit(List.of(put("a", "v2"), remove("b")), "apply"));
            assertEquals(3, s.commit(List.of(), "refresh"));
            StateSnapshot snap = s.read();
            assertEquals(3, snap.serial());
            assertEquals(List.of(addr("a")), List.copyOf(snap.resources().keySet()));
            assertEquals(Value.of("v2"), snap.resources().get(addr("a")).attributes().get("image"));
        }
    }

    @Test
    void historyKeepsEveryVersionAndReadAtRestoresEach() {
        try (SqliteStateStore s = open()) {
            s.commit(List.of(put("a", "v1"), output("url", Value.of("http://a"), false)), "apply");
            s.commit(List.of(put("a", "v2"), put("b", "v1")), "apply");
            // A key changed twice in one commit must still undo to its state before the commit.
            s.commit(List.of(remove("a"), put("a", "v3"), remove("b"),
                    output("url", Value.sensitive(Value.of("http://b")), true)), "apply");
            s.commit(List.of(remove("a"), new StateChange.RemoveOutput("url")), "destroy");

            List<StateVersion> h = s.history();
            assertEquals(List.of(1L, 2L, 3L, 4L), h.stream().map(StateVersion::serial).toList());
            assertEquals(List.of(2, 2, 4, 2), h.stream().map(StateVersion::changes).toList());
            assertEquals("destroy", h.get(3).operation());
            assertNotNull(h.get(0).created());

            StateSnapshot v1 = s.readAt(1);
            assertEquals(1, v1.serial());
            assertEquals(Map.of(addr("a"), Fixtures.resource("a", Map.of("image", Value.of("v1")))), v1.resources());
            assertEquals(Map.of("url", new OutputState("url", Value.of("http://a"), false)), v1.outputs());

            StateSnapshot v2 = s.readAt(2);
            assertEquals(List.of(addr("a"), addr("b")), List.copyOf(v2.resources().keySet()));
            assertEquals(Value.of("v2"), v2.resources().get(addr("a")).attributes().get("image"));

            StateSnapshot v3 = s.readAt(3);
            assertEquals(List.of(addr("a")), List.copyOf(v3.resources().keySet()));
            assertEquals(Value.of("v3"), v3.resources().get(addr("a")).attributes().get("image"));
            assertEquals(new OutputState("url", Value.sensitive(Value.of("http://b")), true), v3.outputs().get("url"));

            assertTrue(s.readAt(4).isEmpty());
            assertEquals(s.read(), s.readAt(4));
            assertEquals(s.read().lineage(), v1.lineage());
        }
    }

    @Test
    void readAtAnUnkeptSerialNamesTheKeptRange() {
        try (SqliteStateStore s = open()) {
            StateStoreException none = assertThrows(StateStoreException.class, () -> s.readAt(1));
            assertTrue(none.getMessage().contains("no state version 1"), none.getMessage());
            s.commit(List.of(put("a", "v1")), "apply");
            s.commit(List.of(put("a", "v2")), "apply");
            StateStoreException e = assertThrows(StateStoreException.class, () -> s.readAt(7));
            assertTrue(e.getMessage().startsWith("no state version 7"), e.getMessage());
            assertTrue(e.getMessage().endsWith("the kept versions are 1..2"), e.getMessage());
        }
    }

    @Test
    void anUnknownValueIsRefusedAndNothingIsWritten() {
        try (SqliteStateStore s = open()) {
            s.commit(List.of(put("a", "v1")), "apply");
            StateChange bad = new StateChange.PutResource(
                    Fixtures.resource("b", Map.of("arn", Value.unknown())));
            assertThrows(IllegalArgumentException.class, () -> s.commit(List.of(put("c", "v1"), bad), "apply"));
            assertEquals(1, s.read().serial());
            assertEquals(List.of(addr("a")), List.copyOf(s.read().resources().keySet()));
        }
    }

    @Test
    void aCommitWritesRowsInProportionToItsChangesNotToTheState() {
        try (SqliteStateStore s = open()) {
            long before = s.rowsWritten();
            s.commit(List.of(put("r0", "v")), "apply");
            long small = s.rowsWritten() - before;

            List<StateChange> many = new java.util.ArrayList<>();
            for (int i = 1; i <= 500; i++) many.add(put("r" + i, "v"));
            s.commit(many, "apply");

            before = s.rowsWritten();
            s.commit(List.of(put("r0", "v2")), "apply");
            long large = s.rowsWritten() - before;
            // A change row plus its history row, one history row and the serial per commit.
            assertEquals(4, small);
            assertEquals(small, large);

            before = s.rowsWritten();
            s.commit(List.of(put("x", "v"), put("y", "v"), remove("r1")), "apply");
            assertEquals(2 * 3 + 2, s.rowsWritten() - before);
        }
    }

    @Test
    void opensOnlyWhatItCanUseAndSaysWhyNamingTheFile() throws Exception {
        Path missingDir = dir.resolve("nope/berth.db");
        StateStoreException e = assertThrows(StateStoreException.class, () -> SqliteStateStore.open(missingDir));
        assertTrue(e.getMessage().startsWith("cannot open state file " + missingDir), e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());

        Path junk = dir.resolve("junk.db");
        Files.writeString(junk, "this is not a database, it is a shopping list: eggs, milk, flour, sugar....");
        StateStoreException notDb = assertThrows(StateStoreException.class, () -> SqliteStateStore.open(junk));
        assertTrue(notDb.getMessage().startsWith("cannot open state file " + junk + ": "), notDb.getMessage());
        assertTrue(notDb.getMessage().contains("not a berth state file"), notDb.getMessage());

        StateStoreException isDir = assertThrows(StateStoreException.class, () -> SqliteStateStore.open(dir));
        assertTrue(isDir.getMessage().endsWith("it is a directory"), isDir.getMessage());
    }

    @Test
    void aFileFromANewerBerthIsRefusedAndLeftUntouched() throws Exception {
        Path file = dir.resolve("berth.db");
        open().close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
        }
        StateStoreException e = assertThrows(StateStoreException.class, () -> SqliteStateStore.open(file));
        assertTrue(e.getMessage().startsWith("cannot open state file " + file + ": it was written by a newer berth"),
                e.getMessage());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT value FROM meta WHERE key = 'schema_version'")) {
            rs.next();
            assertEquals("99", rs.getString(1));
        }
    }

    @Test
    void reopeningAnUpToDateFileWritesNothing() throws Exception {
        Path file = dir.resolve("berth.db");
        open().close();
        try (SqliteStateStore s = open()) {
            assertEquals(0, s.rowsWritten());
        }
    }

    @Test
    void aClosedStoreRefusesWork() {
        SqliteStateStore s = open();
        s.close();
        s.close();
        StateStoreException e = assertThrows(StateStoreException.class, s::read);
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void resourceAddressesWithKeysSurviveAsKeys() {
        ResourceInstanceAddr a = Fixtures.keyed("web", InstanceKey.of("a\\b"));
        try (SqliteStateStore s = open()) {
            s.commit(List.of(new StateChange.PutResource(new ResourceState(a, "ecs", 1, MapValue.EMPTY,
                    List.of(), false))), "apply");
            assertEquals(List.of(a), List.copyOf(s.read().resources().keySet()));
        }
    }
}
