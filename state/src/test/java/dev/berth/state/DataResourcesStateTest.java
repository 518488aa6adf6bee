package dev.berth.state;

import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateChange;
import dev.berth.engine.state.StateDiff;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A data resource and a managed resource may share type and name; the file keeps them apart by
 * the address (data.TYPE.NAME), in the table, in the history and through a rollback. The
 * address column already holds the mode, so no migration is needed.
 */
class DataResourcesStateTest {
    static final ResourceInstanceAddr DATA = ResourceAddr.data("ecs_cluster", "main").instance(
            dev.berth.engine.addrs.InstanceKey.NONE);
    static final ResourceInstanceAddr MANAGED = ResourceInstanceAddr.of("ecs_cluster", "main");

    @TempDir
    Path dir;

    static ResourceState state(ResourceInstanceAddr addr, String name) {
        return new ResourceState(addr, "ecs", 0, new MapValue(Map.of("name", Value.of(name),
                "token", Value.sensitive(Value.of("t-" + name)))), List.of(), false);
    }

    @Test
    void dataAndManagedResourcesOfOneTypeAndNameAreKeptApartAcrossReopenHistoryAndRollback() {
        Path file = dir.resolve("berth.db");
        long first;
        try (SqliteStateStore store = SqliteStateStore.open(file)) {
            first = store.commit(List.of(new StateChange.PutResource(state(DATA, "read")),
                    new StateChange.PutResource(state(MANAGED, "made"))), "apply");
            store.commit(List.of(new StateChange.RemoveResource(DATA)), "apply");
        }
        try (SqliteStateStore store = SqliteStateStore.open(file)) {
            StateSnapshot now = store.read();
            assertEquals(List.of(MANAGED), List.copyOf(now.resources().keySet()));

            StateSnapshot then = store.readAt(first);
            assertEquals(List.of(DATA, MANAGED), List.copyOf(then.resources().keySet()));
            assertTrue(then.resource(DATA).orElseThrow().addr().isData());
            assertEquals(Value.of("read"), then.resource(DATA).orElseThrow().attributes().get("name"));

            StateDiff back = StateDiff.between(now, then);
            store.commit(back.changes(), "rollback to " + first);
            ResourceState restored = store.read().resource(DATA).orElseThrow();
            assertEquals(state(DATA, "read"), restored);
            assertTrue(restored.attributes().get("token") instanceof dev.berth.engine.value.SensitiveValue);
        }
    }
}
