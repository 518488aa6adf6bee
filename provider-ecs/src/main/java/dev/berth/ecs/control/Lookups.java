package dev.berth.ecs.control;

import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.store.ClusterRow;
import dev.berth.ecs.store.InstanceRow;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.taskdef.TaskDefinitionRegistry;
import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.ecs.store.EcsStore;

import java.util.Optional;

/**
 * Finds what a request names the way ECS does: a cluster by name or ARN (none: "default"), a
 * task definition by family, family:revision or ARN, a container instance by ARN or id within
 * its cluster, and fails with ECS's error names when there is no such thing.
 */
final class Lookups {
    static final String DEFAULT_CLUSTER = "default";

    private final Table<ClusterRow> clusters;
    private final Table<InstanceRow> instances;
    private final TaskDefinitionRegistry registry;

    Lookups(EcsStore store) {
        this.clusters = new Table<>(store, ClusterRow.TABLE, ClusterRow.class);
        this.instances = new Table<>(store, InstanceRow.TABLE, InstanceRow.class);
        this.registry = new TaskDefinitionRegistry(store);
    }

    /** The ACTIVE cluster a request names; ClusterNotFoundException otherwise. */
    ClusterRow cluster(String ref) {
        String name = ref == null || ref.isBlank() ? DEFAULT_CLUSTER : EcsArn.clusterName(ref).orElse(null);
        if (name == null) throw EcsException.clusterNotFound();
        return clusters.get(EcsArn.cluster(name)).filter(c -> c.status() == null || "ACTIVE".equals(c.status()))
                .orElseThrow(EcsException::clusterNotFound);
    }

    /** The task definition revision a request names, ACTIVE or not (ECS runs an INACTIVE one named by revision). */
    Optional<TaskDefinitionRow> taskDefinition(String ref) {
        if (ref == null || ref.isBlank() || !TaskDefinitionRegistry.wellFormed(ref)) return Optional.empty();
        return registry.resolve(ref);
    }

    TaskDefinitionRegistry registry() {
        return registry;
    }

    /** A container instance of the cluster by ARN or id. */
    Optional<InstanceRow> instance(ClusterRow cluster, String ref) {
        if (ref == null) return Optional.empty();
        return instances.all().stream().filter(i -> i.clusterArn().equals(cluster.arn()))
                .filter(i -> i.arn().equals(ref) || i.id().equals(ref) || i.arn().endsWith("/" + ref)).findFirst();
    }

    boolean hasInstances(ClusterRow cluster) {
        return instances.all().stream().anyMatch(i -> i.clusterArn().equals(cluster.arn()));
    }

    /** A task's ARN from its ARN or id within the cluster. */
    static String taskArn(ClusterRow cluster, String ref) {
        return EcsArn.looksLikeArn(ref) ? ref : EcsArn.task(cluster.name(), ref);
    }
}
