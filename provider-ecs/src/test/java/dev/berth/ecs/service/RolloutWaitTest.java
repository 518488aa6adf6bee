package dev.berth.ecs.service;

import dev.berth.ecs.EcsProvider;
import dev.berth.ecs.control.ControlPlane;
import dev.berth.ecs.control.Rollouts;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.provider.ProviderRequests.ApplyRequest;
import dev.berth.engine.provider.ProviderRequests.ApplyResponse;
import dev.berth.engine.provider.ProviderRequests.PlanRequest;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.berth.ecs.fake.Configs.service;
import static dev.berth.ecs.fake.Harness.errors;
import static dev.berth.ecs.service.ServiceFixture.SERVICE;
import static dev.berth.ecs.service.ServiceFixture.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ecs_service against a control plane that deploys behind the call (berth server's kind): apply
 * waits for the rollout through DescribeServices, as terraform-provider-aws's
 * wait_for_steady_state does, records what then runs, and reports a FAILED rollout as an error
 * carrying the reason.
 */
class RolloutWaitTest {
    private final ServiceFixture f = new ServiceFixture();
    private final Rollouts rollouts = Rollouts.behindTheCall();
    private final ControlPlane server = new ControlPlane(f.h.store, host -> f.h.runtime, rollouts);
    private final ExecutorService loop = Executors.newSingleThreadExecutor();
    private final EcsProvider client = EcsProvider.remote(server, "http://test");
    private final ResourceInstanceAddr addr = ResourceInstanceAddr.of(SERVICE, "web");

    RolloutWaitTest() {
        // The service loop: rolls each requested deployment out a moment after the call answered.
        rollouts.whenRequested(arn -> loop.submit(() -> {
            Thread.sleep(300);
            server.rollOut(arn);
            return null;
        }));
    }

    @AfterEach
    void close() {
        loop.shutdownNow();
        f.h.close();
    }

    private ApplyResponse apply(MapValue config) {
        PlanResponse plan = client.plan(new PlanRequest(addr, SERVICE, null, config));
        assertEquals(List.of(), errors(plan.diagnostics()));
        return client.apply(new ApplyRequest(addr, SERVICE, null, plan.planned(), config));
    }

    @Test
    void applyWaitsForTheRolloutAndRecordsWhatRuns() {
        String td = str(f.taskDef("nginx").get("arn"));
        ApplyResponse r = apply(service("api", f.clusterArn, td, 2));
        assertEquals(List.of(), errors(r.diagnostics()));
        assertEquals(Value.of(2), r.newState().get("running_count"));
        assertEquals(4, f.h.runtime.containerCount(), "two tasks of two containers each");
    }

    @Test
    void aFailedRolloutIsAnErrorWithItsReason() {
        f.h.runtime.missingImages.add("no-such-image");
        String td = str(f.taskDef("no-such-image").get("arn"));
        ApplyResponse r = apply(service("api", f.clusterArn, td, 1));
        List<String> errors = errors(r.diagnostics());
        assertTrue(!errors.isEmpty() && errors.stream().anyMatch(e -> e.contains("no-such-image")), errors::toString);
    }
}
