package dev.berth.ecs.service;

import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.instance.Drainer;
import dev.berth.ecs.placement.ClusterView;
import dev.berth.ecs.placement.FargateQuota;
import dev.berth.ecs.resource.EcsLabels;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.scheduler.model.ClusterSnapshot;
import dev.berth.ecs.store.ClusterRow;
import dev.berth.ecs.store.InstanceRow;
import dev.berth.ecs.store.PlacementRow;
import dev.berth.ecs.store.ServiceRow;
import dev.berth.ecs.store.ServiceSettings;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.store.TaskTable;
import dev.berth.ecs.task.TaskStarter;
import dev.berth.ecs.taskdef.TaskDefinitionRegistry;
import dev.berth.ecs.store.EcsStore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The one deployment path of services, FARGATE and EC2 alike: records the service and its
 * settings, clears dead, lost and orphaned tasks, marks drifted ones for replacement, then rolls
 * out within the deployment bounds; with the circuit breaker's rollback it returns to the last
 * revision that reached a steady state. Also moves tasks off draining instances for every service.
 */
public final class Deployer implements Drainer {
    /** STOPPED task rows kept per service, enough to see why tasks died recently. */
    static final int KEEP_STOPPED = 10;

    private final Table<ClusterRow> clusters;
    private final Table<ServiceRow> services;
    private final Table<ServiceSettings> settings;
    private final TaskDefinitionRegistry registry;
    private final ClusterView view;
    private final RolloutRunner rollout;
    private final ContainerRuntime fleet;
    private final TaskTable tasks;
    private final TaskStops stops;
    private final EventLog events;
    private final EngineViews views;
    private final ServiceObserver observer;
    private final IntSupplier fargateCpuUnits;
    private final DeploymentImages images;
    private final EcsStore store;

    /**
     * {@code fleet} lists and stops tasks wherever they run; {@code runtimes} reaches one engine by
     * docker_host (null: the local engine); {@code pool} runs task starts and stops, shared with
     * every other apply; {@code fargateCpuUnits} is the account's Fargate vCPU quota in cpu units.
     */
    public Deployer(EcsStore store, Supplier<ContainerRuntime> fleet, ExecutorService pool,
                    Function<String, ContainerRuntime> runtimes, IntSupplier fargateCpuUnits) {
        this.store = store;
        this.clusters = new Table<>(store, ClusterRow.TABLE, ClusterRow.class);
        this.services = new Table<>(store, ServiceRow.TABLE, ServiceRow.class);
        this.settings = new Table<>(store, ServiceSettings.TABLE, ServiceSettings.class);
        this.registry = new TaskDefinitionRegistry(store);
        this.view = new ClusterView(store);
        this.tasks = new TaskTable(store);
        this.events = new EventLog(store);
        this.fargateCpuUnits = fargateCpuUnits;
        // The fleet supplier is resolved per call, so tests can swap engines.
        this.fleet = new LazyRuntime(fleet);
        this.stops = new TaskStops(pool);
        this.views = new EngineViews(tasks, () -> services.all().stream().map(ServiceRow::arn)
                .collect(java.util.stream.Collectors.toSet()));
        this.observer = new ServiceObserver(views, registry);
        this.images = new DeploymentImages(store, runtimes);
        this.rollout = new RolloutRunner(view, new TaskStarter(store, runtimes), stops, tasks,
                new Table<>(store, PlacementRow.TABLE, PlacementRow.class),
                new Table<>(store, InstanceRow.TABLE, InstanceRow.class), this.fleet, pool, events, this::snapshot,
                images, store::holdPlacement);
    }

    /** Where a service's tasks are placed from: its cluster's instances, or the account's Fargate capacity. */
    public ClusterSnapshot snapshot(ServiceSettings s) {
        return s.fargate() ? view.fargateSnapshot(s.clusterArn(), fargateCpuUnits.getAsInt()) : view.snapshot(s.clusterArn());
    }

    /** The account's Fargate vCPU quota in cpu units, for RunTask's FARGATE placement. */
    public int fargateCpuUnits() {
        return fargateCpuUnits.getAsInt();
    }

