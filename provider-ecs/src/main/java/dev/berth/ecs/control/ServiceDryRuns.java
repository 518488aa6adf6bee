package dev.berth.ecs.control;

import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.ServiceCalls.CreateServiceRequest;
import dev.berth.ecs.api.ServiceCalls.PlacementPreview;
import dev.berth.ecs.api.ServiceCalls.UpdateServiceRequest;
import dev.berth.ecs.api.Shapes.DeploymentCircuitBreaker;
import dev.berth.ecs.api.Shapes.DeploymentConfiguration;
import dev.berth.ecs.api.Shapes.PlacementConstraint;
import dev.berth.ecs.api.Shapes.PlacementStrategy;
import dev.berth.ecs.api.TaskDefinitionCalls.RegisterTaskDefinitionRequest;
import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.service.DeployRequest;
import dev.berth.ecs.service.PlacementPlanning;
import dev.berth.ecs.store.ServiceRow;
import dev.berth.ecs.store.Table;
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
    private final Lookups lookups;
    private final Table<ServiceRow> rows;

    ServiceDryRuns(PlacementPlanning planning, Lookups lookups, Table<ServiceRow> rows) {
        this.planning = planning;
        this.lookups = lookups;
        this.rows = rows;
    }

    /** A create of a name an ACTIVE service has is previewed as its replacement (its tasks are about to go). */
    PlacementPreview create(CreateServiceRequest r) {
        return preview(r.cluster(), r.serviceName(), r.taskDefinition(), r.plannedTaskDefinition(), r.desiredCount(),
                r.launchType(), r.deploymentConfiguration(), r.placementConstraints(), r.placementStrategy(), false,
                recorded(r.cluster(), r.serviceName()).isPresent());
    }

    /** An update keeps its service's launch type, as recorded (FARGATE when the service is not known here). */
    PlacementPreview update(UpdateServiceRequest r) {
        String name = r.service() == null ? null : r.service().substring(r.service().lastIndexOf('/') + 1);
        String launchType = recorded(r.cluster(), r.service()).map(ServiceRow::launchType).orElse("FARGATE");
        return preview(r.cluster(), name, r.taskDefinition(), r.plannedTaskDefinition(), r.desiredCount(),
                "EC2".equals(launchType) ? "EC2" : "FARGATE", r.deploymentConfiguration(), r.placementConstraints(),
                r.placementStrategy(), Boolean.TRUE.equals(r.forceNewDeployment()), true);
    }

    /** The service's row, read only: a dry run writes nothing, not even a record made up from a row. */
    private Optional<ServiceRow> recorded(String cluster, String service) {
        if (service == null) return Optional.empty();
        try {
            return rows.get(ServiceActions.serviceArn(lookups.cluster(cluster), service));
        } catch (EcsException unknownCluster) {
            return Optional.empty();
        }
    }

    private PlacementPreview preview(String cluster, String serviceName, String taskDefinition,
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
