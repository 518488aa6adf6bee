package dev.berth.ecs.service;

import dev.berth.ecs.placement.ClusterView;
import dev.berth.ecs.placement.FargateQuota;
import dev.berth.ecs.placement.Reconciler;
import dev.berth.ecs.placement.ServiceSpec;
import dev.berth.ecs.placement.TaskSpecs;
import dev.berth.ecs.resource.EcsLabels;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.scheduler.Placement;
import dev.berth.ecs.scheduler.TaskToStop;
import dev.berth.ecs.scheduler.model.ClusterSnapshot;
import dev.berth.ecs.store.ClusterRow;
import dev.berth.ecs.store.InstanceRow;
import dev.berth.ecs.store.PlacementRow;
import dev.berth.ecs.store.ServiceSettings;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.store.TaskTable;
import dev.berth.ecs.task.StartRequest;
import dev.berth.ecs.task.TaskStarter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs a service's deployment step by step on the real engines, FARGATE and EC2 alike: each step
 * is decided by the pure {@link Reconciler} from the recorded cluster (FARGATE: the account's
 * Fargate capacity on the local engine), its starts run in parallel where they were placed, then
 * its stops. Failed starts are retried in later steps and counted; at ECS's threshold the
 * deployment stops (the circuit breaker, when enabled, says so in the events).
 */
final class RolloutRunner {
    /** How a run ended; {@code failures} are distinct messages for the user. */
    record Result(boolean steady, boolean breakerTripped, List<String> failures) {
    }

    private final ClusterView view;
    private final TaskStarter starter;
    private final TaskStops stops;
    private final TaskTable tasks;
    private final Table<PlacementRow> placements;
    private final Table<InstanceRow> instances;
    private final ContainerRuntime fleet;
    private final ExecutorService pool;
    private final EventLog events;
    private final Function<ServiceSettings, ClusterSnapshot> snapshots;
    private final DeploymentImages images;
    private final java.util.function.Supplier<dev.berth.ecs.store.EcsStore.Held> placementLock;

    /** {@code placementLock} holds the store's placement lock over each step's decision and starts. */
    RolloutRunner(ClusterView view, TaskStarter starter, TaskStops stops, TaskTable tasks,
                  Table<PlacementRow> placements, Table<InstanceRow> instances, ContainerRuntime fleet,
                  ExecutorService pool, EventLog events, Function<ServiceSettings, ClusterSnapshot> snapshots,
                  DeploymentImages images, java.util.function.Supplier<dev.berth.ecs.store.EcsStore.Held> placementLock) {
        this.placementLock = placementLock;
        this.images = images;
        this.view = view;
        this.starter = starter;
        this.stops = stops;
        this.tasks = tasks;
        this.placements = placements;
        this.instances = instances;
        this.fleet = fleet;
        this.pool = pool;
        this.events = events;
        this.snapshots = snapshots;
    }

