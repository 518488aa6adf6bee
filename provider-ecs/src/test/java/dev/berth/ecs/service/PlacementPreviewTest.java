package dev.berth.ecs.service;

import dev.berth.ecs.fake.Configs;
import dev.berth.ecs.fake.Harness;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.provider.ProviderRequests.PlanRequest;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.provider.ProviderRequests.Upstream;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.berth.ecs.fake.Configs.blocks;
import static dev.berth.ecs.fake.Configs.container;
import static dev.berth.ecs.fake.Harness.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The placement preview of a plan when the task definition gets a new revision (its ARN is
 * unknown until apply, its containers are not) and when a running service is replaced by an
 * EC2 one: what cannot be placed is a plan error, before anything is destroyed.
 */
class PlacementPreviewTest {
    private final Harness h = new Harness();
    private static final ResourceInstanceAddr SERVICE = ResourceInstanceAddr.of("ecs_service", "web");
    private static final ResourceInstanceAddr TASK_DEF = ResourceInstanceAddr.of("ecs_task_definition", "web");

    private static MapValue taskDef(int memory) {
        return Configs.taskDef("family", "web", "network_mode", "bridge",
                "container", blocks(container("name", "web", "image", "busybox", "memory", memory)));
    }

    private static MapValue service(String cluster, String launchType, Object taskDefinition) {
        return obj("name", "web", "cluster", cluster, "task_definition", taskDefinition, "desired_count", 2,
                "launch_type", launchType, "deployment_minimum_healthy_percent", 100, "deployment_maximum_percent", 200,
                "force_new_deployment", null, "wait_for_steady_state", null, "ordered_placement_strategy", List.of(),
                "placement_constraints", List.of(), "deployment_circuit_breaker", List.of());
    }

    private MapValue instance(String cluster, String zone) {
        return h.converge("ecs_container_instance", null, obj("cluster", cluster, "docker_host", null,
                "tls_ca_cert", null, "tls_cert", null, "tls_key", null, "cpu", 1024, "memory", 512,
                "attributes", Map.of("ecs.availability-zone", zone), "status", "ACTIVE"));
    }

    /** prod: two instances of 512 MiB, revision 1 (128 MiB) running as two tasks of an EC2 service. */
    private MapValue[] runningEc2Service() {
        h.converge("ecs_cluster", null, Configs.cluster("prod"));
        instance("prod", "zone-a");
        instance("prod", "zone-b");
        MapValue td = h.converge("ecs_task_definition", null, taskDef(128));
        MapValue svc = h.converge("ecs_service", null, service("prod", "EC2", td.get("arn")));
        return new MapValue[]{td, svc};
    }

    /** The service's plan as the engine asks for it: task_definition refers to a revision still to come. */
    private PlanResponse planWithNewRevision(MapValue[] running, int memory) {
        PlanResponse td = h.plan("ecs_task_definition", running[0], taskDef(memory));
        assertTrue(td.planned().get("arn").isWhollyKnown() == false, "a new revision is coming");
        return h.provider.plan(new PlanRequest(SERVICE, "ecs_service", running[1],
                service("prod", "EC2", Value.unknown()), List.of(new Upstream(TASK_DEF, td.planned()))));
    }

    @Test
    void aNewRevisionIsPlacedFromItsPlannedContainers() {
        PlanResponse plan = planWithNewRevision(runningEc2Service(), 256);
        assertEquals(List.of(), Harness.errors(plan.diagnostics()));
        String notes = String.join("\n", plan.notes());
        assertTrue(notes.contains("placement: 1 task -> ") && notes.contains(" (zone-a)") && notes.contains(" (zone-b)"),
                notes);
        assertTrue(notes.contains("stop: 1 task on ") && !notes.contains("decided at apply"), notes);
    }

    @Test
    void aNewRevisionThatFitsNowhereIsAPlanError() {
        PlanResponse plan = planWithNewRevision(runningEc2Service(), 1024);
        List<String> errors = Harness.errors(plan.diagnostics());
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).startsWith("service web was unable to place a task because no container instance met "
                + "all of its requirements."), errors.get(0));
        assertTrue(errors.get(0).contains("memory"), errors.get(0));
    }

    @Test
    void replacingAFargateServiceByAnEc2OneInAClusterWithoutInstancesIsAPlanError() {
        h.converge("ecs_cluster", null, Configs.cluster("prod"));
        MapValue td = h.converge("ecs_task_definition", null, taskDef(128));
        MapValue fargate = h.converge("ecs_service", null, service("prod", "FARGATE", td.get("arn")));
        PlanResponse plan = h.plan("ecs_service", fargate, service("prod", "EC2", td.get("arn")));
        assertEquals(List.of("service web was unable to place a task because no container instance met all of its "
                + "requirements. Reason: No Container Instances were found in your cluster."),
                Harness.errors(plan.diagnostics()));
    }

    @Test
    void aNewEc2ServiceInAClusterWithoutInstancesYetIsDecidedAtApply() {
        h.converge("ecs_cluster", null, Configs.cluster("prod"));
        MapValue td = h.converge("ecs_task_definition", null, taskDef(128));
        PlanResponse plan = h.plan("ecs_service", null, service("prod", "EC2", td.get("arn")));
        assertEquals(List.of(), Harness.errors(plan.diagnostics()));
        assertTrue(String.join("\n", plan.notes()).contains("decided at apply"), plan.notes()::toString);
    }
}
