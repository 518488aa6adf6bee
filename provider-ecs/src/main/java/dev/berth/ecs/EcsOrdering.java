package dev.berth.ecs;

import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.schema.ClusterSchema;
import dev.berth.ecs.schema.ContainerInstanceSchema;
import dev.berth.ecs.schema.ServiceSchema;
import dev.berth.ecs.schema.TaskDefinitionSchema;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.provider.ImplicitOrder;
import dev.berth.engine.value.MapValue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * How ECS's objects live in each other, for the engine's apply order: instances and services
 * live in a cluster; an EC2 service runs on its cluster's instances; a service runs a task
 * definition family. So a service is created after, and deleted before, its cluster, the
 * cluster's container instances (when EC2) and its task definition, however the configuration
 * names them (a reference, an ARN or a plain name) and without depends_on.
 */
final class EcsOrdering {
    private EcsOrdering() {
    }

    static ImplicitOrder of(String type, MapValue value) {
        Set<String> provides = new HashSet<>(), needs = new HashSet<>();
        switch (type) {
            case ClusterSchema.TYPE -> cluster(value, ClusterSchema.NAME).ifPresent(c -> provides.add("cluster:" + c));
            case ContainerInstanceSchema.TYPE -> cluster(value, ContainerInstanceSchema.CLUSTER).ifPresent(c -> {
                needs.add("cluster:" + c);
                provides.add("capacity:" + c);
            });
            case TaskDefinitionSchema.TYPE -> known(value, TaskDefinitionSchema.FAMILY)
                    .ifPresent(f -> provides.add("family:" + f));
            case ServiceSchema.TYPE -> {
                cluster(value, ServiceSchema.CLUSTER).ifPresent(c -> {
                    needs.add("cluster:" + c);
                    if ("EC2".equals(Attrs.string(value, ServiceSchema.LAUNCH_TYPE))) needs.add("capacity:" + c);
                });
                known(value, ServiceSchema.TASK_DEFINITION).map(EcsOrdering::family).ifPresent(f -> needs.add("family:" + f));
            }
            default -> {
            }
        }
        return new ImplicitOrder(provides, needs);
    }

    private static Optional<String> cluster(MapValue value, String attr) {
        return known(value, attr).flatMap(EcsArn::clusterName);
    }

    private static Optional<String> known(MapValue value, String attr) {
        return Attrs.unknown(value, attr) ? Optional.empty() : Optional.ofNullable(Attrs.string(value, attr));
    }

    /** The family of a task definition reference: an ARN, family:revision or a bare family. */
    private static String family(String ref) {
        String path = EcsArn.parse(ref).map(EcsArn::path).orElse(ref);
        int colon = path.lastIndexOf(':');
        return colon < 0 ? path : path.substring(0, colon);
    }
}
