package dev.berth.ecs.control;

import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.ServiceCalls.PlacementPreview;
import dev.berth.ecs.api.Shapes.DeploymentCircuitBreaker;
import dev.berth.ecs.api.Shapes.DeploymentConfiguration;
import dev.berth.ecs.api.Shapes.PlacementConstraint;
import dev.berth.ecs.api.Shapes.PlacementStrategy;
import dev.berth.ecs.api.TaskDefinitionCalls.RegisterTaskDefinitionRequest;
import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.service.DeployRequest;
import dev.berth.ecs.service.PlacementPlanning;
import dev.berth.ecs.store.TaskDefinitionRow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * CreateService and UpdateService with {@code dryRun} (berth's addition, as EC2's DryRun): the
 * request read as a deployment and walked by {@link PlacementPlanning} without recording or
 * starting anything, so a plan can show where tasks would go while planning stays pure on the
 * caller's side. A cluster or task definition that does not exist yet (the same apply makes
 * it) is not an error here: placement is then decided at apply.
 */
final class ServiceDryRuns {
    private final PlacementPlanning planning;

    ServiceDryRuns(PlacementPlanning planning) {
        this.planning = planning;
    }

    PlacementPreview preview(String cluster, String serviceName, String taskDefinition,
                             RegisterTaskDefinitionRequest planned, Integer desired, String launchType,
                             DeploymentConfiguration configuration, List<PlacementConstraint> constraints,
                             List<PlacementStrategy> strategy, boolean force, boolean existing) {
        DeploymentConfiguration c = ServiceRules.configuration(configuration, null);
        DeploymentCircuitBreaker b = c.deploymentCircuitBreaker() == null ? new DeploymentCircuitBreaker(false, false)
                : c.deploymentCircuitBreaker();
        List<List<String>> strategies = new ArrayList<>();
        if (strategy != null) for (PlacementStrategy p : strategy) strategies.add(Arrays.asList(p.type(), p.field()));
        List<List<String>> pairs = new ArrayList<>();
        if (constraints != null) for (PlacementConstraint p : constraints) pairs.add(Arrays.asList(p.type(), p.expression()));
        DeployRequest r = new DeployRequest(serviceName, cluster == null ? "default" : cluster,
                planned != null ? null : taskDefinition, desired == null ? 1 : ServiceRules.desiredCount(desired),
                launchType == null ? "FARGATE" : ServiceRules.launchType(launchType), strategies, pairs,
                c.minimumHealthyPercent(), c.maximumPercent(), Boolean.TRUE.equals(b.enable()),
                Boolean.TRUE.equals(b.rollback()), force);
        return planning.preview(r, plannedRevision(planned), existing);
    }

    /** The revision about to be registered, checked and normalised as a registration would be. */
    private static Optional<TaskDefinitionRow> plannedRevision(RegisterTaskDefinitionRequest planned) {
        if (planned == null) return Optional.empty();
        try {
            TaskDefinitionShapes.Registration reg = TaskDefinitionShapes.validated(planned);
            return Optional.of(new TaskDefinitionRow(EcsArn.taskDefinitionFamily(reg.family()) + ":(new revision)",
                    reg.family(), 0, TaskDefinitionRow.ACTIVE, reg.cpu(), reg.memory(), reg.networkMode(),
                    reg.requiresCompatibilities(), planned.executionRoleArn(), planned.taskRoleArn(),
                    reg.containers(), null));
        } catch (EcsException invalid) {
            // Its own plan reports what is wrong with it; placement waits for apply.
            return Optional.empty();
        }
    }
}
