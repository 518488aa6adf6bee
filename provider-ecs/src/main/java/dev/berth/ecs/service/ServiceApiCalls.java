package dev.berth.ecs.service;

import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.ServiceCalls.CreateServiceRequest;
import dev.berth.ecs.api.ServiceCalls.Deployment;
import dev.berth.ecs.api.ServiceCalls.Service;
import dev.berth.ecs.api.ServiceCalls.UpdateServiceRequest;
import dev.berth.ecs.api.Shapes.DeploymentCircuitBreaker;
import dev.berth.ecs.api.Shapes.DeploymentConfiguration;
import dev.berth.ecs.api.Shapes.PlacementConstraint;
import dev.berth.ecs.api.Shapes.PlacementStrategy;
import dev.berth.ecs.placement.FargateQuota;
import dev.berth.engine.provider.ProviderDiagnostic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.berth.ecs.schema.ServiceSchema.CLUSTER;
import static dev.berth.ecs.schema.ServiceSchema.DESIRED_COUNT;
import static dev.berth.ecs.schema.ServiceSchema.TASK_DEFINITION;

/**
 * An {@code ecs_service} configuration as ECS's CreateService and UpdateService requests, and
 * the service they answer with as the apply's diagnostics: a FAILED rollout is an error whose
 * first line is the summary and whose other lines (the failures on the way) are its detail.
 */
final class ServiceApiCalls {
    private ServiceApiCalls() {
    }

    static CreateServiceRequest create(DeployRequest r, String clientToken) {
        return new CreateServiceRequest(r.cluster(), r.serviceName(), r.taskDefinition(), r.desiredCount(), clientToken,
                r.launchType(), configuration(r), constraints(r), strategy(r), null, null);
    }

    static UpdateServiceRequest update(DeployRequest r, String serviceArn) {
        return new UpdateServiceRequest(r.cluster(), serviceArn, r.desiredCount(), r.taskDefinition(), configuration(r),
                constraints(r), strategy(r), r.forceNewDeployment());
    }

    private static DeploymentConfiguration configuration(DeployRequest r) {
        return new DeploymentConfiguration(new DeploymentCircuitBreaker(r.circuitBreakerEnable(),
                r.circuitBreakerRollback()), r.maximumPercent(), r.minimumHealthyPercent());
    }

    private static List<PlacementConstraint> constraints(DeployRequest r) {
        List<PlacementConstraint> out = new ArrayList<>();
        for (List<String> c : r.placementConstraints()) out.add(new PlacementConstraint(c.get(0), c.size() > 1 ? c.get(1) : null));
        return out;
    }

    private static List<PlacementStrategy> strategy(DeployRequest r) {
        List<PlacementStrategy> out = new ArrayList<>();
        for (List<String> s : r.placementStrategy()) out.add(new PlacementStrategy(s.get(0), s.size() > 1 ? s.get(1) : null));
        return out;
    }

    /** The errors of the rollout the call ran; {@code rolledBack} when the service returned to an earlier revision. */
    static List<ProviderDiagnostic> outcome(Service s, boolean rolledBack) {
        if (s.deployments() == null || s.deployments().isEmpty()) return List.of();
        Deployment d = s.deployments().get(0);
        if (d.rolloutStateReason() == null || d.rolloutStateReason().isEmpty()) return List.of();
        List<String> lines = Arrays.asList(d.rolloutStateReason().split("\n"));
        if (!"FAILED".equals(d.rolloutState())) {
            // Settled, after failures on the way: each is still an error of this apply.
            return lines.stream().map(l -> ProviderDiagnostic.error(l, null)).toList();
        }
        String detail = lines.size() > 1 ? String.join("\n", lines.subList(1, lines.size())) : null;
        if (detail == null && !rolledBack) return List.of(ProviderDiagnostic.error(lines.get(0), null));
        return List.of(ProviderDiagnostic.error(lines.get(0), detail, TASK_DEFINITION));
    }

    /** A refused call in the configuration's terms, naming the argument at fault where there is one. */
    static ProviderDiagnostic refused(EcsException e, DeployRequest r) {
        if (EcsException.CLUSTER_NOT_FOUND.equals(e.errorName())) {
            String name = dev.berth.ecs.arn.EcsArn.clusterName(r.cluster()).orElse(r.cluster());
            return ProviderDiagnostic.error("Cluster \"" + name + "\" does not exist; create it before its services.",
                    null, CLUSTER);
        }
        if (FargateQuota.DESIRED_COUNT_EXCEEDS.equals(e.getMessage())) {
            return ProviderDiagnostic.error(e.getMessage(), "ECS allows at most " + FargateQuota.MAX_TASKS_PER_SERVICE
                    + " tasks per service; desired_count is " + r.desiredCount() + ".", DESIRED_COUNT);
        }
        if (e.getMessage().startsWith("TaskDefinition not found")) {
            return ProviderDiagnostic.error("Task definition \"" + r.taskDefinition()
                    + "\" is not registered or no longer active.", null, TASK_DEFINITION);
        }
        return ProviderDiagnostic.error(e.getMessage(), "The ECS control plane answered " + e.errorName() + ".");
    }
}
