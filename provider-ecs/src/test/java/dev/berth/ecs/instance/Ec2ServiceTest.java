package dev.berth.ecs.instance;

import dev.berth.ecs.fake.Harness;
import dev.berth.ecs.placement.Reconciler;
import dev.berth.ecs.placement.ServiceSpec;
import dev.berth.ecs.scheduler.Rollout;
import dev.berth.ecs.scheduler.model.ClusterSnapshot;
import dev.berth.ecs.scheduler.model.ContainerInstance;
import dev.berth.ecs.scheduler.model.ContainerSpec;
import dev.berth.ecs.scheduler.model.InstanceStatus;
import dev.berth.ecs.scheduler.model.NetworkMode;
import dev.berth.ecs.scheduler.model.RunningTask;
import dev.berth.ecs.scheduler.model.TaskSpec;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.StringValue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static dev.berth.ecs.fake.Configs.blocks;
import static dev.berth.ecs.fake.Configs.cluster;
import static dev.berth.ecs.fake.Configs.container;
import static dev.berth.ecs.fake.Configs.port;
import static dev.berth.ecs.fake.Harness.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Container instances and EC2 services against the in-memory engine, and the reconciler's counts. */
class Ec2ServiceTest {
    private final Harness h = new Harness();

    private MapValue instance(String zone, Object... extra) {
        MapValue base = obj("cluster", "prod", "docker_host", null, "tls_ca_cert", null, "tls_cert", null, "tls_key", null,
                "cpu", 1024, "memory", 512, "attributes", Map.of("ecs.availability-zone", zone), "status", "ACTIVE");
        MapValue o = obj(extra);
        for (var e : o.entries().entrySet()) base = base.with(e.getKey(), e.getValue());
        return base;
    }

    private MapValue service(int desired, Object... extra) {
        MapValue base = obj("name", "web", "cluster", "prod", "task_definition", "web", "desired_count", desired,
                "launch_type", "EC2", "deployment_minimum_healthy_percent", 100, "deployment_maximum_percent", 200,
                "force_new_deployment", null, "wait_for_steady_state", null, "ordered_placement_strategy", List.of(),
                "placement_constraints", List.of(), "deployment_circuit_breaker", List.of());
        MapValue o = obj(extra);
        for (var e : o.entries().entrySet()) base = base.with(e.getKey(), e.getValue());
        return base;
    }

    private void setUp(int taskMemory) {
        h.converge("ecs_cluster", null, cluster("prod"));
        h.converge("ecs_task_definition", null, dev.berth.ecs.fake.Configs.taskDef("family", "web", "network_mode", "bridge",
                "container", blocks(container("name", "web", "image", "busybox", "cpu", 128, "memory", taskMemory,
                        "port_mappings", List.of(port(80, null))))));
    }

    @Test
    void anInstanceRegistersWithAnArnAndDefaultsItsSizesFromTheEngine() {
        setUp(64);
        MapValue state = h.converge("ecs_container_instance", null, instance("zone-a", "cpu", null, "memory", null));
        String arn = ((StringValue) state.get("arn").unmarked()).value();
        assertTrue(arn.matches("arn:aws:ecs:local:000000000000:container-instance/prod/[0-9a-f]{32}"), arn);
        assertEquals("4096", state.get("cpu").toString().replace("\"", ""));
        assertEquals("8192", state.get("memory").toString().replace("\"", ""));
    }

    @Test
    void theSchemaDecidesWhatReplacesAnInstanceAndTheClusterSpellingIsNoChange() {
        setUp(64);
        MapValue config = instance("zone-a");
        MapValue state = h.converge("ecs_container_instance", null, config);
        assertEquals(List.of(List.of("docker_host")), h.replacePaths("ecs_container_instance", state,
                config.with("docker_host", dev.berth.engine.value.Value.of("unix:///other.sock"))));
        assertEquals(List.of(List.of("cluster")), h.replacePaths("ecs_container_instance", state,
                config.with("cluster", dev.berth.engine.value.Value.of("staging"))));
        MapValue byArn = config.with("cluster", dev.berth.engine.value.Value.of(
                "arn:aws:ecs:local:000000000000:cluster/prod"));
        PlanResponse p = h.plan("ecs_container_instance", state, byArn);
        assertEquals(List.of(), h.replacePaths("ecs_container_instance", state, p));
        assertEquals(state.get("arn"), p.planned().get("arn"), "the same registration is kept");
        assertEquals(state.get("cluster"), p.planned().get("cluster"));
    }

    @Test
    void drainingPlansWhatTheInstanceRunsAsUnknownSinceApplyMovesItsTasks() {
        setUp(64);
        MapValue a = h.converge("ecs_container_instance", null, instance("zone-a"));
        h.converge("ecs_container_instance", null, instance("zone-b"));
        h.converge("ecs_service", null, service(2));
        MapValue running = h.read("ecs_container_instance", a).state();

        PlanResponse p = h.plan("ecs_container_instance", running, instance("zone-a", "status", "DRAINING"));
        MapValue drained = h.converge("ecs_container_instance", running, instance("zone-a", "status", "DRAINING"));

        for (String attr : List.of("running_tasks_count", "remaining_cpu", "remaining_memory")) {
            assertTrue(!p.planned().get(attr).isWhollyKnown() || p.planned().get(attr).equals(drained.get(attr)),
                    attr + " was planned " + p.planned().get(attr) + " but apply made it " + drained.get(attr));
        }
        assertEquals(dev.berth.engine.value.Value.of(0), drained.get("running_tasks_count"));
    }

