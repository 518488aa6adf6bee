package dev.berth.ecs.service;

import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.berth.ecs.fake.Configs.service;
import static dev.berth.ecs.fake.Harness.obj;
import static dev.berth.ecs.service.ServiceFixture.SERVICE;
import static dev.berth.ecs.service.ServiceFixture.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ServicePlannerTest {
    private final ServiceFixture f = new ServiceFixture();

    @AfterEach
    void close() {
        f.h.close();
    }

    @Test
    void steadyStatePlansNoChange() {
        String td = str(f.taskDef("nginx").get("arn"));
        MapValue config = service("api", f.clusterArn, td, 2);
        MapValue state = f.h.converge(SERVICE, null, config);
        MapValue refreshed = f.h.read(SERVICE, state).state();
        assertEquals(state, refreshed);
        PlanResponse p = f.h.plan(SERVICE, refreshed, config);
        assertEquals(refreshed, p.planned());
        assertEquals(List.of(), f.h.replacePaths(SERVICE, refreshed, p));
    }

    @Test
    void createPlansKnownArnAndUnknownTasks() {
        PlanResponse p = f.h.plan(SERVICE, null, service("api", f.clusterArn, "web:1", 3));
        assertEquals(Value.of("arn:aws:ecs:local:000000000000:service/prod/api"), p.planned().get("arn"));
        assertEquals(p.planned().get("arn"), p.planned().get("id"));
        assertEquals(Value.of(3), p.planned().get("running_count"));
        assertEquals(Value.unknown(), p.planned().get("tasks"));
        assertEquals(Value.unknown(), p.planned().get("endpoints"));
    }

    @Test
    void scalingKeepsTheRunningTaskAndPlansNewOnesWithUnknownArns() {
        String td = str(f.taskDef("nginx").get("arn"));
        MapValue state = f.h.converge(SERVICE, null, service("api", f.clusterArn, td, 1));
        PlanResponse p = f.h.plan(SERVICE, state, service("api", f.clusterArn, td, 3));
        assertEquals(Value.of(3), p.planned().get("running_count"));
        List<Value> tasks = dev.berth.ecs.value.Attrs.items(p.planned(), "tasks");
        assertEquals(3, tasks.size());
        assertEquals(dev.berth.ecs.value.Attrs.items(state, "tasks").get(0), tasks.get(0));
        assertEquals(Value.unknown(), ((MapValue) tasks.get(1)).get("arn"));
        assertEquals(Value.unknown(), ((MapValue) tasks.get(2)).get("arn"));
        // The kept task keeps its endpoints, first in the list; the new tasks' are known after apply.
        List<Value> endpoints = dev.berth.ecs.value.Attrs.items(p.planned(), "endpoints");
        List<Value> before = dev.berth.ecs.value.Attrs.items(state, "endpoints");
        assertEquals(before.size() * 3, endpoints.size());
        assertEquals(before, endpoints.subList(0, before.size()));
        endpoints.subList(before.size(), endpoints.size()).forEach(e -> assertEquals(Value.unknown(), e));
        assertEquals("2 tasks will start", p.summary());
        assertEquals(List.of(), f.h.replacePaths(SERVICE, state, p));
    }

    @Test
    void theSummarySaysWhatApplyDoesToTheTasks() {
        String td1 = str(f.taskDef("nginx").get("arn"));
        MapValue state = f.h.converge(SERVICE, null, service("api", f.clusterArn, td1, 2));
        assertEquals("2 tasks will start", f.h.plan(SERVICE, null, service("api", f.clusterArn, td1, 2)).summary());
        assertEquals(null, f.h.plan(SERVICE, state, service("api", f.clusterArn, td1, 2)).summary(), "steady");
        assertEquals("1 task will stop", f.h.plan(SERVICE, state, service("api", f.clusterArn, td1, 1)).summary());
        String td2 = str(f.taskDef("nginx:2").get("arn"));
        assertEquals("2 tasks will be replaced", f.h.plan(SERVICE, state, service("api", f.clusterArn, td2, 2)).summary());
        assertEquals("3 tasks will start, 2 will stop",
                f.h.plan(SERVICE, state, service("api", f.clusterArn, td2, 3)).summary());
    }

    @Test
    void aNewRevisionIsAnInPlaceDeployment() {
        String td1 = str(f.taskDef("nginx").get("arn"));
        MapValue state = f.h.converge(SERVICE, null, service("api", f.clusterArn, td1, 1));
        String td2 = str(f.taskDef("nginx:2").get("arn"));
        PlanResponse p = f.h.plan(SERVICE, state, service("api", f.clusterArn, td2, 1));
        assertEquals(List.of(), f.h.replacePaths(SERVICE, state, p));
        MapValue replacement = (MapValue) dev.berth.ecs.value.Attrs.items(p.planned(), "tasks").get(0);
        assertEquals(Value.unknown(), replacement.get("arn"), "the task is replaced by one of the new revision");
        assertEquals(Value.of(td2), replacement.get("task_definition"));
        PlanResponse unknownTd = f.h.plan(SERVICE, state, service("api", f.clusterArn, "x", 1)
                .with("task_definition", Value.unknown()));
        assertEquals(Value.unknown(), unknownTd.planned().get("tasks"));
    }

    @Test
    void familyReferenceResolvesToTheLatestRevisionForSteadyState() {
        f.taskDef("nginx");
        MapValue config = service("api", f.clusterArn, "web", 1);
        MapValue state = f.h.converge(SERVICE, null, config);
        assertEquals(state, f.h.plan(SERVICE, state, config).planned());
        String td2 = str(f.taskDef("nginx:2").get("arn"));
        MapValue replacement = (MapValue) dev.berth.ecs.value.Attrs.items(f.h.plan(SERVICE, state, config).planned(),
                "tasks").get(0);
        assertEquals(Value.unknown(), replacement.get("arn"));
        assertEquals(Value.of(td2), replacement.get("task_definition"));
    }

    @Test
    void runningCountDriftProposesAnUpdate() {
        MapValue tasks = obj("arn", "t1", "task_definition", "td:1", "last_status", "RUNNING", "endpoints", Map.of());
        MapValue prior = obj("name", "api", "cluster", "prod", "task_definition", "td:1", "desired_count", 2,
                "launch_type", "FARGATE", "arn", "a", "id", "a", "running_count", 1,
                "tasks", List.of(tasks), "endpoints", List.of());
        TaskDefinitionRow td = new TaskDefinitionRow("td:1", "td", 1, "ACTIVE", null, null, "awsvpc",
                List.of("FARGATE"), null, null, "[{\"name\":\"app\",\"image\":\"x\"}]", "2026-01-01T00:00:00Z");
        ServicePlanner.Planned p = ServicePlanner.plan(prior, service("api", "prod", "td:1", 2),
                ref -> Optional.of(td));
        assertEquals(Value.of(2), p.planned().get("running_count"));
        assertNotEquals(prior, p.planned());
        assertFalse(p.replaced());
    }

    @Test
    void nameClusterAndLaunchTypeForceReplacementButNotClusterSpelling() {
        String td = str(f.taskDef("nginx").get("arn"));
        MapValue state = f.h.converge(SERVICE, null, service("api", f.clusterArn, td, 1));
        assertEquals(List.of(List.of("name")), f.h.replacePaths(SERVICE, state, service("api2", f.clusterArn, td, 1)));
        assertEquals(List.of(List.of("cluster")), f.h.replacePaths(SERVICE, state, service("api", "other", td, 1)));
        assertEquals(List.of(List.of("launch_type")), f.h.replacePaths(SERVICE, state,
                service("api", f.clusterArn, td, 1).with("launch_type", Value.of("EC2"))));
        PlanResponse byName = f.h.plan(SERVICE, state, service("api", "prod", td, 1));
        assertEquals(List.of(), f.h.replacePaths(SERVICE, state, byName));
        assertEquals(state, byName.planned(), "the cluster by name is the same cluster: no change at all");
    }

    @Test
    void validationAcceptsEc2AndRejectsBadValues() {
        assertEquals(List.of(), dev.berth.ecs.fake.Harness.errors(f.h.validate(SERVICE,
                service("api", f.clusterArn, "web:1", 1).with("launch_type", Value.of("EC2")))));
        assertEquals(1, dev.berth.ecs.fake.Harness.errors(f.h.validate(SERVICE,
                service("api", f.clusterArn, "web:1", 1).with("launch_type", Value.of("EXTERNAL")))).size());
        assertEquals(1, dev.berth.ecs.fake.Harness.errors(f.h.validate(SERVICE,
                service("api", f.clusterArn, "web:1", -1))).size());
        assertEquals(1, dev.berth.ecs.fake.Harness.errors(f.h.validate(SERVICE,
                service("api", f.clusterArn, "not a td!", 1))).size());
        assertEquals(List.of(), f.h.validate(SERVICE, service("api", Value.unknown().toString(), "web", 1)
                .with("cluster", Value.unknown()).with("task_definition", Value.unknown())));
    }
}
