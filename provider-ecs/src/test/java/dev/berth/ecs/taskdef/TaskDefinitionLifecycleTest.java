package dev.berth.ecs.taskdef;

import dev.berth.ecs.fake.Harness;
import dev.berth.engine.provider.ProviderRequests.ImportRequest;
import dev.berth.engine.provider.ProviderRequests.ImportResponse;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.berth.ecs.fake.Configs.taskDef;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskDefinitionLifecycleTest {
    private static final String TYPE = "ecs_task_definition";
    private static final String JSON = "[{\"name\":\"web\",\"image\":\"nginx\",\"memory\":128}]";
    private final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void createRegistersRevisionOneWithArnAndId() {
        MapValue state = h.converge(TYPE, null, taskDef("container_definitions", JSON));
        assertEquals(Value.of(1), state.get("revision"));
        assertEquals(Value.of("arn:aws:ecs:local:000000000000:task-definition/web:1"), state.get("arn"));
        assertEquals(Value.of("arn:aws:ecs:local:000000000000:task-definition/web"), state.get("arn_without_revision"));
        assertEquals(Value.of("web:1"), state.get("id"));
        assertTrue(state.isWhollyKnown());
        String row = h.store.get("task_definitions", "arn:aws:ecs:local:000000000000:task-definition/web:1").orElseThrow();
        assertTrue(row.contains("\"status\":\"ACTIVE\""), row);
    }

    @Test
    void revisionsAreNeverReusedEvenAfterDeregistration() {
        MapValue config = taskDef("container_definitions", JSON);
        MapValue first = h.converge(TYPE, null, config);
        assertNull(h.apply(TYPE, first, null, config).newState());
        String row = h.store.get("task_definitions", "arn:aws:ecs:local:000000000000:task-definition/web:1")
                .orElseThrow();
        assertTrue(row.contains("\"status\":\"INACTIVE\""), "row kept for running tasks: " + row);
        assertNull(h.read(TYPE, first).state(), "a deregistered revision reads as gone");
        MapValue second = h.converge(TYPE, null, config);
        assertEquals(Value.of(2), second.get("revision"));
        MapValue other = h.converge(TYPE, null, config.with("family", Value.of("api")));
        assertEquals(Value.of(1), other.get("revision"), "each family counts on its own");
    }

    @Test
    void readRebuildsTheSameState() {
        MapValue state = h.converge(TYPE, null, taskDef("container_definitions", JSON, "memory", "1 GB"));
        assertEquals(state, h.read(TYPE, state).state());
    }

    @Test
    void readCanonicalisesContainersTheStateHoldsInAnotherForm() {
        MapValue state = h.converge(TYPE, null, taskDef("container_definitions", JSON));
        // Same containers, other key order and no defaults: a refresh answers with the canonical text.
        MapValue otherForm = state.with("container_definitions",
                Value.of("[{\"memory\":128,\"image\":\"nginx\",\"name\":\"web\"}]"));
        assertEquals(state, h.read(TYPE, otherForm).state());
    }

    @Test
    void readSeesContainersChangedInTheRegistryBehindTheState() {
        MapValue state = h.converge(TYPE, null, taskDef("container_definitions", JSON));
        String arn = "arn:aws:ecs:local:000000000000:task-definition/web:1";
        String row = h.store.get("task_definitions", arn).orElseThrow();
        assertTrue(row.contains("nginx"), row);
        h.store.put("task_definitions", arn, row.replace("nginx", "httpd"));
        String read = h.read(TYPE, state).state().get("container_definitions").toString();
        assertTrue(read.contains("httpd") && !read.contains("nginx"), read);
    }

    @Test
    void importByFamilyRevisionOrArnThenPlanShowsNoChange() {
        MapValue config = taskDef("container_definitions", JSON);
        MapValue state = h.converge(TYPE, null, config);
        for (String id : List.of("web:1", "arn:aws:ecs:local:000000000000:task-definition/web:1", "web")) {
            ImportResponse imp = h.provider.importState(new ImportRequest(ResourceInstanceAddr.of(TYPE, "x"), TYPE, id));
            assertEquals(state, imp.state(), id);
        }
        PlanResponse p = h.plan(TYPE, state, config);
        assertEquals(state, p.planned());
        ImportResponse missing = h.provider.importState(new ImportRequest(ResourceInstanceAddr.of(TYPE, "x"), TYPE, "web:9"));
        assertNull(missing.state());
        assertEquals(1, Harness.errors(missing.diagnostics()).size());
    }

    @Test
    void anyTaskLevelChangeForcesANewRevision() {
        MapValue config = taskDef("container_definitions", JSON, "memory", "512");
        MapValue state = h.converge(TYPE, null, config);
        PlanResponse p = h.plan(TYPE, state, config.with("memory", Value.of("1024"))
                .with("task_role_arn", Value.of("arn:aws:iam::000000000000:role/x")));
        assertEquals(List.of(List.of("memory"), List.of("task_role_arn")), h.replacePaths(TYPE, state, p));
    }

    @Test
    void tagsChangeInPlaceAndReadBack() {
        MapValue config = taskDef("container_definitions", JSON, "tags", java.util.Map.of("team", "web"));
        MapValue state = h.converge(TYPE, null, config);
        assertEquals(state, h.read(TYPE, state).state(), "tags read back as written");
        MapValue retagged = config.with("tags", Harness.value(java.util.Map.of("team", "api", "tier", "1")));
        PlanResponse plan = h.plan(TYPE, state, retagged);
        assertEquals(Value.of(1), plan.planned().get("revision"), "a tag change keeps the revision");
        MapValue after = h.apply(TYPE, state, plan.planned(), retagged).newState();
        MapValue read = h.read(TYPE, after).state();
        assertEquals(Harness.value(java.util.Map.of("team", "api", "tier", "1")), read.get("tags"));
        assertEquals(Value.of(1), read.get("revision"));
    }
}
