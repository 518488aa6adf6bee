package dev.berth.ecs.control;

import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.Shapes.Failure;
import dev.berth.ecs.api.Shapes.TaskOverride;
import dev.berth.ecs.api.TaskCalls.RunTaskRequest;
import dev.berth.ecs.api.TaskCalls.StartTaskRequest;
import dev.berth.ecs.store.ClusterRow;
import dev.berth.ecs.instance.ContainerInstanceResource;
import dev.berth.ecs.store.InstanceRow;
import dev.berth.ecs.placement.ClusterView;
import dev.berth.ecs.placement.TaskSpecs;
import dev.berth.ecs.scheduler.Constraint;
import dev.berth.ecs.scheduler.Placement;
import dev.berth.ecs.scheduler.PlacementRequest;
import dev.berth.ecs.scheduler.PlacementResult;
import dev.berth.ecs.scheduler.PlacementValidationException;
import dev.berth.ecs.scheduler.Scheduler;
import dev.berth.ecs.scheduler.Rejection;
import dev.berth.ecs.scheduler.Strategy;
import dev.berth.ecs.scheduler.model.ClusterSnapshot;
import dev.berth.ecs.scheduler.model.ContainerInstance;
import dev.berth.ecs.scheduler.model.TaskSpec;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.ecs.task.Overrides;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * RunTask and StartTask up to the point where tasks exist: checks the request as ECS does,
 * places EC2 tasks with the scheduler (ECS's default spread over zones, then instances, unless
 * the request gives strategies and constraints), starts what was placed and turns what was not
 * into ECS's failures (RESOURCE:CPU, RESOURCE:MEMORY, RESOURCE:PORTS, AGENT, ATTRIBUTE, MISSING).
 */
final class OneOffRuns {
    static final int MAX_COUNT = 10;
    /** ECS's reason for a FARGATE task beyond the account's vCPU quota. */
    static final String FARGATE_QUOTA = "You've reached the limit on the number of vCPUs you can run concurrently";

    /** The tasks a call made (in start order) and what could not be placed. */
    record Outcome(ClusterRow cluster, List<String> taskArns, List<Failure> failures) {
    }

    private final Lookups lookups;
    private final ClusterView view;
    private final OneOffLauncher launcher;
    private final Table<InstanceRow> instances;
    private final Table<TaskAttributes> attributes;
    private final IntSupplier fargateCpuUnits;

    /** {@code fargateCpuUnits}: the account's Fargate vCPU quota in cpu units. */
    OneOffRuns(Lookups lookups, ClusterView view, OneOffLauncher launcher, Table<InstanceRow> instances,
               Table<TaskAttributes> attributes, IntSupplier fargateCpuUnits) {
        this.fargateCpuUnits = fargateCpuUnits;
        this.lookups = lookups;
        this.view = view;
        this.launcher = launcher;
        this.instances = instances;
        this.attributes = attributes;
    }

    synchronized Outcome run(RunTaskRequest r) {
        int count = r.count() == null ? 1 : r.count();
        if (count < 1 || count > MAX_COUNT) {
            throw EcsException.invalidParameter("count must be between 1 and " + MAX_COUNT + ".");
        }
        ClusterRow cluster = lookups.cluster(r.cluster());
        TaskDefinitionRow td = definition(r.taskDefinition());
        String launchType = r.launchType() == null ? "EC2" : r.launchType();
        checkLaunchType(td, launchType);
        if (r.clientToken() != null) {
            List<String> earlier = attributes.all().stream().filter(a -> r.clientToken().equals(a.clientToken())
                    && cluster.arn().equals(a.clusterArn())).map(TaskAttributes::taskArn).sorted().toList();
            if (!earlier.isEmpty()) return new Outcome(cluster, earlier, List.of());
        }
        String group = r.group() == null || r.group().isBlank() ? "family:" + td.family() : r.group();
        List<String> started = new ArrayList<>();
        if (launchType.equals("FARGATE")) {
            // The account's Fargate vCPUs are one instance to the scheduler: what does not fit is over the quota.
            PlacementResult placed = place(view.fargateSnapshot(cluster.arn(), fargateCpuUnits.getAsInt()),
                    new PlacementRequest(group, spec(td, r.overrides()), count, List.of(), List.of(), seed(group)));
            for (int i = 0; i < placed.placements().size(); i++) {
                started.add(launcher.start(new OneOffLauncher.Launch(cluster, td, null, group, r.startedBy(),
                        r.overrides(), r.tags(), r.clientToken())));
            }
            List<Failure> failures = new ArrayList<>();
            placed.failure().ifPresent(f -> f.rejections().forEach(rej -> failures.add(
                    rej.reason() == Rejection.Reason.INSUFFICIENT_CPU ? new Failure(null, FARGATE_QUOTA)
                            : new Failure(null, rej.ecsReason(), rej.describe()))));
            return new Outcome(cluster, started, failures);
        }
        List<Constraint> constraints = Placements.constraints(r.placementConstraints());
        List<Strategy> strategies = Placements.strategies(r.placementStrategy());
        ClusterSnapshot snapshot = view.snapshot(cluster.arn());
        if (snapshot.instances().isEmpty()) {
            throw EcsException.invalidParameter("No Container Instances were found in your cluster.");
        }
        PlacementResult placed = place(snapshot, new PlacementRequest(group, spec(td, r.overrides()), count,
                constraints, strategies, seed(group)));
        for (Placement p : placed.placements()) {
            InstanceRow instance = instances.get(p.instanceId()).orElseThrow();
            started.add(launcher.start(new OneOffLauncher.Launch(cluster, td, instance, group, r.startedBy(),
                    r.overrides(), r.tags(), r.clientToken())));
        }
        List<Failure> failures = placed.failure().map(Placements::failures).orElse(List.of());
        return new Outcome(cluster, started, failures);
    }

