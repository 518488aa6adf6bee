package dev.berth.ecs.cluster;

import dev.berth.ecs.fake.Harness;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.provider.ProviderRequests.ImportRequest;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.berth.ecs.fake.Configs.cluster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterResourceTest {
    private static final String TYPE = "ecs_cluster";
    private static final String ARN = "arn:aws:ecs:local:000000000000:cluster/prod";
    private final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void createMakesALabelledNetworkAndRecordsTheCluster() {
        MapValue state = h.converge(TYPE, null, cluster("prod"));
        assertEquals(Value.of(ARN), state.get("arn"));
        assertEquals(Value.of(ARN), state.get("id"));
        assertEquals(Map.of("dev.berth.cluster", ARN), h.runtime.networks.get("berth-prod"));
        assertTrue(h.store.get("clusters", ARN).orElseThrow().contains("\"network\":\"berth-prod\""));
        assertEquals(state, h.read(TYPE, state).state());
        assertEquals(state, h.plan(TYPE, state, cluster("prod")).planned());
    }

    @Test
    void renamingReplacesAndTagsUpdateInPlace() {
        MapValue state = h.converge(TYPE, null, cluster("prod"));
        assertEquals(List.of(List.of("name")), h.replacePaths(TYPE, state, cluster("dev")));
        MapValue tagged = cluster("prod").with("tags", Harness.value(Map.of("team", "core")));
        PlanResponse p = h.plan(TYPE, state, tagged);
        assertEquals(List.of(), h.replacePaths(TYPE, state, p));
        MapValue updated = h.converge(TYPE, state, tagged);
        assertEquals(updated, h.read(TYPE, updated).state());
    }

    @Test
    void aMissingNetworkReadsAsGoneSoTheEnginePlansACreate() {
        MapValue state = h.converge(TYPE, null, cluster("prod"));
        h.runtime.networks.remove("berth-prod");
        assertNull(h.read(TYPE, state).state());
    }

    @Test
    void aNetworkInUseBlocksDeletionWithAClearError() {
        MapValue state = h.converge(TYPE, null, cluster("prod"));
        h.runtime.startTask(new dev.berth.ecs.runtime.TaskLaunch("t", "berth-prod", "bridge", Map.of(), List.of(
                new dev.berth.ecs.runtime.ContainerLaunch("c", "busybox", null, 16, null, List.of(), Map.of(),
                        null, null, true))));
        var resp = h.apply(TYPE, state, null, cluster("prod"));
        assertEquals(List.of("Cannot delete cluster \"prod\": Network berth-prod is still used by containers."),
                Harness.errors(resp.diagnostics()));
        assertEquals(state, resp.newState());
    }

    @Test
    void importByNameOrArnAndInvalidNames() {
        MapValue state = h.converge(TYPE, null, cluster("prod"));
        for (String id : List.of("prod", ARN)) {
            assertEquals(state, h.provider.importState(new ImportRequest(ResourceInstanceAddr.of(TYPE, "x"), TYPE, id))
                    .state());
        }
        assertNull(h.provider.importState(new ImportRequest(ResourceInstanceAddr.of(TYPE, "x"), TYPE, "nope")).state());
        assertEquals(List.of(List.of("name")), h.validate(TYPE, cluster("bad name")).stream()
                .map(d -> d.path()).toList());
    }
}