    /** Creates or updates the service and deploys it until it settles or fails. */
    public DeployResult deploy(DeployRequest r) {
        // What a refresh listed is about to be out of date.
        views.invalidate();
        Optional<DeployResult> rejected = record(r);
        if (rejected.isPresent()) return rejected.get();
        String clusterName = EcsArn.clusterName(r.cluster()).orElse(r.cluster());
        TaskDefinitionRow td = registry.resolve(r.taskDefinition()).orElseThrow();
        return deployRecorded(EcsArn.service(clusterName, r.serviceName()), td, r.forceNewDeployment());
    }

    /**
     * Deploys the service as its row and settings say now (berth server's service loop, after a
     * call recorded them): read here and never written back whole, so a change another process
     * records meanwhile (an apply's desired count) is not undone by a rollout that read the
     * service before it. A family named without a revision deploys its latest ACTIVE revision,
     * which the row and settings then name unless a call changed the service meanwhile.
     */
    public DeployResult deployRecorded(String serviceArn, boolean force) {
        views.invalidate();
        Optional<ServiceRow> found = services.get(serviceArn);
        if (found.isEmpty()) return DeployResult.rejected("Service " + serviceArn + " does not exist.", "service");
        ServiceRow row = found.get();
        Optional<TaskDefinitionRow> resolved = registry.resolve(row.taskDefinition());
        if (resolved.isEmpty() || !resolved.get().active()) {
            return DeployResult.rejected("Task definition \"" + row.taskDefinition()
                    + "\" is not registered or no longer active.", "taskDefinition");
        }
        TaskDefinitionRow td = resolved.get();
        if (!td.arn().equals(row.taskDefinitionArn())) {
            services.update(serviceArn, now -> now != null && now.taskDefinition().equals(row.taskDefinition())
                    && now.taskDefinitionArn().equals(row.taskDefinitionArn())
                    ? now.withTaskDefinition(row.taskDefinition(), td.arn()) : now);
            settings.update(serviceArn, now -> now != null && now.taskDefinitionArn().equals(row.taskDefinitionArn())
                    ? now.withTaskDefinition(td.arn(), now.lastGoodTaskDefinition()) : now);
        }
        return deployRecorded(serviceArn, td, force);
    }

    private DeployResult deployRecorded(String serviceArn, TaskDefinitionRow td, boolean force) {
        Optional<ServiceSettings> recorded = settings.get(serviceArn);
        Optional<ClusterRow> cluster = recorded.flatMap(s -> clusters.get(s.clusterArn()));
        if (recorded.isEmpty() || cluster.isEmpty()) {
            return DeployResult.rejected("Service " + serviceArn + " or its cluster no longer exists.", "service");
        }
        ServiceSettings s = recorded.get();
        try {
            // ECS resolves image tags to digests when a deployment starts (versionConsistency).
            dev.berth.engine.trace.Trace.mark("deploy recorded");
            images.begin(serviceArn, td, force);
            dev.berth.engine.trace.Trace.mark("deploy images");
            List<String> cleanUp = rollout.cleanUp(serviceArn, cluster.get().arn());
            dev.berth.engine.trace.Trace.mark("deploy cleaned up");
            Set<String> replace = new HashSet<>();
            // A drifted task is rolled like an old revision: start-first, so it serves until replaced.
            observer.observe(fleet, serviceArn).tasks().stream().filter(ObservedTask::drifted)
                    .map(ObservedTask::arn).forEach(replace::add);
            if (force) replace.addAll(runningTasks(serviceArn));
            dev.berth.engine.trace.Trace.mark("deploy observed");
            return rollOut(s, cluster.get(), td, replace, cleanUp);
        } catch (RuntimeFailure f) {
            return new DeployResult(DeployResult.Status.FAILED, serviceArn, td.arn(), f.getMessage(),
                    List.of(f.getMessage()), null);
        } finally {
            tasks.pruneStopped(serviceArn, KEEP_STOPPED);
        }
    }