    @Test
    void partialTlsAndMalformedHostsAreValidationErrors() {
        List<String> errs = Harness.errors(h.validate("ecs_container_instance",
                instance("zone-a", "tls_cert", "/etc/cert.pem", "docker_host", "http://x")));
        assertEquals(2, errs.size(), errs::toString);
        assertTrue(errs.contains("tls_ca_cert, tls_cert and tls_key go together for mutual TLS; tls_ca_cert and tls_key "
                + "are missing."), errs::toString);
        assertTrue(errs.stream().anyMatch(e -> e.startsWith("docker_host \"http://x\" is not")), errs::toString);
    }

    @Test
    void placementIsRefusedForFargateAtValidationWithEcsWords() {
        List<ProviderDiagnostic> d = h.validate("ecs_service", service(2, "launch_type", "FARGATE",
                "ordered_placement_strategy", List.of(obj("type", "spread", "field", "instanceId")),
                "placement_constraints", List.of(obj("type", "distinctInstance", "expression", null))));
        List<String> errors = Harness.errors(d);
        assertEquals(List.of("Placement strategies are not supported with FARGATE launch type.",
                "Placement constraints are not supported with FARGATE launch type."), errors);
        assertEquals(List.of(), Harness.errors(h.validate("ecs_service", service(2,
                "ordered_placement_strategy", List.of(obj("type", "spread", "field", "instanceId"))))), "EC2 may");
    }

    @Test
    void aMalformedMemberOfPointsAtItsExpressionWithTheColumn() {
        List<ProviderDiagnostic> d = h.validate("ecs_service", service(2, "placement_constraints", List.of(
                obj("type", "distinctInstance", "expression", null),
                obj("type", "memberOf", "expression", "attribute:ecs.instance-type =~ t2.* and"))));
        List<ProviderDiagnostic> errors = d.stream().filter(ProviderDiagnostic::isError).toList();
        assertEquals(1, errors.size(), errors::toString);
        assertEquals(List.of("placement_constraints", 1, "expression"), errors.get(0).path());
        assertTrue(errors.get(0).summary().startsWith("Invalid memberOf expression at column "), errors.get(0)::summary);
    }

    @Test
    void planPreviewsPlacementAndRefusesWhatCannotBePlaced() {
        setUp(64);
        h.converge("ecs_container_instance", null, instance("zone-a"));
        h.converge("ecs_container_instance", null, instance("zone-b"));
        PlanResponse plan = h.plan("ecs_service", null, service(4));
        assertEquals(List.of(), Harness.errors(plan.diagnostics()));
        assertEquals(1, plan.notes().size(), plan.notes()::toString);
        assertTrue(plan.notes().get(0).matches("placement: 2 tasks -> \\w+ \\(zone-a\\), 2 tasks -> \\w+ \\(zone-b\\)"
                + "|placement: 2 tasks -> \\w+ \\(zone-b\\), 2 tasks -> \\w+ \\(zone-a\\)"), plan.notes()::toString);

        MapValue applied = h.converge("ecs_service", null, service(4));
        assertEquals(4, h.runtime.containerCount());
        assertTrue(applied.get("events").toString().contains("has reached a steady state"), applied.get("events")::toString);

        PlanResponse big = h.plan("ecs_service", null, service(20));
        List<String> errs = Harness.errors(big.diagnostics());
        assertEquals(1, errs.size(), errs::toString);
        assertTrue(errs.get(0).startsWith("service web was unable to place a task because no container instance met all "
                + "of its requirements. The closest matching container-instance "), errs.get(0));
    }

    @Test
    void reconcilerStepsMatchRolloutWhenNoNewTaskRunsYet() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            int desired = 1 + random.nextInt(12);
            int min = random.nextInt(101);
            int max = 100 + random.nextInt(101);
            List<Rollout.Step> expected;
            try {
                expected = Rollout.plan(desired, desired, min, max);
            } catch (IllegalArgumentException deadlock) {
                continue;
            }
            TaskSpec next = new TaskSpec("web", "web:2", 1, 1, NetworkMode.AWSVPC,
                    List.of(new ContainerSpec("web", 1, 1, null, List.of())));
            List<RunningTask> old = new ArrayList<>();
            for (int i = 0; i < desired; i++) old.add(new RunningTask("t" + i, "service:web", "web:1", 1, 1, List.of(), i));
            ClusterSnapshot s = new ClusterSnapshot("prod", List.of(new ContainerInstance("i-1", "i-1", "prod", 100_000,
                    100_000, Map.of(), InstanceStatus.ACTIVE, true, "e", old)));
            ServiceSpec spec = new ServiceSpec("service:web", next, desired, min, max, List.of(), List.of(), 1L, Set.of());
            List<Rollout.Step> actual = new ArrayList<>();
            for (Optional<Reconciler.Step> step = Reconciler.next(s, spec); step.isPresent(); step = Reconciler.next(s, spec)) {
                s = step.get().after();
                int oldLeft = (int) s.instances().get(0).runningTasks().stream().filter(t -> t.taskDefinition().equals("web:1")).count();
                actual.add(new Rollout.Step(step.get().starts().size(), step.get().stops().size(), oldLeft,
                        s.instances().get(0).runningTasks().size() - oldLeft));
            }
            assertEquals(expected, actual, "desired " + desired + ", min " + min + "%, max " + max + "%");
        }
    }
}
