package dev.berth.ecs.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a service should run, in the control plane's terms (CreateService / UpdateService, or an
 * {@code ecs_service} configuration mapped to them).
 *
 * @param cluster             cluster name or ARN
 * @param taskDefinition      family, family:revision or ARN; the latest ACTIVE revision for a family
 * @param launchType          FARGATE (the local engine) or EC2 (the cluster's container instances)
 * @param placementStrategy   [type, field] pairs as ECS spells them (field null for random)
 * @param placementConstraints [type, expression] pairs (expression null for distinctInstance)
 * @param forceNewDeployment  replace every running task even when nothing changed
 */
public record DeployRequest(String serviceName, String cluster, String taskDefinition, int desiredCount,
                            String launchType, List<List<String>> placementStrategy,
                            List<List<String>> placementConstraints, int minimumHealthyPercent, int maximumPercent,
                            boolean circuitBreakerEnable, boolean circuitBreakerRollback, boolean forceNewDeployment) {
    public DeployRequest {
        placementStrategy = pairs(placementStrategy);
        placementConstraints = pairs(placementConstraints);
        if (launchType == null) launchType = "FARGATE";
    }

    /** ECS's defaults: 100% minimum healthy, 200% maximum, no placement, no circuit breaker. */
    public static DeployRequest of(String serviceName, String cluster, String taskDefinition, int desiredCount,
                                   String launchType) {
        return new DeployRequest(serviceName, cluster, taskDefinition, desiredCount, launchType, List.of(), List.of(),
                100, 200, false, false, false);
    }

    private static List<List<String>> pairs(List<List<String>> in) {
        if (in == null) return List.of();
        return in.stream().map(p -> Collections.unmodifiableList(new ArrayList<>(p))).toList();
    }
}
