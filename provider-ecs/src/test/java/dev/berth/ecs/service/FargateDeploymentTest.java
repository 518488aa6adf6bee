package dev.berth.ecs.service;

import dev.berth.engine.provider.ProviderRequests.ApplyResponse;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.berth.ecs.fake.Configs.service;
import static dev.berth.ecs.fake.Harness.errors;
import static dev.berth.ecs.fake.Harness.obj;
import static dev.berth.ecs.service.ServiceFixture.SERVICE;
import static dev.berth.ecs.service.ServiceFixture.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FARGATE services deploy through the same reconciler and rollout as EC2 services: the
 * deployment bounds, the circuit breaker's rollback and force_new_deployment apply to them too.
 */
class FargateDeploymentTest {
    private final ServiceFixture f = new ServiceFixture();
    private final String td1 = str(f.taskDef("nginx").get("arn"));

    @AfterEach
    void close() {
        f.h.close();
    }

    private MapValue config(String td, int desired, Object... extra) {
        MapValue base = service("api", f.clusterArn, td, desired);
        MapValue o = obj(extra);
        for (var e : o.entries().entrySet()) base = base.with(e.getKey(), e.getValue());
        return base;
    }

    @Test
    void aMaximumOf100PercentStopsOldTasksBeforeStartingNewOnes() {
        Object[] bounds = {"deployment_minimum_healthy_percent", 50, "deployment_maximum_percent", 100};
        MapValue state = f.h.converge(SERVICE, null, config(td1, 2, bounds));
        String td2 = str(f.taskDef("nginx:2").get("arn"));
        f.h.runtime.events.clear();
        f.h.converge(SERVICE, state, config(td2, 2, bounds));
        List<String> events = f.h.runtime.events;
        assertTrue(events.get(0).startsWith("stop "), "one old task stops first, within 50%: " + events);
        assertEquals("start nginx:2", events.get(1), events.toString());
    }

    @Test
    void theCircuitBreakerRollsAFargateServiceBackToItsLastSteadyRevision() {
        Object[] breaker = {"deployment_circuit_breaker", List.of(obj("enable", true, "rollback", true))};
        MapValue state = f.h.converge(SERVICE, null, config(td1, 1, breaker));
        String td2 = str(f.taskDef("ghost:1").get("arn"));
        f.h.runtime.missingImages.add("ghost:1");
        MapValue next = config(td2, 1, breaker);
        ApplyResponse applied = f.h.apply(SERVICE, state, f.h.plan(SERVICE, state, next).planned(), next);
        assertEquals(List.of("Deployment of " + td2 + " failed: the circuit breaker tripped and the service rolled back to "
                + td1 + "."), errors(applied.diagnostics()));
        assertEquals(Value.of(td1), applied.newState().get("task_definition"));
        assertEquals(Value.of(1), applied.newState().get("running_count"));
        // Read back through the control plane, the service still runs the revision it returned to,
        // so the next plan offers the new one again.
        assertEquals(Value.of(td1), f.h.read(SERVICE, applied.newState()).state().get("task_definition"));
        assertEquals(Value.of(td2), f.h.plan(SERVICE, applied.newState(), next).planned().get("task_definition"));
    }

    @Test
    void forceNewDeploymentReplacesEveryRunningTask() {
        MapValue state = f.h.converge(SERVICE, null, config(td1, 1));
        String before = taskArn(state);
        MapValue forced = f.h.converge(SERVICE, state, config(td1, 1, "force_new_deployment", true));
        assertNotEquals(before, taskArn(forced));
        assertEquals(Value.of(1), forced.get("running_count"));
    }

    private static String taskArn(MapValue state) {
        return str(((MapValue) ((dev.berth.engine.value.ListValue) state.get("tasks")).items().get(0)).get("arn"));
    }
}