    /** One task on each named instance that exists and has room for it; ECS's reason for each that does not. */
    synchronized Outcome start(StartTaskRequest r) {
        List<String> named = r.containerInstances() == null ? List.of() : r.containerInstances();
        if (named.isEmpty() || named.size() > MAX_COUNT) {
            throw EcsException.invalidParameter("containerInstances must name between 1 and " + MAX_COUNT
                    + " container instances.");
        }
        ClusterRow cluster = lookups.cluster(r.cluster());
        TaskDefinitionRow td = definition(r.taskDefinition());
        checkLaunchType(td, "EC2");
        String group = r.group() == null || r.group().isBlank() ? "family:" + td.family() : r.group();
        TaskSpec spec = spec(td, r.overrides());
        List<String> started = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String ref : named) {
            InstanceRow instance = lookups.instance(cluster, ref).orElse(null);
            if (instance == null) {
                failures.add(new Failure(ref.startsWith("arn:") ? ref : ContainerInstanceResource.arn(cluster.name(), ref),
                        "MISSING"));
                continue;
            }
            // The instance as it is now, with the tasks this call already started on it.
            ClusterSnapshot all = view.snapshot(cluster.arn());
            List<ContainerInstance> only = all.instances().stream().filter(i -> i.id().equals(instance.arn())).toList();
            PlacementResult placed = place(new ClusterSnapshot(all.cluster(), only),
                    new PlacementRequest(group, spec, 1, List.of(), List.of(), seed(group)));
            if (placed.placements().isEmpty()) {
                placed.failure().map(Placements::failures).ifPresent(failures::addAll);
                continue;
            }
            started.add(launcher.start(new OneOffLauncher.Launch(cluster, td, instance, group, r.startedBy(),
                    r.overrides(), r.tags(), null)));
        }
        return new Outcome(cluster, started, failures);
    }

    private TaskDefinitionRow definition(String ref) {
        if (ref == null || ref.isBlank()) throw EcsException.invalidParameter("Task Definition can not be blank.");
        return lookups.taskDefinition(ref).orElseThrow(() -> EcsException.client("TaskDefinition not found."));
    }

    /** ECS refuses a launch type the task definition was not registered for. */
    private static void checkLaunchType(TaskDefinitionRow td, String launchType) {
        if (!launchType.equals("EC2") && !launchType.equals("FARGATE")) {
            throw EcsException.invalidParameter("launchType must be EC2 or FARGATE.");
        }
        ServiceRules.checkCompatible(td, launchType, true);
    }

    /** What placement reserves: the task definition's sizes, or the override's task cpu and memory. */
    static TaskSpec spec(TaskDefinitionRow td, TaskOverride overrides) {
        return Overrides.spec(TaskSpecs.of(td), overrides);
    }

    private static PlacementResult place(ClusterSnapshot snapshot, PlacementRequest request) {
        try {
            return Scheduler.place(snapshot, request);
        } catch (PlacementValidationException e) {
            throw EcsException.invalidParameter(e.getMessage());
        }
    }

    /** A fixed seed per group: the random strategy places a group's tasks the same way for the same cluster. */
    private static long seed(String group) {
        return group.hashCode() * 0x9E3779B97F4A7C15L;
    }
}
