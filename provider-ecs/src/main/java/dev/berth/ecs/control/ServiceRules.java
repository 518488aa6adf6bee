package dev.berth.ecs.control;

import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.Shapes.DeploymentCircuitBreaker;
import dev.berth.ecs.api.Shapes.DeploymentConfiguration;
import dev.berth.ecs.api.Shapes.PlacementConstraint;
import dev.berth.ecs.api.Shapes.PlacementStrategy;
import dev.berth.ecs.store.ClusterRow;
import dev.berth.ecs.placement.FargateQuota;
import dev.berth.ecs.service.DeployRequest;
import dev.berth.ecs.store.TaskDefinitionRow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** The checks and defaults of CreateService and UpdateService, with ECS's error names and texts. */
final class ServiceRules {

    private ServiceRules() {
    }

    static int desiredCount(Integer given) {
        if (given == null) throw EcsException.invalidParameter("desiredCount must be specified for a REPLICA service.");
        if (given < 0) throw EcsException.invalidParameter("desiredCount can not be negative.");
        return given;
    }

    /** ECS's tasks-per-service quota, refused before anything is recorded. */
    static void checkQuotas(int desired) {
        if (desired > FargateQuota.MAX_TASKS_PER_SERVICE) {
            throw EcsException.invalidParameter(FargateQuota.DESIRED_COUNT_EXCEEDS);
        }
    }

    static TaskDefinitionRow taskDefinition(Lookups lookups, String ref) {
        if (ref == null || ref.isBlank()) throw EcsException.invalidParameter("Task Definition can not be blank.");
        return lookups.taskDefinition(ref).filter(TaskDefinitionRow::active)
                .orElseThrow(() -> EcsException.invalidParameter("TaskDefinition not found."));
    }

    static String launchType(String given) {
        if (!"EC2".equals(given) && !"FARGATE".equals(given)) {
            throw EcsException.invalidParameter("launchType must be EC2 or FARGATE.");
        }
        return given;
    }

    /** ECS refuses a launch type the task definition was not registered for. */
    static void checkCompatible(TaskDefinitionRow td, String launchType, boolean clientError) {
        List<String> compat = td.requiresCompatibilities();
        if (compat != null && !compat.isEmpty() && !compat.contains(launchType)) {
            String message = "Task definition does not support launch_type " + launchType + ".";
            throw clientError ? EcsException.client(message) : EcsException.invalidParameter(message);
        }
    }

    /** Fargate places tasks itself: ECS refuses placement strategies and constraints for it. */
    static void checkFargatePlacement(String launchType, List<PlacementConstraint> constraints,
                                      List<PlacementStrategy> strategy) {
        if (!"FARGATE".equals(launchType)) return;
        if (strategy != null && !strategy.isEmpty()) {
            throw EcsException.invalidParameter("Placement strategies are not supported with FARGATE launch type.");
        }
        if (constraints != null && !constraints.isEmpty()) {
            throw EcsException.invalidParameter("Placement constraints are not supported with FARGATE launch type.");
        }
    }

    /**
     * ECS's default is EC2; berth runs a service on the cluster's container instances when it has
     * any and the definition allows EC2, and on the local engine (FARGATE) otherwise, since a
     * cluster without instances has nowhere else to run.
     */
    static String defaultLaunchType(Lookups lookups, ClusterRow cluster, TaskDefinitionRow td) {
        List<String> compat = td.requiresCompatibilities();
        boolean ec2Allowed = compat == null || compat.isEmpty() || compat.contains("EC2");
        return ec2Allowed && lookups.hasInstances(cluster) ? "EC2" : "FARGATE";
    }

    /** The configuration given, its absent fields taken from {@code before} or ECS's defaults (200%, 100%, no breaker). */
    static DeploymentConfiguration configuration(DeploymentConfiguration given, DeploymentConfiguration before) {
        DeploymentConfiguration base = before != null ? before
                : new DeploymentConfiguration(new DeploymentCircuitBreaker(false, false), 200, 100);
        if (given == null) return base;
        DeploymentCircuitBreaker breaker = given.deploymentCircuitBreaker() != null
                ? new DeploymentCircuitBreaker(Boolean.TRUE.equals(given.deploymentCircuitBreaker().enable()),
                Boolean.TRUE.equals(given.deploymentCircuitBreaker().rollback()))
                : base.deploymentCircuitBreaker();
        int max = given.maximumPercent() != null ? given.maximumPercent() : base.maximumPercent();
        int min = given.minimumHealthyPercent() != null ? given.minimumHealthyPercent() : base.minimumHealthyPercent();
        if (min < 0 || min > 100) throw EcsException.invalidParameter("minimumHealthyPercent must be between 0 and 100.");
        if (max < 100) throw EcsException.invalidParameter("maximumPercent must be at least 100.");
        return new DeploymentConfiguration(breaker, max, min);
    }

    static List<PlacementConstraint> constraints(List<PlacementConstraint> given) {
        Placements.constraints(given);
        return given == null ? List.of() : List.copyOf(given);
    }

    static List<PlacementStrategy> strategy(List<PlacementStrategy> given) {
        Placements.strategies(given);
        return given == null ? List.of() : List.copyOf(given);
    }

    /** A deployment as ECS names them: "ecs-svc/" and nineteen digits. */
    static ServiceRecord.DeploymentRecord newDeployment(String taskDefinitionArn, int desired, String now) {
        long n = ThreadLocalRandom.current().nextLong(1_000_000_000_000_000_000L, Long.MAX_VALUE);
        return new ServiceRecord.DeploymentRecord("ecs-svc/" + n, taskDefinitionArn, desired, now, now,
                "IN_PROGRESS", null);
    }

    static ServiceRecord.DeploymentRecord reopened(ServiceRecord.DeploymentRecord d, int desired, String now) {
        return new ServiceRecord.DeploymentRecord(d.id(), d.taskDefinitionArn(), desired, d.createdAt(), now,
                "IN_PROGRESS", null, d.inProgress() ? d.replaceAll() : null);
    }

    static DeployRequest request(ServiceRecord s, String tdRef, boolean force) {
        List<List<String>> strategies = new ArrayList<>();
        for (PlacementStrategy p : s.placementStrategy()) strategies.add(Arrays.asList(p.type(), p.field()));
        List<List<String>> constraints = new ArrayList<>();
        for (PlacementConstraint c : s.placementConstraints()) constraints.add(Arrays.asList(c.type(), c.expression()));
        DeploymentConfiguration c = configuration(null, s.deploymentConfiguration());
        DeploymentCircuitBreaker b = c.deploymentCircuitBreaker() == null ? new DeploymentCircuitBreaker(false, false)
                : c.deploymentCircuitBreaker();
        return new DeployRequest(s.serviceName(), s.clusterArn(), tdRef, s.desiredCount(), s.launchType(),
                strategies, constraints, c.minimumHealthyPercent(), c.maximumPercent(),
                Boolean.TRUE.equals(b.enable()), Boolean.TRUE.equals(b.rollback()), force);
    }
}
