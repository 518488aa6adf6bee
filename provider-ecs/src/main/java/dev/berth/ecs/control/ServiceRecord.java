package dev.berth.ecs.control;

import dev.berth.ecs.api.Shapes.DeploymentConfiguration;
import dev.berth.ecs.api.Shapes.PlacementConstraint;
import dev.berth.ecs.api.Shapes.PlacementStrategy;
import dev.berth.ecs.api.Shapes.Tag;

import java.util.ArrayList;
import java.util.List;

/**
 * What ECS says of a service beyond the {@code services} row the deployers keep (name, cluster,
 * revision, desired count): its status through deletion (ACTIVE, DRAINING, INACTIVE), the
 * deployment settings and placement it was given, its tags and client token, and its
 * deployments. Kept in {@code service_records}, keyed by service ARN, and outliving the
 * services row so a deleted service stays describable as INACTIVE for a while, as in ECS.
 */
record ServiceRecord(String serviceArn, String serviceName, String clusterArn, String status, String launchType,
                     String taskDefinitionArn, int desiredCount, DeploymentConfiguration deploymentConfiguration,
                     List<PlacementConstraint> placementConstraints, List<PlacementStrategy> placementStrategy,
                     List<Tag> tags, String clientToken, String createdAt, String deletedAt,
                     List<DeploymentRecord> deployments) {
    static final String TABLE = "service_records";
    static final String ACTIVE = "ACTIVE", DRAINING = "DRAINING", INACTIVE = "INACTIVE";

    ServiceRecord {
        placementConstraints = placementConstraints == null ? List.of() : List.copyOf(placementConstraints);
        placementStrategy = placementStrategy == null ? List.of() : List.copyOf(placementStrategy);
        tags = tags == null ? List.of() : List.copyOf(tags);
        deployments = deployments == null ? List.of() : List.copyOf(deployments);
    }

    /**
     * One deployment: the newest is PRIMARY; {@code rolloutState} IN_PROGRESS, COMPLETED or FAILED.
     * {@code replaceAll}: asked with forceNewDeployment, so its rollout replaces every running task
     * (kept for a rollout that runs behind the call).
     */
    record DeploymentRecord(String id, String taskDefinitionArn, int desiredCount, String createdAt, String updatedAt,
                            String rolloutState, String rolloutStateReason, Boolean replaceAll) {
        DeploymentRecord(String id, String taskDefinitionArn, int desiredCount, String createdAt, String updatedAt,
                         String rolloutState, String rolloutStateReason) {
            this(id, taskDefinitionArn, desiredCount, createdAt, updatedAt, rolloutState, rolloutStateReason, null);
        }

        boolean inProgress() {
            return "IN_PROGRESS".equals(rolloutState);
        }

        DeploymentRecord replacingAll(boolean force) {
            return new DeploymentRecord(id, taskDefinitionArn, desiredCount, createdAt, updatedAt, rolloutState,
                    rolloutStateReason, force ? Boolean.TRUE : replaceAll);
        }
    }

    boolean active() {
        return ACTIVE.equals(status);
    }

    ServiceRecord withStatus(String now, String at) {
        return new ServiceRecord(serviceArn, serviceName, clusterArn, now, launchType, taskDefinitionArn,
                INACTIVE.equals(now) || DRAINING.equals(now) ? 0 : desiredCount, deploymentConfiguration,
                placementConstraints, placementStrategy, tags, clientToken, createdAt,
                INACTIVE.equals(now) ? at : deletedAt, deployments);
    }

    /** The same service after an update, with {@code deployment} as its newest (PRIMARY) deployment. */
    ServiceRecord updated(String taskDefinition, int desired, DeploymentConfiguration config,
                          List<PlacementConstraint> constraints, List<PlacementStrategy> strategy,
                          DeploymentRecord deployment, boolean newDeployment) {
        List<DeploymentRecord> ds = new ArrayList<>(deployments);
        if (newDeployment || ds.isEmpty()) ds.add(0, deployment);
        else ds.set(0, deployment);
        // ECS keeps the PRIMARY deployment and the ones still draining; older ones are history.
        if (ds.size() > 5) ds = ds.subList(0, 5);
        return new ServiceRecord(serviceArn, serviceName, clusterArn, status, launchType, taskDefinition, desired,
                config, constraints, strategy, tags, clientToken, createdAt, deletedAt, ds);
    }
}
