package dev.berth.ecs.task;

import dev.berth.ecs.api.Shapes.TaskOverride;
import dev.berth.ecs.runtime.ResolvedImage;
import dev.berth.ecs.store.ClusterRow;
import dev.berth.ecs.store.InstanceRow;
import dev.berth.ecs.store.TaskDefinitionRow;

import java.util.Map;

/**
 * One task to start: a revision in a cluster, where it runs, and who asked for it.
 *
 * @param instance   the container instance an EC2 task was placed on; null for a FARGATE task,
 *                   which runs on the local engine
 * @param group      ECS's task group: "service:NAME" for a service's tasks, "family:FAMILY" by
 *                   default for run-task
 * @param startedBy  ECS's startedBy: the service ARN for a service's tasks, the caller's text for
 *                   run-task (may be null)
 * @param serviceArn the service the task belongs to; null for a one-off task
 * @param taskArn    the ARN to give the task; null: a new one (a caller that records something
 *                   about the task before it starts chooses it first)
 * @param overrides  RunTask's and StartTask's overrides (command, environment, cpu, memory), or null
 * @param images     the images the service's deployment resolved on this engine, by container
 *                   name (versionConsistency); null or absent ones are resolved at launch
 */
public record StartRequest(ClusterRow cluster, TaskDefinitionRow taskDefinition, InstanceRow instance, String group,
                           String startedBy, String serviceArn, String taskArn, TaskOverride overrides,
                           Map<String, ResolvedImage> images) {
    public static final String FARGATE = "FARGATE", EC2 = "EC2";

    public StartRequest {
        images = images == null ? Map.of() : Map.copyOf(images);
    }

    public StartRequest(ClusterRow cluster, TaskDefinitionRow taskDefinition, InstanceRow instance, String group,
                        String startedBy, String serviceArn, String taskArn, TaskOverride overrides) {
        this(cluster, taskDefinition, instance, group, startedBy, serviceArn, taskArn, overrides, null);
    }

    public StartRequest(ClusterRow cluster, TaskDefinitionRow taskDefinition, InstanceRow instance, String group,
                        String startedBy, String serviceArn) {
        this(cluster, taskDefinition, instance, group, startedBy, serviceArn, null, null);
    }

    /** A task of a service, started by its deployment. */
    public static StartRequest forService(ClusterRow cluster, TaskDefinitionRow td, InstanceRow instance,
                                          String serviceArn) {
        return new StartRequest(cluster, td, instance, groupOf(serviceArn), serviceArn, serviceArn);
    }

    /** A task of a service's deployment, created by the images the deployment resolved. */
    public static StartRequest forService(ClusterRow cluster, TaskDefinitionRow td, InstanceRow instance,
                                          String serviceArn, Map<String, ResolvedImage> images) {
        return new StartRequest(cluster, td, instance, groupOf(serviceArn), serviceArn, serviceArn, null, null, images);
    }

    public String launchType() {
        return instance == null ? FARGATE : EC2;
    }

    /** The scheduler's task group of a service: "service:NAME". */
    public static String groupOf(String serviceArn) {
        return "service:" + serviceArn.substring(serviceArn.lastIndexOf('/') + 1);
    }
}