    /**
     * Records the service and its settings as the request says, deploying nothing: the start of
     * every deployment, and all a CreateService or UpdateService does in the call when the
     * rollout runs behind it. Empty, or why the request cannot be deployed.
     */
    public Optional<DeployResult> record(DeployRequest r) {
        if (r.desiredCount() > FargateQuota.MAX_TASKS_PER_SERVICE) {
            return Optional.of(DeployResult.rejected(FargateQuota.DESIRED_COUNT_EXCEEDS, "desiredCount"));
        }
        String clusterName = EcsArn.clusterName(r.cluster()).orElse(r.cluster());
        Optional<ClusterRow> cluster = clusters.get(EcsArn.cluster(clusterName));
        if (cluster.isEmpty()) {
            return Optional.of(DeployResult.rejected("Cluster \"" + clusterName
                    + "\" does not exist; create it before its services.", "cluster"));
        }
        Optional<TaskDefinitionRow> found = registry.resolve(r.taskDefinition());
        if (found.isEmpty() || !found.get().active()) {
            return Optional.of(DeployResult.rejected("Task definition \"" + r.taskDefinition()
                    + "\" is not registered or no longer active.", "taskDefinition"));
        }
        TaskDefinitionRow td = found.get();
        String serviceArn = EcsArn.service(clusterName, r.serviceName());
        String clusterArn = cluster.get().arn();
        services.put(serviceArn, new ServiceRow(serviceArn, r.serviceName(), clusterArn, r.taskDefinition(), td.arn(),
                r.desiredCount(), r.launchType(), "ACTIVE"));
        // The revision to return to is the rollouts', kept as it is now.
        settings.update(serviceArn, now -> settingsOf(r, serviceArn, clusterArn, td.arn(),
                now == null ? null : now.lastGoodTaskDefinition()));
        return Optional.empty();
    }

    /**
     * The settings a request stores; {@code lastGood} is what the circuit breaker returns to.
     * FARGATE has no instances to choose between, so its placement options are not kept.
     */
    static ServiceSettings settingsOf(DeployRequest r, String serviceArn, String clusterArn, String taskDefinitionArn,
                                      String lastGood) {
        boolean fargate = "FARGATE".equals(r.launchType());
        return new ServiceSettings(serviceArn, clusterArn, fargate ? List.of() : r.placementStrategy(),
                fargate ? List.of() : r.placementConstraints(),
                r.minimumHealthyPercent(), r.maximumPercent(), r.circuitBreakerEnable(), r.circuitBreakerRollback(),
                taskDefinitionArn, lastGood, r.desiredCount(), r.launchType());
    }

    private DeployResult rollOut(ServiceSettings s, ClusterRow cluster, TaskDefinitionRow td, Set<String> replace,
                                 List<String> earlier) {
        String serviceArn = s.serviceArn();
        String name = serviceArn.substring(serviceArn.lastIndexOf('/') + 1);
        RolloutRunner.Result r = rollout.run(s, cluster, td, replace);
        dev.berth.engine.trace.Trace.mark("rollout done");
        List<String> failures = new ArrayList<>(earlier);
        r.failures().stream().filter(f -> !failures.contains(f)).forEach(failures::add);
        if (r.steady()) {
            // Only what this rollout owns: td is now the revision to return to; the revision to
            // deploy stays whatever a call recorded meanwhile.
            settings.update(serviceArn, now -> now == null ? null : now.withTaskDefinition(
                    now.taskDefinitionArn().equals(s.taskDefinitionArn()) ? td.arn() : now.taskDefinitionArn(), td.arn()));
            events.add(serviceArn, "service " + name + " has reached a steady state.");
            return new DeployResult(DeployResult.Status.STEADY, serviceArn, td.arn(), null, failures, null);
        }
        if (r.breakerTripped() && s.breakerRollback() && s.lastGoodTaskDefinition() != null
                && !s.lastGoodTaskDefinition().equals(td.arn())) {
            TaskDefinitionRow good = registry.resolve(s.lastGoodTaskDefinition()).orElseThrow();
            events.add(serviceArn, "service " + name + " deployment failed: rolling back to " + good.arn() + ".");
            ServiceSettings back = s.withTaskDefinition(good.arn(), good.arn());
            RolloutRunner.Result rb = rollout.run(back, cluster, good, Set.of());
            // The service now deploys the revision it returned to, and its row says so for every
            // reader, unless a call asked for another revision meanwhile.
            settings.update(serviceArn, now -> now != null && now.taskDefinitionArn().equals(s.taskDefinitionArn())
                    ? now.withTaskDefinition(good.arn(), good.arn()) : now);
            services.update(serviceArn, row -> row != null && row.taskDefinitionArn().equals(td.arn())
                    ? row.withTaskDefinition(good.arn(), good.arn()) : row);
            events.add(serviceArn, rb.steady() ? "service " + name + " rolled back to " + good.arn()
                    + " and has reached a steady state." : "service " + name + " rollback to " + good.arn() + " failed.");
            return new DeployResult(DeployResult.Status.ROLLED_BACK, serviceArn, good.arn(), "Deployment of " + td.arn()
                    + " failed: the circuit breaker tripped and the service rolled back to " + good.arn() + ".",
                    r.failures(), null);
        }
        events.add(serviceArn, "service " + name + " deployment of " + td.arn() + " failed.");
        String summary = r.failures().isEmpty() ? "The deployment of service " + name + " did not complete."
                : r.failures().get(r.failures().size() - 1);
        return new DeployResult(DeployResult.Status.FAILED, serviceArn, td.arn(), summary, failures, null);
    }

