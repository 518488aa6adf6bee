package dev.berth.ecs;

import dev.berth.engine.provider.ImplicitOrder;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static dev.berth.ecs.fake.Harness.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which ECS objects go after which, whether the configuration names them by ARN or by name. */
class EcsOrderingTest {
    private static final String CLUSTER_ARN = "arn:aws:ecs:local:000000000000:cluster/prod";

    private static boolean after(ImplicitOrder needing, ImplicitOrder providing) {
        Set<String> common = new HashSet<>(needing.needs());
        common.retainAll(providing.provides());
        return !common.isEmpty();
    }

    @Test
    void anEc2ServiceGoesAfterItsClusterItsInstancesAndItsTaskDefinition() {
        ImplicitOrder cluster = EcsOrdering.of("ecs_cluster", obj("name", "prod"));
        ImplicitOrder instance = EcsOrdering.of("ecs_container_instance", obj("cluster", CLUSTER_ARN));
        ImplicitOrder taskDef = EcsOrdering.of("ecs_task_definition", obj("family", "web"));
        ImplicitOrder service = EcsOrdering.of("ecs_service", obj("cluster", "prod", "launch_type", "EC2",
                "task_definition", "arn:aws:ecs:local:000000000000:task-definition/web:3"));
        assertTrue(after(instance, cluster));
        assertTrue(after(service, cluster));
        assertTrue(after(service, instance));
        assertTrue(after(service, taskDef));
        assertFalse(after(instance, service));
        assertFalse(after(cluster, service));
    }

    @Test
    void aFargateServiceDoesNotWaitForInstancesNorAnotherClusters() {
        ImplicitOrder instance = EcsOrdering.of("ecs_container_instance", obj("cluster", "prod"));
        ImplicitOrder other = EcsOrdering.of("ecs_cluster", obj("name", "other"));
        ImplicitOrder fargate = EcsOrdering.of("ecs_service", obj("cluster", "prod", "launch_type", "FARGATE",
                "task_definition", "web:1"));
        assertFalse(after(fargate, instance));
        assertFalse(after(fargate, other));
        assertEquals(Set.of("cluster:prod", "family:web"), fargate.needs());
    }

    @Test
    void unknownValuesOrderNothing() {
        ImplicitOrder service = EcsOrdering.of("ecs_service", obj("cluster", Value.unknown(), "launch_type", "EC2",
                "task_definition", Value.unknown()));
        assertEquals(ImplicitOrder.NONE, service);
    }
}
