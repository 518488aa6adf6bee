package dev.berth.ecs.service;

import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.provider.ProviderRequests.ReadResponse;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.berth.ecs.fake.Configs.service;
import static dev.berth.ecs.service.ServiceFixture.SERVICE;
import static dev.berth.ecs.service.ServiceFixture.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Drift as the provider reads it from a (fake) engine whose list call has no limits. */
class ServiceDriftTest {
    private final ServiceFixture f = new ServiceFixture();
    private final String td = str(f.taskDef("nginx").get("arn"));

    @AfterEach
    void close() {
        f.h.close();
    }

    private static MapValue firstContainer(MapValue state) {
        MapValue task = (MapValue) dev.berth.ecs.value.Attrs.items(state, "tasks").get(0);
        return (MapValue) dev.berth.ecs.value.Attrs.items(task, "containers").get(0);
    }

    private static String taskArn(MapValue state) {
        return str(((MapValue) dev.berth.ecs.value.Attrs.items(state, "tasks").get(0)).get("arn"));
    }

    @Test
    void parallelReadsOfManyServicesShareOneListingAndInspectEachContainerOnce() throws Exception {
        List<MapValue> states = new ArrayList<>();
        for (int i = 0; i < 20; i++) states.add(f.h.converge(SERVICE, null, service("s" + i, f.clusterArn, td, 1)));
        int lists = f.h.runtime.listCalls.get(), inspects = f.h.runtime.inspectCalls.get();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ReadResponse>> reads = new ArrayList<>();
            for (MapValue s : states) reads.add(pool.submit(() -> f.h.read(SERVICE, s)));
            for (int i = 0; i < reads.size(); i++) assertEquals(states.get(i), reads.get(i).get().state(), "no drift");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(lists + 1, f.h.runtime.listCalls.get(), "one listing for the whole refresh");
        assertEquals(inspects + f.h.runtime.containerCount(), f.h.runtime.inspectCalls.get(),
                "every container is inspected once, whatever the number of services reading it");
    }

    @Test
    void anApplyInvalidatesTheSharedListing() {
        MapValue state = f.h.converge(SERVICE, null, service("api", f.clusterArn, td, 1));
        f.h.read(SERVICE, state);
        f.h.runtime.updateCpuShares(taskArn(state), 512);
        f.h.converge(SERVICE, state, service("other", f.clusterArn, td, 1));
        assertEquals(Value.of(512), firstContainer(f.h.read(SERVICE, state).state()).get("cpu_shares"),
                "the read after an apply lists again");
    }

    @Test
    void anUpdatedContainerIsInspectedAndPlannedBackToItsDefinition() {
        MapValue config = service("api", f.clusterArn, td, 1);
        MapValue state = f.h.converge(SERVICE, null, config);
        MapValue other = f.h.converge(SERVICE, null, service("other", f.clusterArn, td, 1));
        f.h.runtime.updateCpuShares(taskArn(state), 512);
        MapValue read = f.h.read(SERVICE, state).state();
        assertEquals(other, f.h.read(SERVICE, other).state());
        assertEquals(Value.of(512), firstContainer(read).get("cpu_shares"));

        PlanResponse plan = f.h.plan(SERVICE, read, config);
        assertEquals(Value.of(2), firstContainer(plan.planned()).get("cpu_shares"), "cpu 1 runs as Docker's minimum 2");
        MapValue applied = f.h.converge(SERVICE, read, config);
        assertNotEquals(taskArn(state), taskArn(applied), "the drifted task was replaced");
        assertEquals(applied, f.h.plan(SERVICE, f.h.read(SERVICE, applied).state(), config).planned(), "steady again");
    }

    @Test
    void aReplacedTaskIsPlannedWhereApplyListsItSoEveryKnownTaskKeepsItsPlace() {
        MapValue config = service("api", f.clusterArn, td, 2);
        MapValue state = f.h.converge(SERVICE, null, config);
        List<Value> before = dev.berth.ecs.value.Attrs.items(state, "tasks");
        f.h.runtime.updateCpuShares(taskArn(state), 512); // the older of the two tasks drifts
        MapValue read = f.h.read(SERVICE, state).state();

        PlanResponse plan = f.h.plan(SERVICE, read, config);
        MapValue applied = f.h.converge(SERVICE, read, config);

        List<Value> planned = dev.berth.ecs.value.Attrs.items(plan.planned(), "tasks");
        List<Value> after = dev.berth.ecs.value.Attrs.items(applied, "tasks");
        assertEquals(before.get(1), planned.get(0), "the task that stays is planned first");
        assertEquals(Value.unknown(), ((MapValue) planned.get(1)).get("arn"));
        assertEquals(((MapValue) planned.get(0)).get("arn"), ((MapValue) after.get(0)).get("arn"),
                "apply lists the kept task where the plan promised it");
    }

    @Test
    void aStartAfterTheTaskWasRecordedIsARestartAndDrift() {
        MapValue config = service("api", f.clusterArn, td, 1);
        MapValue state = f.h.converge(SERVICE, null, config);
        f.h.runtime.restart(taskArn(state));
        MapValue read = f.h.read(SERVICE, state).state();
        assertEquals(Value.of(1), firstContainer(read).get("restarts"));
        assertNotEquals(read, f.h.plan(SERVICE, read, config).planned());
    }

    @Test
    void aHandStartedContainerWithTheServiceLabelIsAnOrphanThatApplyRemoves() {
        MapValue config = service("api", f.clusterArn, td, 1);
        MapValue state = f.h.converge(SERVICE, null, config);
        String serviceArn = str(state.get("arn"));
        f.h.runtime.startByHand("by-hand", Map.of("dev.berth.service", serviceArn));
        MapValue read = f.h.read(SERVICE, state).state();
        assertEquals(dev.berth.ecs.fake.Harness.value(List.of("by-hand")), read.get("orphaned_containers"));

        PlanResponse plan = f.h.plan(SERVICE, read, config);
        assertEquals(Value.list(List.of()), plan.planned().get("orphaned_containers"));
        int before = f.h.runtime.containerCount();
        MapValue applied = f.h.converge(SERVICE, read, config);
        assertEquals(before - 1, f.h.runtime.containerCount());
        assertEquals(taskArn(state), taskArn(applied), "the healthy task is kept");
    }

    @Test
    void aStoppedNonEssentialContainerIsShownButNotReplaced() {
        MapValue config = service("api", f.clusterArn, td, 1);
        MapValue state = f.h.converge(SERVICE, null, config);
        MapValue task = (MapValue) dev.berth.ecs.value.Attrs.items(state, "tasks").get(0);
        MapValue log = (MapValue) dev.berth.ecs.value.Attrs.items(task, "containers").get(1);
        assertEquals(Value.of("log"), log.get("name"));
        // A finished sidecar: same task, same definition, only the sidecar's state differs.
        MapValue exited = log.with("state", Value.of("exited"));
        MapValue prior = state.with("tasks", Value.list(List.of(task.with("containers",
                Value.list(List.of(firstContainer(state), exited))))));
        assertEquals(prior, f.h.plan(SERVICE, prior, config).planned(), "no replacement for a non-essential exit");
    }
}
