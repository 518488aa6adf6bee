package dev.berth.ecs.service;

import dev.berth.ecs.store.ServiceSettings;
import dev.berth.ecs.store.TaskTable;
import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.store.ClusterRow;
import dev.berth.ecs.store.InstanceRow;
import dev.berth.ecs.placement.ClusterView;
import dev.berth.ecs.store.PlacementRow;
import dev.berth.ecs.placement.Reconciler;
import dev.berth.ecs.placement.ServiceSpec;
import dev.berth.ecs.placement.TaskSpecs;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.scheduler.Placement;
import dev.berth.ecs.scheduler.TaskToStop;
import dev.berth.ecs.scheduler.model.ClusterSnapshot;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.task.StartRequest;
import dev.berth.ecs.task.TaskStarter;
import dev.berth.ecs.store.TaskDefinitionRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs a service's deployment step by step on the real engines: each step is decided by the
 * pure {@link Reconciler} from the recorded cluster, its starts run in parallel on the placed
 * instances, then its stops. Failed starts are retried in later steps and counted; at ECS's
 * threshold the deployment stops (the circuit breaker, when enabled, says so in the events).
 */
final class Ec2Rollout {
    /** How a run ended; {@code failures} are distinct messages for the user. */
    record Result(boolean steady, boolean breakerTripped, List<String> failures) {
    }

    private final ClusterView view;
    private final TaskStarter starter;
    private final TaskLauncher launcher;
    private final TaskTable tasks;
    private final Table<PlacementRow> placements;
    private final Table<InstanceRow> instances;
    private final ContainerRuntime fleet;
    private final ExecutorService pool;
    private final EventLog events;

    Ec2Rollout(ClusterView view, TaskStarter starter, TaskLauncher launcher, TaskTable tasks,
               Table<PlacementRow> placements, Table<InstanceRow> instances, ContainerRuntime fleet,
               ExecutorService pool, EventLog events) {
        this.view = view;
        this.starter = starter;
        this.launcher = launcher;
        this.tasks = tasks;
        this.placements = placements;
        this.instances = instances;
        this.fleet = fleet;
        this.pool = pool;
        this.events = events;
    }

    Result run(ServiceSettings settings, ClusterRow cluster, TaskDefinitionRow td, Set<String> replace) {
        String serviceArn = settings.serviceArn();
        String name = serviceArn.substring(serviceArn.lastIndexOf('/') + 1);
        ServiceSpec spec = ServiceSpec.of(settings, TaskSpecs.of(td), replace);
        Set<String> failures = new LinkedHashSet<>();
        int failedStarts = 0;
        // Each step either changes the cluster or counts a failure, so this bound is never the
        // reason to stop in practice; it only keeps a bug from spinning forever.
        for (int round = 0; round < 10_000; round++) {
            ClusterSnapshot snapshot = view.snapshot(settings.clusterArn());
            Optional<Reconciler.Step> next;
            try {
                next = Reconciler.next(snapshot, spec);
            } catch (IllegalArgumentException e) {
                String m = "service " + name + " cannot be deployed: " + e.getMessage() + ".";
                events.add(serviceArn, m);
                failures.add(m);
                return new Result(false, false, new ArrayList<>(failures));
            }
            if (next.isEmpty()) return new Result(true, false, new ArrayList<>(failures));
            Reconciler.Step step = next.get();
            List<String> startFailures = start(step.starts(), cluster, serviceArn, td);
            failedStarts += startFailures.size();
            failures.addAll(startFailures);
            startFailures.forEach(f -> events.add(serviceArn, "service " + name + " failed to start a task: " + f));
            failures.addAll(stop(step.stops(), serviceArn));
            if (step.failure().isPresent()) {
                String m = step.failure().get().message();
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

    private List<String> start(List<Placement> placed, ClusterRow cluster, String serviceArn, TaskDefinitionRow td) {
        List<Future<TaskRow>> futures = new ArrayList<>();
        for (Placement p : placed) {
            InstanceRow instance = instances.get(p.instanceId()).orElseThrow();
            futures.add(pool.submit(() -> starter.start(StartRequest.forService(cluster, td, instance, serviceArn))));
        }
        List<String> failures = new ArrayList<>();
        for (Future<TaskRow> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                Throwable t = e.getCause();
                failures.add(t instanceof RuntimeFailure ? t.getMessage()
                        : "A task operation failed unexpectedly: " + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add("Interrupted while starting tasks.");
            }
        }
        return failures;
    }

    List<String> stop(List<TaskToStop> stops, String serviceArn) {
        List<String> arns = stops.stream().map(TaskToStop::taskId).toList();
        return launcher.stop(arns, fleet, arn -> stopped(serviceArn, arn, "Scaling activity initiated by deployment"));
    }

    /** Marks a task STOPPED and releases its reservation on the instance. */
    void stopped(String serviceArn, String taskArn, String reason) {
        stopped(serviceArn, taskArn, TaskRow.SERVICE_SCHEDULER_INITIATED, reason);
    }

    void stopped(String serviceArn, String taskArn, String code, String reason) {
        tasks.forService(serviceArn).stream().filter(r -> r.taskArn().equals(taskArn)).findFirst()
                .ifPresent(r -> tasks.put(r.stopped(Instant.now().toString(), code, r.stoppedStatus()
                        && r.stoppedReason() != null ? r.stoppedReason() : reason)));
        placements.delete(taskArn);
    }

    /** Stops what is dead, left over or lost (its instance deregistered) before a deployment decides anything. */
    List<String> cleanUp(String serviceArn, String clusterArn) {
        List<String> failures = new ArrayList<>();
        var containers = fleet.listContainers(Map.of(dev.berth.ecs.resource.EcsLabels.SERVICE, serviceArn));
        List<TaskRow> rows = tasks.forService(serviceArn);
        failures.addAll(launcher.stop(ObservedTask.orphanTasks(rows, containers), fleet, placements::delete));
        Set<String> registered = new java.util.HashSet<>(), away = new java.util.HashSet<>();
        view.instancesOf(clusterArn).forEach(i -> {
            registered.add(i.arn());
            if (!i.connected()) away.add(i.arn());
        });
        List<String> dead = new ArrayList<>(), lost = new ArrayList<>(), disconnected = new ArrayList<>();
        for (ObservedTask t : ObservedTask.liveness(rows, containers)) {
            Optional<PlacementRow> p = placements.get(t.arn());
            if (p.isPresent() && !registered.contains(p.get().instanceArn())) lost.add(t.arn());
            else if (p.isPresent() && away.contains(p.get().instanceArn())) disconnected.add(t.arn());
            else if (!t.running()) dead.add(t.arn());
        }
        failures.addAll(launcher.stop(dead, fleet, arn -> stopped(serviceArn, arn, TaskRow.ESSENTIAL_CONTAINER_EXITED,
                TaskRow.ESSENTIAL_EXITED_REASON)));
        failures.addAll(launcher.stop(lost, fleet, arn -> stopped(serviceArn, arn, "Container instance deregistered")));
        // Its containers stay on the engine that is away; they are orphans once it answers again.
        failures.addAll(launcher.stop(disconnected, fleet, arn -> stopped(serviceArn, arn,
                "Container instance agent disconnected")));
        return failures;
    }
}
