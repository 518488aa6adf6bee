package dev.berth.ecs.cluster;

import dev.berth.ecs.api.InstanceCalls.DeregisterContainerInstanceRequest;
import dev.berth.ecs.api.InstanceCalls.UpdateContainerInstancesStateRequest;
import dev.berth.ecs.api.Shapes.Tag;
import dev.berth.ecs.api.TagCalls.TagResourceRequest;
import dev.berth.ecs.api.TagCalls.UntagResourceRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.DeregisterTaskDefinitionRequest;
import dev.berth.ecs.fake.Configs;
import dev.berth.ecs.fake.Harness;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.StringValue;
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

/**
 * The resources refresh from the control plane, so what another client of it (the AWS CLI,
 * {@code berth ecs}, another configuration) changes shows as drift, and the next apply undoes it.
 */
class OtherClientsDriftTest {
    private final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    private static String text(Value v) {
        return ((StringValue) v.unmarked()).value();
    }

    @Test
    void tagsChangedByAnotherClientAreDriftAndApplyPutsThemBack() {
        MapValue config = cluster("prod").with("tags", Harness.value(Map.of("team", "core")));
        MapValue state = h.converge("ecs_cluster", null, config);
        String arn = text(state.get("arn"));
        h.provider.api().tagResource(new TagResourceRequest(arn, List.of(new Tag("owner", "ops"))));
        h.provider.api().untagResource(new UntagResourceRequest(arn, List.of("team")));

        MapValue read = h.read("ecs_cluster", state).state();
        assertEquals(Harness.value(Map.of("owner", "ops")), read.get("tags"));
        MapValue back = h.converge("ecs_cluster", read, config);
        assertEquals(Harness.value(Map.of("team", "core")), h.read("ecs_cluster", back).state().get("tags"));
    }

    @Test
    void aCreateOfAClusterAnotherClientMadeAdoptsItAndSetsTheConfiguredTags() {
        h.provider.api().createCluster(new dev.berth.ecs.api.ClusterCalls.CreateClusterRequest("prod",
                List.of(new Tag("made-by", "cli")), null));
        MapValue state = h.converge("ecs_cluster", null, cluster("prod").with("tags",
                Harness.value(Map.of("team", "core"))));
        assertEquals(Harness.value(Map.of("team", "core")), h.read("ecs_cluster", state).state().get("tags"));
    }

    @Test
    void aRevisionDeregisteredByAnotherClientReadsAsGone() {
        MapValue td = h.converge("ecs_task_definition", null, Configs.taskDef("container",
                blocks(container("name", "web", "image", "busybox", "memory", 64))));
        h.provider.api().deregisterTaskDefinition(new DeregisterTaskDefinitionRequest(text(td.get("arn"))));
        assertNull(h.read("ecs_task_definition", td).state());
    }

    private MapValue instance() {
        return obj("cluster", "prod", "docker_host", null, "tls_ca_cert", null, "tls_cert", null, "tls_key", null,
                "cpu", 1024, "memory", 512, "attributes", null, "status", "ACTIVE");
    }

    @Test
    void anInstanceDrainedByAnotherClientIsDriftAndApplyMakesItActiveAgain() {
        h.converge("ecs_cluster", null, cluster("prod"));
        MapValue state = h.converge("ecs_container_instance", null, instance());
        String arn = text(state.get("arn"));
        h.provider.api().updateContainerInstancesState(new UpdateContainerInstancesStateRequest("prod", List.of(arn),
                "DRAINING"));
        MapValue read = h.read("ecs_container_instance", state).state();
        assertEquals(Value.of("DRAINING"), read.get("status"));
        MapValue back = h.converge("ecs_container_instance", read, instance());
        assertEquals(Value.of("ACTIVE"), h.read("ecs_container_instance", back).state().get("status"));
        assertEquals(arn, text(back.get("arn")), "the same registration");
    }

    @Test
    void anInstanceDeregisteredByAnotherClientReadsAsGone() {
        h.converge("ecs_cluster", null, cluster("prod"));
        MapValue state = h.converge("ecs_container_instance", null, instance());
        h.provider.api().deregisterContainerInstance(new DeregisterContainerInstanceRequest("prod",
                text(state.get("arn")), false));
        assertNull(h.read("ecs_container_instance", state).state());
    }
}