    Result run(ServiceSettings settings, ClusterRow cluster, TaskDefinitionRow td, Set<String> replace) {
        String serviceArn = settings.serviceArn();
        String name = serviceArn.substring(serviceArn.lastIndexOf('/') + 1);
        Set<String> failures = new LinkedHashSet<>();
        ServiceSpec spec;
        try {
            spec = ServiceSpec.of(settings, TaskSpecs.of(td), replace);
        } catch (IllegalArgumentException e) {
            return cannot(serviceArn, name, e, failures);
        }
        int failedStarts = 0;
        // Each step either changes the cluster or counts a failure, so this bound is never the
        // reason to stop in practice; it only keeps a bug from spinning forever.
        for (int round = 0; round < 10_000; round++) {
            Reconciler.Step step;
            List<String> startFailures;
            // Read, decide and book under the placement lock, so another process placing at the
            // same time sees this step's bookings (the starts book before their containers exist).
            try (var held = placementLock.get()) {
                Optional<Reconciler.Step> next;
                try {
                    next = Reconciler.next(snapshots.apply(settings), spec);
                } catch (IllegalArgumentException e) {
                    return cannot(serviceArn, name, e, failures);
                }
                if (next.isEmpty()) return new Result(true, false, new ArrayList<>(failures));
                step = next.get();
                dev.berth.engine.trace.Trace.mark("step decided, starts", step.starts().size());
                startFailures = start(step.starts(), cluster, serviceArn, td);
                dev.berth.engine.trace.Trace.mark("step started");
            }
            failedStarts += startFailures.size();
            failures.addAll(startFailures);
            startFailures.forEach(f -> events.add(serviceArn, "service " + name + " failed to start a task: " + f));
            failures.addAll(stop(step.stops(), serviceArn));
            if (step.failure().isPresent()) {
                String m = settings.fargate() ? FargateQuota.message(spec.subject(), step.failure().get())
                        : step.failure().get().message();
                events.add(serviceArn, m);
                failures.add(m);
                return new Result(false, false, new ArrayList<>(failures));
            }
            if (failedStarts >= settings.failureThreshold()) {
                if (settings.breakerEnabled()) {
                    events.add(serviceArn, "service " + name + " deployment circuit breaker: " + failedStarts
                            + " tasks failed to start (threshold " + settings.failureThreshold() + ").");
                }
                return new Result(false, settings.breakerEnabled(), new ArrayList<>(failures));
            }
        }
        return new Result(false, false, new ArrayList<>(failures));
    }

    private Result cannot(String serviceArn, String name, IllegalArgumentException e, Set<String> failures) {
        String m = "service " + name + " cannot be deployed: " + e.getMessage() + ".";
        events.add(serviceArn, m);
        failures.add(m);
        return new Result(false, false, new ArrayList<>(failures));
    }

