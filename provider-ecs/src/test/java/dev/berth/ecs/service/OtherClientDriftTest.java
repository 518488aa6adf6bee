package dev.berth.ecs.service;

import dev.berth.ecs.api.ServiceCalls.CreateServiceRequest;
import dev.berth.ecs.api.ServiceCalls.DeleteServiceRequest;
import dev.berth.ecs.api.ServiceCalls.UpdateServiceRequest;
import dev.berth.ecs.control.ControlPlane;
import dev.berth.engine.provider.ProviderRequests.ApplyResponse;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.berth.ecs.fake.Configs.service;
import static dev.berth.ecs.fake.Harness.errors;
import static dev.berth.ecs.service.ServiceFixture.SERVICE;
import static dev.berth.ecs.service.ServiceFixture.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ecs_service} is one client of the control plane among others: what another client
 * (berth ecs, the AWS CLI through berth server) changes is read back as drift, and a create the
 * world already has is refused as ECS refuses it.
 */
class OtherClientDriftTest {
    private final ServiceFixture f = new ServiceFixture();
    private final String td = str(f.taskDef("nginx").get("arn"));
    private final ControlPlane other = new ControlPlane(f.h.store, host -> f.h.runtime);

    @AfterEach
    void close() {
        f.h.close();
    }

    @Test
    void aDesiredCountSetByAnotherClientIsDriftThatTheNextApplyUndoes() {
        MapValue config = service("api", f.clusterArn, td, 2);
        MapValue state = f.h.converge(SERVICE, null, config);
        other.updateService(new UpdateServiceRequest("prod", "api", 3, null, null, null, null, null));
        assertEquals(3, f.h.runtime.containerCount() / 2, "the other client's change ran");

        MapValue read = f.h.read(SERVICE, state).state();
        assertEquals(Value.of(3), read.get("desired_count"));
        PlanResponse plan = f.h.plan(SERVICE, read, config);
        assertEquals(Value.of(2), plan.planned().get("desired_count"));
        ApplyResponse back = f.h.apply(SERVICE, read, plan.planned(), config);
        assertEquals(java.util.List.of(), errors(back.diagnostics()));
        assertEquals(Value.of(2), back.newState().get("running_count"));
    }

    @Test
    void anApplyOfTheStoredStateReplacesATaskTheAgentRecordedStopped() {
        MapValue state = f.h.converge(SERVICE, null, service("api", f.clusterArn, td, 2));
        String victim = firstTask(state);
        f.h.runtime.kill(victim);
        // As the agent does on the die event: the row says STOPPED, then the stored state is applied again.
        String row = f.h.store.get("tasks", victim).orElseThrow();
        f.h.store.put("tasks", victim, row.replace("\"status\":\"RUNNING\"", "\"status\":\"STOPPED\""));
        ApplyResponse r = f.h.apply(SERVICE, state, state, state);
        assertEquals(java.util.List.of(), errors(r.diagnostics()));
        assertEquals(Value.of(2), r.newState().get("running_count"));
        assertNotEquals(victim, firstTask(r.newState()));
    }

    private static String firstTask(MapValue state) {
        return str(((MapValue) ((dev.berth.engine.value.ListValue) state.get("tasks")).items().get(0)).get("arn"));
    }

    @Test
    void aServiceDeletedByAnotherClientReadsAsGone() {
        MapValue state = f.h.converge(SERVICE, null, service("api", f.clusterArn, td, 1));
        other.deleteService(new DeleteServiceRequest("prod", "api", true));
        assertNull(f.h.read(SERVICE, state).state());
    }

    @Test
    void aRevisionSetByAnotherClientIsDrift() {
        MapValue state = f.h.converge(SERVICE, null, service("api", f.clusterArn, td, 1));
        String td2 = str(f.taskDef("httpd").get("arn"));
        other.updateService(new UpdateServiceRequest("prod", "api", null, td2, null, null, null, null));
        assertEquals(Value.of(td2), f.h.read(SERVICE, state).state().get("task_definition"));
        // Unchanged elsewhere, the revision keeps the spelling the configuration gave it.
        MapValue again = f.h.converge(SERVICE, state, service("api", f.clusterArn, td, 1));
        assertEquals(Value.of(td), f.h.read(SERVICE, again).state().get("task_definition"));
    }

    @Test
    void creatingOverAServiceAnotherClientMadeIsRefusedAsEcsRefusesIt() {
        other.createService(new CreateServiceRequest("prod", "api", td, 1, "theirs", "FARGATE", null, null, null,
                null, null));
        ApplyResponse r = f.h.apply(SERVICE, null, service("api", f.clusterArn, td, 1), service("api", f.clusterArn, td, 1));
        assertNull(r.newState());
        assertTrue(errors(r.diagnostics()).get(0).contains("Creation of service was not idempotent."),
                r.diagnostics().toString());
        assertNotEquals(0, f.h.runtime.containerCount());
    }
}
