package dev.berth.ecs.store;

import dev.berth.ecs.fake.Configs;
import dev.berth.ecs.fake.Harness;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.provider.ProviderRequests.ApplyRequest;
import dev.berth.engine.provider.ProviderRequests.ApplyResponse;
import dev.berth.engine.provider.ProviderRequests.FindRequest;
import dev.berth.engine.provider.ProviderRequests.FindResponse;
import dev.berth.engine.provider.ProviderRequests.PlanRequest;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.berth.ecs.fake.Configs.blocks;
import static dev.berth.ecs.fake.Configs.container;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a create made is found by the client token it carried, as long as it exists, and only
 * by that token; deleting the object forgets the token.
 */
class ClientTokenFindTest {
    private final Harness h = new Harness();

    private MapValue create(String type, MapValue config, String token) {
        ResourceInstanceAddr addr = ResourceInstanceAddr.of(type, "x");
        MapValue planned = h.provider.plan(new PlanRequest(addr, type, null, config)).planned();
        ApplyResponse r = h.provider.apply(new ApplyRequest(addr, type, null, planned, config, token));
        assertEquals(List.of(), Harness.errors(r.diagnostics()));
        return r.newState();
    }

    private FindResponse find(String type, String token) {
        return h.provider.find(new FindRequest(ResourceInstanceAddr.of(type, "x"), type, token));
    }

    private void delete(String type, MapValue state) {
        ApplyResponse r = h.provider.apply(new ApplyRequest(ResourceInstanceAddr.of(type, "x"), type, state, null, null));
        assertEquals(List.of(), Harness.errors(r.diagnostics()));
    }

    @Test
    void eachKindOfObjectIsFoundByItsTokenAndOnlyByIt() {
        MapValue cluster = create("ecs_cluster", Configs.cluster("prod"), "t-cluster");
        MapValue td = create("ecs_task_definition", Configs.taskDef("family", "web", "container",
                blocks(container("name", "web", "image", "busybox", "memory", 64))), "t-td");
        MapValue svc = create("ecs_service", Configs.service("web", str(cluster, "arn"), str(td, "arn"), 2), "t-svc");

        assertEquals(str(cluster, "arn"), str(find("ecs_cluster", "t-cluster").state(), "arn"));
        assertEquals(str(td, "arn"), str(find("ecs_task_definition", "t-td").state(), "arn"));
        MapValue found = find("ecs_service", "t-svc").state();
        assertEquals(str(svc, "arn"), str(found, "arn"));
        assertEquals(Value.of(2), found.get("desired_count"));
        assertNull(find("ecs_service", "t-cluster").state(), "a token names objects of its own type only");
        assertNull(find("ecs_service", "unknown").state());

        delete("ecs_service", svc);
        delete("ecs_task_definition", td);
        delete("ecs_cluster", cluster);
        assertNull(find("ecs_service", "t-svc").state());
        assertNull(find("ecs_task_definition", "t-td").state(), "a deregistered revision is not adopted");
        assertNull(find("ecs_cluster", "t-cluster").state());
        assertTrue(h.store.list(ClientTokens.TABLE).isEmpty(), "no token outlives its object");
    }

    @Test
    void aTokenRecordedForACreateThatMadeNothingFindsNothingAndIsForgotten() {
        new ClientTokens(h.store).record("arn:aws:ecs:local:000000000000:service/prod/ghost", "ecs_service", "t-ghost");
        assertNull(find("ecs_service", "t-ghost").state());
        assertTrue(h.store.list(ClientTokens.TABLE).isEmpty());
    }

    @Test
    void aServiceWhoseCreateWasCutShortIsFoundWithTheTasksItStarted() {
        MapValue cluster = create("ecs_cluster", Configs.cluster("prod"), null);
        MapValue td = create("ecs_task_definition", Configs.taskDef("family", "web", "container",
                blocks(container("name", "web", "image", "busybox", "memory", 64))), null);
        create("ecs_service", Configs.service("web", str(cluster, "arn"), str(td, "arn"), 3), "t-svc");
        FindResponse found = find("ecs_service", "t-svc");
        assertNotNull(found.state());
        assertEquals(Value.of(3), found.state().get("running_count"));
    }

    private static String str(MapValue m, String key) {
        return ((dev.berth.engine.value.StringValue) m.get(key).unmarked()).value();
    }
}
