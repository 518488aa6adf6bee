package dev.berth.state;

import dev.berth.engine.addrs.InstanceKey;
import dev.berth.engine.state.DeposedObject;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateChange;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static dev.berth.state.Fixtures.addr;
import static dev.berth.state.Fixtures.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Objects set aside by create_before_destroy are kept, versioned and restorable like any other row. */
class DeposedObjectsTest {

    @TempDir
    Path dir;

    private SqliteStateStore open() {
        return SqliteStateStore.open(dir.resolve("berth.db"));
    }

    private static DeposedObject deposed(String key, ResourceState rs) {
        return new DeposedObject(key, rs);
    }

    @Test
    void aDeposedObjectSurvivesReopenBesideTheCurrentOneAndHistoryRestoresEachStep() {
        ResourceState old = Fixtures.resource("a", Map.of("image", Value.of("v1"), "secret",
                Value.sensitive(Value.of("s3cret"))));
        ResourceState keyedOld = new ResourceState(Fixtures.keyed("web", InstanceKey.of("blue green")), "ecs", 1,
                old.attributes(), List.of("ecs_cluster.main"), true);
        try (SqliteStateStore s = open()) {
            s.commit(List.of(new StateChange.PutResource(old), new StateChange.PutResource(keyedOld)), "apply");
            s.commit(List.of(new StateChange.RemoveResource(old.addr()),
                    new StateChange.PutDeposed(deposed("1a2b3c4d", old)),
                    new StateChange.PutDeposed(deposed("00ff00ff", keyedOld))), "apply");
            s.commit(List.of(put("a", "v2")), "apply");
        }
        try (SqliteStateStore s = open()) {
            StateSnapshot now = s.read();
            assertEquals(List.of(deposed("1a2b3c4d", old), deposed("00ff00ff", keyedOld)), now.deposed());
            assertEquals(Value.of("v2"), now.resources().get(addr("a")).attributes().get("image"));

            s.commit(List.of(new StateChange.RemoveDeposed(old.addr(), "1a2b3c4d")), "apply");
            assertEquals(List.of(deposed("00ff00ff", keyedOld)), s.read().deposed());

            assertEquals(List.of(), s.readAt(1).deposed());
            assertEquals(old, s.readAt(1).resources().get(old.addr()));
            assertEquals(2, s.readAt(2).deposed().size());
            assertTrue(s.readAt(2).resources().get(old.addr()) == null, "deposed, not current, at serial 2");
            assertEquals(2, s.readAt(3).deposed().size());
            assertEquals(1, s.readAt(4).deposed().size());
        }
    }

    @Test
    void aFileWrittenBeforeDeposedObjectsExistedIsMigratedWithItsHistory() throws Exception {
        Path file = dir.resolve("berth.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            // Schema version 1 exactly as released, with two versions of one resource in it.
            st.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            st.execute("CREATE TABLE resources(addr TEXT PRIMARY KEY, provider TEXT NOT NULL,"
                    + " schema_version INTEGER NOT NULL, attributes_json TEXT NOT NULL,"
                    + " sensitive_paths_json TEXT NOT NULL, dependencies_json TEXT NOT NULL, tainted INTEGER NOT NULL)");
            st.execute("CREATE TABLE outputs(name TEXT PRIMARY KEY, value_json TEXT NOT NULL,"
                    + " sensitive_paths_json TEXT NOT NULL, sensitive INTEGER NOT NULL)");
            st.execute("CREATE TABLE history(serial INTEGER PRIMARY KEY, created TEXT NOT NULL,"
                    + " operation TEXT NOT NULL, change_count INTEGER NOT NULL)");
            st.execute("CREATE TABLE history_changes(serial INTEGER NOT NULL, seq INTEGER NOT NULL,"
                    + " kind TEXT NOT NULL CHECK (kind IN ('resource', 'output')), key TEXT NOT NULL,"
                    + " old_json TEXT, PRIMARY KEY (serial, seq)) WITHOUT ROWID");
            st.execute("CREATE TABLE run_lock(slot INTEGER PRIMARY KEY CHECK (slot = 1), id TEXT NOT NULL,"
                    + " operation TEXT NOT NULL, who TEXT NOT NULL, created TEXT NOT NULL)");
            st.execute("CREATE TABLE provider_kv(provider TEXT NOT NULL, tbl TEXT NOT NULL, key TEXT NOT NULL,"
                    + " json TEXT NOT NULL, PRIMARY KEY (provider, tbl, key)) WITHOUT ROWID");
            st.execute("CREATE TABLE provider_counters(provider TEXT NOT NULL, name TEXT NOT NULL,"
                    + " value INTEGER NOT NULL, PRIMARY KEY (provider, name)) WITHOUT ROWID");
            st.execute("INSERT INTO meta VALUES ('schema_version', '1'), ('lineage', 'old-file'), ('serial', '2')");
            st.execute("INSERT INTO resources VALUES ('ecs_service.a', 'ecs', 0, '{\"image\":\"v2\"}', '[]', '[]', 0)");
            st.execute("INSERT INTO history VALUES (1, '2026-11-01T00:00:00Z', 'apply', 1),"
                    + " (2, '2026-11-02T00:00:00Z', 'apply', 1)");
            st.execute("INSERT INTO history_changes VALUES (1, 0, 'resource', 'ecs_service.a', NULL),"
                    + " (2, 0, 'resource', 'ecs_service.a', '{\"provider\":\"ecs\",\"schema_version\":0,"
                    + "\"attributes\":{\"image\":\"v1\"},\"sensitive_attributes\":[],\"dependencies\":[],"
                    + "\"tainted\":false}')");
        }
        try (SqliteStateStore s = open()) {
            assertEquals("old-file", s.read().lineage());
            assertEquals(Value.of("v2"), s.read().resources().get(addr("a")).attributes().get("image"));
            assertEquals(Value.of("v1"), s.readAt(1).resources().get(addr("a")).attributes().get("image"));
            ResourceState a = s.read().resources().get(addr("a"));
            s.commit(List.of(new StateChange.RemoveResource(a.addr()), new StateChange.PutDeposed(deposed("cafef00d", a))),
                    "apply");
            assertEquals(List.of(deposed("cafef00d", a)), s.read().deposed());
            assertEquals(a, s.readAt(2).resources().get(a.addr()));
            assertEquals(List.of(), s.readAt(2).deposed());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT value FROM meta WHERE key = 'schema_version'")) {
            assertTrue(rs.next());
            assertEquals(String.valueOf(Schema.LATEST), rs.getString(1));
        }
    }
}
