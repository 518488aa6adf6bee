package dev.berth.ecs.instance;

import dev.berth.ecs.fake.Harness;
import dev.berth.engine.value.MapValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.berth.ecs.fake.Configs.blocks;
import static dev.berth.ecs.fake.Configs.cluster;
import static dev.berth.ecs.fake.Configs.container;
import static dev.berth.ecs.fake.Configs.port;
import static dev.berth.ecs.fake.Harness.errors;
import static dev.berth.ecs.fake.Harness.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Container instances of two clusters on one Docker engine (the fake one holds 4096 cpu units and
 * 8192 MiB): the engine's cpu, memory and host ports are booked across both, so it is never
 * promised twice although each instance registers the engine's whole size.
 */
class SharedEngineBookingTest {
    private final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    private void clusterWithInstance(String name) {
        h.converge("ecs_cluster", null, cluster(name));
        h.converge("ecs_container_instance", null, obj("cluster", name, "docker_host", null, "tls_ca_cert", null,
                "tls_cert", null, "tls_key", null, "cpu", null, "memory", null,
                "attributes", Map.of("ecs.availability-zone", "zone-a"), "status", "ACTIVE"));
    }

    private void taskDef(String family, int cpu, int memory, Integer hostPort) {
        h.converge("ecs_task_definition", null, dev.berth.ecs.fake.Configs.taskDef("family", family,
                "network_mode", "bridge", "container", blocks(container("name", "web", "image", "busybox", "cpu", cpu,
                        "memory", memory, "port_mappings", List.of(port(80, hostPort))))));
    }

    private static MapValue service(String cluster, String family, int desired) {
        return obj("name", "web", "cluster", cluster, "task_definition", family, "desired_count", desired,
                "launch_type", "EC2", "deployment_minimum_healthy_percent", 100, "deployment_maximum_percent", 200,
                "force_new_deployment", null, "wait_for_steady_state", null, "ordered_placement_strategy", List.of(),
                "placement_constraints", List.of(), "deployment_circuit_breaker", List.of());
    }

    @Test
    void cpuBookedByOneClusterIsNotPromisedToAnother() {
        clusterWithInstance("blue");
        clusterWithInstance("green");
        taskDef("big", 1024, 64, 0);
        h.converge("ecs_service", null, service("blue", "big", 3));
        assertEquals(List.of(), errors(h.plan("ecs_service", null, service("green", "big", 1)).diagnostics()));
        List<String> errors = errors(h.plan("ecs_service", null, service("green", "big", 2)).diagnostics());
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(true, errors.get(0).endsWith("has insufficient CPU units available."), errors.get(0));
    }

    @Test
    void memoryIsBookedAcrossClustersToo() {
        clusterWithInstance("blue");
        clusterWithInstance("green");
        taskDef("fat", 1, 3000, 0);
        h.converge("ecs_service", null, service("blue", "fat", 2));
        List<String> errors = errors(h.plan("ecs_service", null, service("green", "fat", 1)).diagnostics());
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(true, errors.get(0).endsWith("has insufficient memory available."), errors.get(0));
    }

    @Test
    void aStaticHostPortHeldInOneClusterIsTakenOnTheEngineForTheOther() {
        clusterWithInstance("blue");
        clusterWithInstance("green");
        taskDef("port80", 1, 16, 80);
        h.converge("ecs_service", null, service("blue", "port80", 1));
        List<String> errors = errors(h.plan("ecs_service", null, service("green", "port80", 1)).diagnostics());
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(true, errors.get(0).endsWith("is already using a port required by your task (80/tcp)."), errors.get(0));
    }

    @Test
    void fargateTasksAndEc2TasksShareTheLocalEnginesHostPorts() {
        clusterWithInstance("blue");
        h.converge("ecs_cluster", null, cluster("green"));
        taskDef("port80", 1, 16, 80);
        h.converge("ecs_service", null, service("blue", "port80", 1));
        MapValue fargate = service("green", "port80", 1).with("launch_type", dev.berth.engine.value.Value.of("FARGATE"));
        List<String> errors = errors(h.plan("ecs_service", null, fargate).diagnostics());
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(true, errors.get(0).endsWith("is already using a port required by your task (80/tcp)."), errors.get(0));
    }

    @Test
    void anEc2ServiceSeesTheLocalEnginesPortsHeldByFargateTasks() {
        h.converge("ecs_cluster", null, cluster("green"));
        taskDef("port80", 1, 16, 80);
        h.converge("ecs_service", null, service("green", "port80", 1).with("launch_type",
                dev.berth.engine.value.Value.of("FARGATE")));
        clusterWithInstance("blue");
        List<String> errors = errors(h.plan("ecs_service", null, service("blue", "port80", 1)).diagnostics());
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(true, errors.get(0).endsWith("is already using a port required by your task (80/tcp)."), errors.get(0));
    }
}
