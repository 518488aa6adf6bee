package dev.berth.ecs.data;

import dev.berth.ecs.EcsProvider;
import dev.berth.ecs.api.TaskDefinitionCalls.DeregisterTaskDefinitionRequest;
import dev.berth.ecs.fake.Configs;
import dev.berth.ecs.fake.Harness;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.provider.ProviderRequests.ReadDataSourceRequest;
import dev.berth.engine.provider.ProviderRequests.ReadDataSourceResponse;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.berth.ecs.fake.Configs.blocks;
import static dev.berth.ecs.fake.Configs.cluster;
import static dev.berth.ecs.fake.Configs.container;
import static dev.berth.ecs.fake.Harness.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The data sources read what another configuration made, through the control plane both share. */
class DataSourcesTest {
    private final Harness h = new Harness();
    /** A second configuration's provider over the same control plane store and engine. */
    private final EcsProvider other = new EcsProvider(h.store, host -> h.runtime);

    @AfterEach
    void close() {
        other.close();
        h.close();
    }

    private ReadDataSourceResponse read(String type, MapValue config) {
        return other.readDataSource(new ReadDataSourceRequest(ResourceInstanceAddr.of(type, "x"), type, config));
    }

    private static MapValue instance(String zone) {
        return obj("cluster", "prod", "docker_host", null, "tls_ca_cert", null, "tls_cert", null, "tls_key", null,
                "cpu", 1024, "memory", 512, "attributes", Map.of("ecs.availability-zone", zone), "status", "ACTIVE");
    }

    @Test
    void aClusterMadeByOneConfigurationIsReadByAnother() {
        h.converge("ecs_cluster", null, cluster("prod").with("tags", Harness.value(Map.of("team", "core"))));
        h.converge("ecs_container_instance", null, instance("zone-a"));
        MapValue c = read("ecs_cluster", obj("cluster_name", "prod")).state();
        assertEquals(Value.of("arn:aws:ecs:local:000000000000:cluster/prod"), c.get("arn"));
        assertEquals(Value.of("ACTIVE"), c.get("status"));
        assertEquals(Value.of(1), c.get("registered_container_instances_count"));
        assertEquals(Value.of(0), c.get("running_tasks_count"));
        assertEquals(Harness.value(Map.of("team", "core")), c.get("tags"));
        assertEquals(Harness.value(List.of(Map.of("name", "containerInsights", "value", "disabled"))), c.get("setting"));

        ReadDataSourceResponse missing = read("ecs_cluster", obj("cluster_name", "nope"));
        assertNull(missing.state());
        assertEquals(List.of("No ACTIVE ECS cluster named \"nope\"."), Harness.errors(missing.diagnostics()));
    }

    @Test
    void aTaskDefinitionIsReadAsItsLatestActiveRevisionOrTheOneNamedAndItsContainers() {
        MapValue td1 = h.converge("ecs_task_definition", null, Configs.taskDef("container", blocks(container("name", "web",
                "image", "busybox@sha256:abc", "memory", 64, "environment", Map.of("A", "1")))));
        MapValue td2 = h.converge("ecs_task_definition", td1, Configs.taskDef("container", blocks(container("name", "web",
                "image", "busybox", "memory", 128))));
        MapValue latest = read("ecs_task_definition", obj("task_definition", "web")).state();
        assertEquals(Value.of(2), latest.get("revision"));
        assertEquals(td2.get("container_definitions"), latest.get("container_definitions"));
        assertEquals(Value.of("bridge"), latest.get("network_mode"));

        other.api().deregisterTaskDefinition(new DeregisterTaskDefinitionRequest("web:2"));
        assertEquals(Value.of(1), read("ecs_task_definition", obj("task_definition", "web")).state().get("revision"));
        assertEquals(Value.of("INACTIVE"), read("ecs_task_definition", obj("task_definition",
                "arn:aws:ecs:local:000000000000:task-definition/web:2")).state().get("status"));

        MapValue c = read("ecs_container_definition", obj("task_definition", "web:1", "container_name", "web")).state();
        assertEquals(Value.of("busybox@sha256:abc"), c.get("image"));
        assertEquals(Value.of("sha256:abc"), c.get("image_digest"));
        assertEquals(Value.of(64), c.get("memory"));
        assertEquals(Harness.value(Map.of("A", "1")), c.get("environment"));
        assertEquals(Value.of(false), c.get("disable_networking"));
        assertEquals(List.of("Task definition arn:aws:ecs:local:000000000000:task-definition/web:1 has no container "
                + "named \"db\"."), Harness.errors(read("ecs_container_definition", obj("task_definition", "web:1",
                "container_name", "db")).diagnostics()));
        assertEquals(List.of("Cannot read ECS task definition \"nope\"."), Harness.errors(read("ecs_task_definition",
                obj("task_definition", "nope")).diagnostics()));
    }

    @Test
    void aContainerInstanceIsFoundByArnOrByAQueryMatchingExactlyOne() {
        h.converge("ecs_cluster", null, cluster("prod"));
        MapValue a = h.converge("ecs_container_instance", null, instance("zone-a"));
        h.converge("ecs_container_instance", null, instance("zone-b"));
        MapValue byArn = read("ecs_container_instance", obj("cluster", "prod", "container_instance", a.get("arn"),
                "filter", null)).state();
        assertEquals(Value.of(1024), byArn.get("registered_cpu"));
        assertEquals(Value.of(true), byArn.get("agent_connected"));
        MapValue byQuery = read("ecs_container_instance", obj("cluster", "prod", "container_instance", null,
                "filter", "attribute:ecs.availability-zone == zone-a")).state();
        assertEquals(a.get("arn"), byQuery.get("arn"));
        assertEquals(List.of("The filter matches 2 container instances of cluster \"prod\"; it must match exactly one."),
                Harness.errors(read("ecs_container_instance", obj("cluster", "prod", "container_instance", null,
                        "filter", "attribute:ecs.os-type == linux")).diagnostics()));
        assertEquals(List.of("Set exactly one of container_instance and filter."), Harness.errors(read(
                "ecs_container_instance", obj("cluster", "prod", "container_instance", null, "filter", null))
                .diagnostics()));
    }
}
