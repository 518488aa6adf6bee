package dev.berth.ecs.service;

import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.store.ClusterRow;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.taskdef.TaskDefinitionRegistry;
import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.value.MapValue;

import java.math.BigDecimal;
import java.util.Optional;

import static dev.berth.ecs.schema.ServiceSchema.CLUSTER;
import static dev.berth.ecs.schema.ServiceSchema.DESIRED_COUNT;
import static dev.berth.ecs.schema.ServiceSchema.NAME;
import static dev.berth.ecs.schema.ServiceSchema.TASK_DEFINITION;

/**
 * What a service's configuration points at, resolved against the provider's tables before any
 * deployment: its cluster, the active task definition revision and the desired count. Both the
 * FARGATE and the EC2 deployer start from here.
 */
record ServiceTarget(String name, String serviceArn, ClusterRow cluster, String taskDefinitionRef,
                     TaskDefinitionRow taskDefinition, int desired) {

    /** Either a target or the one-sentence reason there is none. */
    record Resolution(ServiceTarget target, ProviderDiagnostic failure) {
    }

    static Resolution resolve(MapValue config, Table<ClusterRow> clusters, TaskDefinitionRegistry registry) {
        String name = Attrs.string(config, NAME);
        String clusterName = EcsArn.clusterName(Attrs.string(config, CLUSTER)).orElseThrow();
        Optional<ClusterRow> cluster = clusters.get(EcsArn.cluster(clusterName));
        if (cluster.isEmpty()) {
            return failure("Cluster \"" + clusterName + "\" does not exist; create it before its services.", CLUSTER);
        }
        String tdRef = Attrs.string(config, TASK_DEFINITION);
        Optional<TaskDefinitionRow> td = registry.resolve(tdRef);
        if (td.isEmpty() || !td.get().active()) {
            return failure("Task definition \"" + tdRef + "\" is not registered or no longer active.", TASK_DEFINITION);
        }
        BigDecimal desiredValue = Attrs.number(config, DESIRED_COUNT);
        int desired = desiredValue == null ? 1 : desiredValue.intValueExact();
        return new Resolution(new ServiceTarget(name, EcsArn.service(clusterName, name), cluster.get(), tdRef,
                td.get(), desired), null);
    }

    private static Resolution failure(String summary, String attribute) {
        return new Resolution(null, ProviderDiagnostic.error(summary, null, attribute));
    }
}
