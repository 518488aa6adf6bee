package dev.berth.ecs.service;

import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.PortBinding;
import dev.berth.ecs.runtime.TaskLaunch;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.provider.ProviderRequests.ApplyResponse;
import dev.berth.engine.provider.ProviderRequests.ImportRequest;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.provider.ProviderRequests.ReadResponse;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.berth.ecs.fake.Configs.service;
import static dev.berth.ecs.fake.Harness.errors;
import static dev.berth.ecs.service.ServiceFixture.SERVICE;
import static dev.berth.ecs.service.ServiceFixture.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceApplyTest {
    private final ServiceFixture f = new ServiceFixture();
    private final String td1 = str(f.taskDef("nginx").get("arn"));

    @AfterEach
    void close() {
        f.h.close();
    }

    private MapValue create(int desired) {
        return f.h.converge(SERVICE, null, service("api", f.clusterArn, td1, desired));
    }

    private static List<MapValue> tasks(MapValue state) {
        List<MapValue> out = new ArrayList<>();
        for (Value v : ((dev.berth.engine.value.ListValue) state.get("tasks")).items()) out.add((MapValue) v);
        return out;
    }

    private static String arnOf(MapValue task) {
        return str(task.get("arn"));
    }

    @Test
    void createStartsTasksWithLabelsAndTranslatedLimits() {
        MapValue state = create(2);
        assertEquals(Value.of(2), state.get("running_count"));
        String serviceArn = "arn:aws:ecs:local:000000000000:service/prod/api";
        assertEquals(Value.of(serviceArn), state.get("arn"));
        assertEquals(2, f.h.runtime.launches.size());
        TaskLaunch launch = f.h.runtime.launches.get(0);
        assertTrue(launch.taskArn().matches("arn:aws:ecs:local:000000000000:task/prod/[0-9a-f]{32}"), launch.taskArn());
        assertEquals("berth-prod", launch.networkName());
        assertEquals("bridge", launch.networkMode());
        assertEquals(Map.of("dev.berth.cluster", f.clusterArn, "dev.berth.service", serviceArn,
                "dev.berth.task-arn", launch.taskArn(), "dev.berth.task-definition", td1), launch.labels());
        ContainerLaunch web = launch.containers().get(0);
        assertEquals(2, web.cpuShares(), "cpu 1 is raised to Docker's minimum of 2 shares");
        assertEquals(128, web.memoryMiB());
        assertEquals(List.of(new PortBinding(80, 0, "tcp")), web.ports());
        assertTrue(web.essential());
        ContainerLaunch log = launch.containers().get(1);
        assertEquals(2, log.cpuShares(), "no cpu is 2 shares, as the ECS agent gives it, not Docker's 1024");
        assertTrue(!log.essential());

        List<MapValue> tasks = tasks(state);
        assertEquals(2, tasks.size());
        assertEquals(Value.of("RUNNING"), tasks.get(0).get("last_status"));
        assertEquals(Value.of(td1), tasks.get(0).get("task_definition"));
        // The two tasks start in parallel, so which got the first dynamic port is up to the pool.
        Value first = ((MapValue) tasks.get(0).get("endpoints")).get("web:80/tcp");
        Value second = ((MapValue) tasks.get(1).get("endpoints")).get("web:80/tcp");
        assertEquals(java.util.Set.of(Value.of("127.0.0.1:40000"), Value.of("127.0.0.1:40001")),
                java.util.Set.of(first, second));
        assertEquals(Value.list(List.of(first, second)), state.get("endpoints"), "endpoints follow task order");
        String row = f.h.store.get("tasks", arnOf(tasks.get(0))).orElseThrow();
        assertTrue(row.contains("\"status\":\"RUNNING\"") && row.contains(serviceArn), row);
    }

    @Test
    void aTaskKilledForItsMemoryIsReplacedAndKeepsHowItsContainersEnded() {
        MapValue config = service("api", f.clusterArn, td1, 2);
        MapValue state = create(2);
        String victim = arnOf(tasks(state).get(0));
        f.h.runtime.oomKill(victim);
        ReadResponse read = f.h.read(SERVICE, state);
        PlanResponse plan = f.h.plan(SERVICE, read.state(), config);
        ApplyResponse applied = f.h.apply(SERVICE, read.state(), plan.planned(), config);
        assertEquals(List.of(), errors(applied.diagnostics()));
        assertTrue(tasks(applied.newState()).stream().noneMatch(t -> arnOf(t).equals(victim)));
        // Its containers are gone; the row keeps what DescribeTasks shows of them, as for a RunTask task.
        String row = f.h.store.get("tasks", victim).orElseThrow();
        assertTrue(row.contains("\"stopCode\":\"EssentialContainerExited\""), row);
        assertTrue(row.contains("\"exitCode\":137") && row.contains(
                "\"reason\":\"OutOfMemoryError: Container killed due to memory usage\""), row);
    }

    @Test
    void readUsesOneListCallAndAKilledTaskLeadsToAnUpdateThatRestoresIt() {
        MapValue config = service("api", f.clusterArn, td1, 2);
        MapValue state = create(2);
        String victim = arnOf(tasks(state).get(0));
        f.h.runtime.kill(victim);
        int before = f.h.runtime.listCalls.get();
        ReadResponse read = f.h.read(SERVICE, state);
        assertEquals(before + 1, f.h.runtime.listCalls.get());
        assertEquals(Value.of(1), read.state().get("running_count"));
        assertEquals(Value.of("STOPPED"), tasks(read.state()).get(0).get("last_status"));

        PlanResponse plan = f.h.plan(SERVICE, read.state(), config);
        assertEquals(List.of(), f.h.replacePaths(SERVICE, read.state(), plan));
        assertNotEquals(read.state(), plan.planned(), "the engine sees an update");
        assertEquals(Value.of(2), plan.planned().get("running_count"));

        ApplyResponse applied = f.h.apply(SERVICE, read.state(), plan.planned(), config);
        assertEquals(List.of(), errors(applied.diagnostics()));
        assertEquals(Value.of(2), applied.newState().get("running_count"));
        assertTrue(tasks(applied.newState()).stream().noneMatch(t -> arnOf(t).equals(victim)));
        assertTrue(f.h.store.get("tasks", victim).orElseThrow().contains("\"status\":\"STOPPED\""));
        assertEquals(applied.newState(), f.h.plan(SERVICE, applied.newState(), config).planned());
    }

    @Test
    void aRemovedContainerShowsAsNotRunning() {
        MapValue state = create(1);
        f.h.runtime.remove(arnOf(tasks(state).get(0)));
        MapValue read = f.h.read(SERVICE, state).state();
        assertEquals(Value.of(0), read.get("running_count"));
        assertEquals(Value.of("STOPPED"), tasks(read).get(0).get("last_status"));
        assertEquals(Value.list(List.of()), read.get("endpoints"));
    }

    @Test
    void aNewRevisionStartsNewTasksBeforeStoppingOldOnes() {
        MapValue state = create(2);
        List<String> oldArns = tasks(state).stream().map(ServiceApplyTest::arnOf).toList();
        String td2 = str(f.taskDef("nginx:2").get("arn"));
        f.h.runtime.events.clear();
        MapValue next = f.h.converge(SERVICE, state, service("api", f.clusterArn, td2, 2));
        List<String> events = f.h.runtime.events;
        int lastStart = events.lastIndexOf("start nginx:2");
        int firstStop = Math.min(events.indexOf("stop " + oldArns.get(0)), events.indexOf("stop " + oldArns.get(1)));
        assertTrue(lastStart >= 0 && firstStop > lastStart, events.toString());
        assertTrue(tasks(next).stream().allMatch(t -> t.get("task_definition").equals(Value.of(td2))));
        assertEquals(Value.of(2), next.get("running_count"));
    }

    @Test
    void aFailedRolloutKeepsTheOldTasksAndReportsTheRuntimeMessage() {
        MapValue state = create(1);
        String td2 = str(f.taskDef("ghost:1").get("arn"));
        f.h.runtime.missingImages.add("ghost:1");
        MapValue config = service("api", f.clusterArn, td2, 1);
        PlanResponse plan = f.h.plan(SERVICE, state, config);
        ApplyResponse applied = f.h.apply(SERVICE, state, plan.planned(), config);
        assertEquals(List.of("Image ghost:1 is not present on the engine."), errors(applied.diagnostics()));
        List<MapValue> tasks = tasks(applied.newState());
        assertEquals(1, tasks.size());
        assertEquals(Value.of(td1), tasks.get(0).get("task_definition"));
        assertEquals(Value.of("RUNNING"), tasks.get(0).get("last_status"));
    }

    @Test
    void partialStartKeepsTheTasksThatStarted() {
        MapValue state = create(1);
        f.h.runtime.missingImages.add("nginx");
        MapValue config = service("api", f.clusterArn, td1, 3);
        ApplyResponse applied = f.h.apply(SERVICE, state, f.h.plan(SERVICE, state, config).planned(), config);
        assertEquals(1, errors(applied.diagnostics()).size());
        assertEquals(Value.of(1), applied.newState().get("running_count"));
        assertEquals(tasks(state), tasks(applied.newState()));
    }

    @Test
    void scalingInStopsTheNewestTasksFirst() {
        MapValue state = create(3);
        String oldest = arnOf(tasks(state).get(0));
        MapValue scaled = f.h.converge(SERVICE, state, service("api", f.clusterArn, td1, 1));
        assertEquals(List.of(oldest), tasks(scaled).stream().map(ServiceApplyTest::arnOf).toList());
        assertEquals(2, f.h.runtime.containerCount(), "one task of two containers is left");
    }

    @Test
    void deleteStopsEveryTaskAndUnblocksTheCluster() {
        MapValue state = create(2);
        ApplyResponse blocked = f.h.apply("ecs_cluster", f.cluster, null, dev.berth.ecs.fake.Configs.cluster("prod"));
        // The cluster resource names the services when the control plane's ListServices answers.
        List<String> errs = errors(blocked.diagnostics());
        assertEquals(1, errs.size(), errs::toString);
        assertTrue(errs.get(0).matches("Cluster \"prod\" still has services(: api)?\\. Delete them before the cluster; one"
                + " this configuration does not manage can be imported \\(berth import ecs_service\\.NAME prod/(api|SERVICE)\\)"
                + " so that destroy removes it\\."), errs::toString);
        assertEquals(f.cluster, blocked.newState());

        ApplyResponse deleted = f.h.apply(SERVICE, state, null, service("api", f.clusterArn, td1, 2));
        assertNull(deleted.newState());
        assertEquals(List.of(), errors(deleted.diagnostics()));
        assertEquals(0, f.h.runtime.containerCount());
        assertEquals(Map.of(), f.h.store.list("tasks"));
        assertEquals(Map.of(), f.h.store.list("services"));
        assertNull(f.h.read(SERVICE, state).state());
        assertNull(f.h.apply("ecs_cluster", f.cluster, null, dev.berth.ecs.fake.Configs.cluster("prod")).newState());
    }

    @Test
    void anUnreachableEngineIsAnErrorDiagnostic() {
        MapValue state = create(1);
        f.h.runtime.unreachable = true;
        ReadResponse read = f.h.read(SERVICE, state);
        assertEquals(List.of("Cannot reach the Docker engine at fake://."), errors(read.diagnostics()));
        assertEquals(state, read.state());
        MapValue config = service("api", f.clusterArn, td1, 2);
        ApplyResponse applied = f.h.apply(SERVICE, state, f.h.plan(SERVICE, state, config).planned(), config);
        assertEquals(List.of("Cannot reach the Docker engine at fake://."), errors(applied.diagnostics()));
        assertEquals(state, applied.newState());
    }

    @Test
    void missingClusterOrTaskDefinitionFailsClearly() {
        MapValue config = service("api", "nowhere", td1, 1);
        ApplyResponse a = f.h.apply(SERVICE, null, f.h.plan(SERVICE, null, config).planned(), config);
        assertEquals(List.of("Cluster \"nowhere\" does not exist; create it before its services."), errors(a.diagnostics()));
        assertNull(a.newState());
        MapValue config2 = service("api", f.clusterArn, "web:42", 1);
        ApplyResponse b = f.h.apply(SERVICE, null, f.h.plan(SERVICE, null, config2).planned(), config2);
        assertEquals(1, errors(b.diagnostics()).size());
        assertEquals(List.of("task_definition"), b.diagnostics().get(0).path());
    }

    @Test
    void importByClusterSlashNameGivesAStateThatPlansNoChange() {
        // The engine decodes configuration with the schema's defaults and empty nested blocks; so does this test.
        MapValue config = withDefaults(service("api", f.clusterArn, td1, 2));
        MapValue state = withDefaults(create(2));
        MapValue imported = f.h.provider.importState(new ImportRequest(ResourceInstanceAddr.of(SERVICE, "x"), SERVICE,
                "prod/api")).state();
        assertEquals(state, imported);
        assertEquals(imported, f.h.plan(SERVICE, imported, config).planned());
    }

    private static MapValue withDefaults(MapValue v) {
        java.util.Map<String, dev.berth.engine.value.Value> m = new java.util.HashMap<>(v.entries());
        dev.berth.ecs.schema.SchemaDefaults.fill(dev.berth.ecs.schema.ServiceSchema.schema(), m);
        return new MapValue(m);
    }
}