    private List<String> start(List<Placement> placed, ClusterRow cluster, String serviceArn, TaskDefinitionRow td) {
        List<Future<TaskRow>> futures = new ArrayList<>();
        Map<String, Map<String, dev.berth.ecs.runtime.ResolvedImage>> pinned = new java.util.HashMap<>();
        for (Placement p : placed) {
            InstanceRow instance = ClusterView.FARGATE.equals(p.instanceId()) ? null
                    : instances.get(p.instanceId()).orElseThrow();
            String host = instance == null ? null : instance.dockerHost();
            Map<String, dev.berth.ecs.runtime.ResolvedImage> pins;
            try {
                // Resolved here, one engine at a time, before the parallel starts read them.
                pins = pinned.computeIfAbsent(host == null ? "" : host, h -> images.on(serviceArn, td, host));
            } catch (RuntimeFailure f) {
                pins = Map.of();
            }
            Map<String, dev.berth.ecs.runtime.ResolvedImage> forTask = pins;
            futures.add(pool.submit(() -> starter.start(StartRequest.forService(cluster, td, instance, serviceArn,
                    forTask))));
        }
        List<String> failures = new ArrayList<>();
        for (Future<TaskRow> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                failures.add(TaskStops.message(e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add("Interrupted while starting tasks.");
            }
        }
        return failures;
    }

    private List<String> stop(List<TaskToStop> chosen, String serviceArn) {
        List<String> arns = chosen.stream().map(TaskToStop::taskId).toList();
        return stops.stop(arns, fleet, arn -> stopped(serviceArn, arn, TaskRow.SERVICE_SCHEDULER_INITIATED,
                "Scaling activity initiated by deployment"));
    }

    /** Marks a task STOPPED (keeping a reason already recorded) and releases its reservation. */
    static final String STRANDED_REASON = "The process starting this task stopped before it ran.";

    void stopped(String serviceArn, String taskArn, String code, String reason) {
        stopped(serviceArn, taskArn, code, reason, Map.of());
    }

    /** The same, keeping how its containers ended ({@code exits} by container name). */
    private void stopped(String serviceArn, String taskArn, String code, String reason,
                         Map<String, TaskRow.Exit> exits) {
        tasks.forService(serviceArn).stream().filter(r -> r.taskArn().equals(taskArn)).findFirst()
                .ifPresent(r -> tasks.put(r.withExits(exits).stopped(Instant.now().toString(), code, r.stoppedStatus()
                        && r.stoppedReason() != null ? r.stoppedReason() : reason)));
        placements.delete(taskArn);
    }

    /**
     * Clears what must not count before a deployment decides anything: containers no RUNNING
     * task owns (leftovers of an interrupted apply go by task ARN with their siblings, hand-made
     * ones by id), tasks whose essential containers died, and EC2 tasks whose instance was
     * deregistered or whose agent is disconnected.
     */
    List<String> cleanUp(String serviceArn, String clusterArn) {
        List<String> failures = new ArrayList<>();
        List<ContainerInfo> containers = fleet.listContainers(Map.of(EcsLabels.SERVICE, serviceArn));
        List<TaskRow> rows = tasks.forService(serviceArn);
        // A start no process here is making was cut short (its server was killed): it would stay
        // PENDING for good and keep its booked room. Its service is deployed by one process at a
        // time (the lease holder, or the run holding the state lock), so it is this one's to end.
        Set<String> stranded = new TreeSet<>();
        for (TaskRow r : rows) {
            boolean starting = TaskRow.PROVISIONING.equals(r.status()) || TaskRow.PENDING.equals(r.status());
            if (starting && !TaskStarter.startingHere(r.taskArn())) stranded.add(r.taskArn());
        }
        failures.addAll(stops.stop(stranded, fleet, arn -> stopped(serviceArn, arn, TaskRow.TASK_FAILED_TO_START,
                STRANDED_REASON)));
        Set<String> orphanTasks = new TreeSet<>();
        for (ContainerInfo c : ObservedTask.orphans(rows, containers)) {
            String arn = c.labels().get(EcsLabels.TASK_ARN);
            if (arn != null && stranded.contains(arn)) continue;
            if (arn != null) {
                orphanTasks.add(arn);
                continue;
            }
            try {
                fleet.removeContainer(c.id());
            } catch (RuntimeFailure f) {
                failures.add(f.getMessage());
            }
        }
        failures.addAll(stops.stop(orphanTasks, fleet, placements::delete));
        Set<String> registered = new HashSet<>(), away = new HashSet<>();
        view.instancesOf(clusterArn).forEach(i -> {
            registered.add(i.arn());
            if (!i.connected()) away.add(i.arn());
        });
        List<String> dead = new ArrayList<>(), lost = new ArrayList<>(), disconnected = new ArrayList<>();
        for (ObservedTask t : ObservedTask.liveness(rows, containers)) {
            String instance = placements.get(t.arn()).map(PlacementRow::instanceArn).orElse(null);
            if (instance != null && !registered.contains(instance)) lost.add(t.arn());
            else if (instance != null && away.contains(instance)) disconnected.add(t.arn());
            else if (!t.running()) dead.add(t.arn());
        }
        // Its containers are removed with it: keep how they ended first, as ECS shows a stopped task's.
        Map<String, List<ContainerInfo>> byTask = ObservedTask.byTask(containers);
        failures.addAll(stops.stop(dead, fleet, arn -> stopped(serviceArn, arn, TaskRow.ESSENTIAL_CONTAINER_EXITED,
                TaskRow.ESSENTIAL_EXITED_REASON, ObservedTask.exits(byTask.getOrDefault(arn, List.of())))));
        failures.addAll(stops.stop(lost, fleet, arn -> stopped(serviceArn, arn, TaskRow.SERVICE_SCHEDULER_INITIATED,
                "Container instance deregistered")));
        // Its containers stay on the engine that is away; they are orphans once it answers again.
        failures.addAll(stops.stop(disconnected, fleet, arn -> stopped(serviceArn, arn,
                TaskRow.SERVICE_SCHEDULER_INITIATED, "Container instance agent disconnected")));
        return failures;
    }
}
