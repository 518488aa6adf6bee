package dev.berth.cli.state;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.state.OutputState;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateChange;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.state.SqliteStateStore;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes and reads a real state file directly, so the state commands can be tested without Docker. */
final class StateFixture {
    static final String PROVIDER = "berth.dev/builtin/ecs";
    static final String SECRET = "s3cr3t-value";

    private StateFixture() {
    }

    static ResourceState resource(String addr, Map<String, Value> attrs, List<String> deps) {
        return new ResourceState(ResourceInstanceAddr.parse(addr).orElseThrow(), PROVIDER, 0, new MapValue(attrs),
                deps, false);
    }

    /** A cluster, a task definition with a sensitive attribute, and a service depending on both. */
    static void writeExample(Path dir) {
        commit(dir, "apply",
                new StateChange.PutResource(resource("ecs_cluster.main",
                        Map.of("id", Value.of("arn:cluster/main"), "name", Value.of("main")), List.of())),
                new StateChange.PutResource(resource("ecs_task_definition.web",
                        Map.of("id", Value.of("web:1"), "family", Value.of("web"),
                                "execution_role_arn", Value.sensitive(Value.of(SECRET))), List.of())),
                new StateChange.PutResource(resource("ecs_service.web",
                        Map.of("id", Value.of("arn:service/web"), "desired_count", Value.of(2)),
                        List.of("ecs_cluster.main", "ecs_task_definition.web"))),
                new StateChange.PutOutput(new OutputState("url", Value.of("http://127.0.0.1:1234/"), false)),
                new StateChange.PutOutput(new OutputState("token", Value.of(SECRET), true)));
    }

    static long commit(Path dir, String operation, StateChange... changes) {
        try (SqliteStateStore store = SqliteStateStore.open(dir.resolve("berth.db"))) {
            return store.commit(List.of(changes), operation);
        }
    }

    static StateSnapshot read(Path dir) {
        try (SqliteStateStore store = SqliteStateStore.open(dir.resolve("berth.db"))) {
            return store.read();
        }
    }

    static ResourceInstanceAddr addr(String text) {
        return ResourceInstanceAddr.parse(text).orElseThrow();
    }
}