    /**
     * Stops every task of the service and forgets them, then the service, its settings and
     * events. Returns what failed; then nothing is forgotten, so a retry finds everything again.
     */
    public List<String> delete(String serviceArn) {
        views.invalidate();
        try {
            List<ContainerInfo> containers = fleet.listContainers(Map.of(EcsLabels.SERVICE, serviceArn));
            Set<String> arns = new TreeSet<>();
            tasks.forService(serviceArn).stream().filter(TaskRow::running).forEach(t -> arns.add(t.taskArn()));
            List<String> failures = new ArrayList<>();
            for (ContainerInfo c : containers) {
                String arn = c.labels().get(EcsLabels.TASK_ARN);
                if (arn != null) {
                    arns.add(arn);
                    continue;
                }
                try {
                    fleet.removeContainer(c.id());
                } catch (RuntimeFailure f) {
                    failures.add(f.getMessage());
                }
            }
            failures.addAll(stops.stop(arns, fleet, a -> { }));
            if (!failures.isEmpty()) return failures;
        } catch (RuntimeFailure f) {
            return List.of(f.getMessage());
        }
        for (TaskRow r : tasks.forService(serviceArn)) tasks.delete(r.taskArn());
        services.delete(serviceArn);
        settings.delete(serviceArn);
        images.forget(serviceArn);
        events.forget(serviceArn);
        dev.berth.ecs.store.ServiceKeeping.forget(store, serviceArn);
        return List.of();
    }

    /** ECS's service scheduler on a DRAINING instance: each service moves its tasks off it. */
    @Override
    public List<String> drain(InstanceRow instance) {
        Set<String> affected = new TreeSet<>();
        view.runningPlacements().values().stream().filter(p -> instance.arn().equals(p.instanceArn()))
                .map(PlacementRow::serviceArn).filter(java.util.Objects::nonNull).forEach(affected::add);
        List<String> problems = new ArrayList<>();
        for (String serviceArn : affected) {
            Optional<ServiceSettings> s = settings.get(serviceArn);
            Optional<ClusterRow> cluster = s.flatMap(x -> clusters.get(x.clusterArn()));
            Optional<TaskDefinitionRow> td = s.flatMap(x -> registry.resolve(x.taskDefinitionArn()));
            if (s.isEmpty() || cluster.isEmpty() || td.isEmpty()) continue;
            events.add(serviceArn, "service " + serviceArn.substring(serviceArn.lastIndexOf('/') + 1)
                    + " is moving its tasks off draining container-instance " + instance.id() + ".");
            try {
                RolloutRunner.Result r = rollout.run(s.get(), cluster.get(), td.get(), Set.of());
                if (!r.steady()) problems.addAll(r.failures());
            } catch (RuntimeFailure f) {
                problems.add(f.getMessage());
            }
        }
        return problems;
    }

    /**
     * The service as the engines run it: from the listing shared by this command's reads when
     * {@code shared} (a provider's control plane, which refreshes once per command), else listed now.
     */
    public ObservedService observe(String serviceArn, boolean shared) {
        return shared ? observer.observe(views.shared(fleet), serviceArn) : observer.observe(fleet, serviceArn);
    }

    /** The service's RUNNING tasks joined with what the engines run (dead ones have running false). */
    public List<ObservedTask> tasks(String serviceArn, boolean shared) {
        return observe(serviceArn, shared).tasks();
    }

    /**
     * Every service container of every engine in use, from the listing shared by this command's
     * reads, so describing tasks during a refresh lists no engine again.
     */
    public List<ContainerInfo> sharedContainers() {
        return views.shared(fleet).containers();
    }

    private Set<String> runningTasks(String serviceArn) {
        Set<String> out = new HashSet<>();
        tasks.forService(serviceArn).stream().filter(TaskRow::running).forEach(t -> out.add(t.taskArn()));
        return out;
    }
}
