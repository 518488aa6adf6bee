package dev.berth.ecs.service;

import dev.berth.ecs.store.TaskTable;
import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.store.ServiceRow;
import dev.berth.ecs.schema.Ec2ServiceSchema;

import dev.berth.ecs.store.ClusterRow;
import dev.berth.ecs.resource.Diags;
import dev.berth.ecs.resource.EcsLabels;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.taskdef.TaskDefinitionRegistry;
import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.provider.ProviderRequests.ApplyResponse;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static dev.berth.ecs.schema.ServiceSchema.ARN;
import static dev.berth.ecs.schema.ServiceSchema.DESIRED_COUNT;
import static dev.berth.ecs.schema.ServiceSchema.ID;
import static dev.berth.ecs.schema.ServiceSchema.LAUNCH_TYPE;

/**
 * Brings a service's tasks to what its configuration asks for. A new revision rolls out
 * start-first: new tasks start, and only when all of them did are the old ones stopped, so a
 * broken revision never takes the running one down. Dead tasks are recorded STOPPED and
 * replaced; surplus tasks stop newest first.
 */
final class ServiceDeployer {
    /** STOPPED task rows kept per service, enough to see why tasks died recently. */
    static final int KEEP_STOPPED = 10;

    private final Table<ClusterRow> clusters;
    private final Table<ServiceRow> services;
    private final TaskDefinitionRegistry registry;
    private final TaskTable tasks;
    private final TaskLauncher launcher;
    private final Supplier<ContainerRuntime> runtime;
    private final EngineViews views;
    private final java.util.concurrent.ConcurrentMap<String, TaskExpectation> expectations =
            new java.util.concurrent.ConcurrentHashMap<>();

    ServiceDeployer(Table<ClusterRow> clusters, Table<ServiceRow> services, TaskDefinitionRegistry registry,
                    TaskTable tasks, TaskLauncher launcher, Supplier<ContainerRuntime> runtime, EngineViews views,
                    EventLog events) {
        this.views = views;
        this.events = events;
        this.clusters = clusters;
        this.services = services;
        this.registry = registry;
        this.tasks = tasks;
        this.launcher = launcher;
        this.runtime = runtime;
    }

    private final EventLog events;

    ApplyResponse converge(MapValue prior, MapValue planned, MapValue config) {
        // What a refresh listed is about to be out of date.
        views.invalidate();
        List<ProviderDiagnostic> diags = new ArrayList<>(ServiceValidator.validate(config));
        if (Diags.hasErrors(diags)) return new ApplyResponse(prior, diags);
        ServiceTarget.Resolution resolution = ServiceTarget.resolve(config, clusters, registry);
        if (resolution.failure() != null) return new ApplyResponse(prior, List.of(resolution.failure()));
        ServiceTarget target = resolution.target();
        String name = target.name();
        String serviceArn = target.serviceArn();
        String tdRef = target.taskDefinitionRef();
        int desired = target.desired();
        services.put(serviceArn, new ServiceRow(serviceArn, name, target.cluster().arn(), tdRef,
                target.taskDefinition().arn(), desired,
                "FARGATE", "ACTIVE"));

        MapValue base = Attrs.with(planned == null ? config : planned, Map.of(ARN, Value.of(serviceArn),
                ID, Value.of(serviceArn), DESIRED_COUNT, Value.of(desired),
                LAUNCH_TYPE, Value.of("FARGATE")));
        ContainerRuntime rt = runtime.get();
        try {
            List<String> failures = deploy(rt, target.cluster(), serviceArn, target.taskDefinition(), desired);
            for (String f : failures) diags.add(ProviderDiagnostic.error(f, null));
            record(serviceArn, name, failures);
            MapValue state = ServiceState.withTasks(base, observe(rt, serviceArn));
            return new ApplyResponse(state.with(Ec2ServiceSchema.EVENTS, events.value(serviceArn)), diags);
        } catch (RuntimeFailure f) {
            diags.add(ProviderDiagnostic.error(f.getMessage(), null));
            MapValue now = prior;
            try {
                now = ServiceState.withTasks(base, observe(rt, serviceArn));
            } catch (RuntimeFailure again) {
                // The engine is gone; the prior state is the best account of what exists.
            }
            return new ApplyResponse(now, diags);
        }
    }

    private List<String> deploy(ContainerRuntime rt, ClusterRow cluster, String serviceArn, TaskDefinitionRow td,
                                int desired) {
        EngineView view = views.fresh(rt, serviceArn);
        List<ContainerInfo> containers = view.forService(serviceArn);
        List<TaskRow> rows = tasks.forService(serviceArn);
        List<String> failures = new ArrayList<>(removeOrphans(rt, rows, containers));

        // Tasks whose essential containers died are replaced; so are drifted ones, below.
        List<ObservedTask> observed = ObservedTask.observe(rows, containers, view, this::expectation);
        List<String> dead = observed.stream().filter(t -> !t.running()).map(ObservedTask::arn).toList();
        failures.addAll(launcher.stop(dead, rt, arn -> markStopped(rows, arn, "Essential container in task exited")));

        List<TaskRow> current = new ArrayList<>(), old = new ArrayList<>();
        for (ObservedTask t : observed) {
            if (!t.running()) continue;
            // A drifted task is rolled like an old revision: start-first, so it serves until replaced.
            (t.row().taskDefinitionArn().equals(td.arn()) && !t.drifted() ? current : old).add(t.row());
        }
        int need = desired - current.size();
        if (need > 0) {
            TaskLauncher.Outcome outcome = launcher.start(need, cluster, serviceArn, td);
            current.addAll(outcome.started());
            failures.addAll(outcome.failures());
        }
        // Old tasks stop only when the new revision fully started: a failed rollout keeps serving.
        if (current.size() >= desired && !old.isEmpty()) {
            failures.addAll(launcher.stop(old.stream().map(TaskRow::taskArn).toList(), rt,
                    arn -> markStopped(old, arn, "Replaced by a new deployment or changed outside berth")));
        }
        if (current.size() > desired) {
            List<TaskRow> newestFirst = new ArrayList<>(current);
            newestFirst.sort(Comparator.comparingLong(TaskRow::seq).reversed());
            List<TaskRow> surplus = newestFirst.subList(0, current.size() - desired);
            failures.addAll(launcher.stop(surplus.stream().map(TaskRow::taskArn).toList(), rt,
                    arn -> markStopped(surplus, arn, "Scaling activity initiated by deployment")));
        }
        tasks.pruneStopped(serviceArn, KEEP_STOPPED);
        return failures.stream().distinct().toList();
    }

    /** Stops every task of the service and forgets them, then the service itself. */
    /** Service events, as ECS keeps them: what failed to start, or that the service is steady. */
    private void record(String serviceArn, String name, List<String> failures) {
        if (failures.isEmpty()) {
            events.add(serviceArn, "service " + name + " has reached a steady state.");
        } else {
            failures.forEach(f -> events.add(serviceArn, "service " + name + " was unable to start a task: " + f));
        }
    }

    ApplyResponse delete(MapValue prior) {
        views.invalidate();
        String serviceArn = Attrs.string(prior, ARN);
        ContainerRuntime rt = runtime.get();
        try {
            List<ContainerInfo> containers = views.fresh(rt, serviceArn).forService(serviceArn);
            List<TaskRow> rows = tasks.forService(serviceArn);
            List<String> failures = new ArrayList<>(removeOrphans(rt, rows, containers));
            Set<String> arns = new HashSet<>();
            rows.stream().filter(TaskRow::running).forEach(r -> arns.add(r.taskArn()));
            failures.addAll(launcher.stop(arns, rt, tasks::delete));
            if (!failures.isEmpty()) {
                List<ProviderDiagnostic> diags = failures.stream()
                        .map(f -> ProviderDiagnostic.error(f, null)).toList();
                return new ApplyResponse(prior, diags);
            }
            for (TaskRow r : tasks.forService(serviceArn)) tasks.delete(r.taskArn());
            services.delete(serviceArn);
            events.forget(serviceArn);
            return new ApplyResponse(null, List.of());
        } catch (RuntimeFailure f) {
            return new ApplyResponse(prior, List.of(ProviderDiagnostic.error(f.getMessage(), null)));
        }
    }

    /**
     * Removes containers of the service that no RUNNING task owns: leftovers of an interrupted
     * apply go by their task ARN (with their siblings), hand-made ones without one by id.
     */
    private List<String> removeOrphans(ContainerRuntime rt, List<TaskRow> rows, List<ContainerInfo> containers) {
        List<ContainerInfo> orphans = ObservedTask.orphans(rows, containers);
        Set<String> taskArns = new java.util.TreeSet<>();
        List<String> failures = new ArrayList<>();
        for (ContainerInfo c : orphans) {
            String arn = c.labels().get(EcsLabels.TASK_ARN);
            if (arn != null) {
                taskArns.add(arn);
                continue;
            }
            try {
                rt.removeContainer(c.id());
            } catch (RuntimeFailure f) {
                failures.add(f.getMessage());
            }
        }
        failures.addAll(launcher.stop(taskArns, rt, arn -> { }));
        return failures;
    }

    /** The service as the engine runs it right now. */
    ServiceState.Observed observe(ContainerRuntime rt, String serviceArn) {
        views.invalidate();
        return observe(views.fresh(rt, serviceArn), serviceArn);
    }

    /** The service as {@code view} shows it. */
    ServiceState.Observed observe(EngineView view, String serviceArn) {
        List<ContainerInfo> containers = view.forService(serviceArn);
        List<TaskRow> rows = view.rowsOf(serviceArn);
        return new ServiceState.Observed(ObservedTask.observe(rows, containers, view, this::expectation),
                ObservedTask.orphans(rows, containers), views.stopped(serviceArn));
    }

    /**
     * A revision's containers never change once registered, so each is parsed once per provider;
     * a revision not (yet) registered is looked up again next time.
     */
    private Optional<TaskExpectation> expectation(String taskDefinitionArn) {
        TaskExpectation known = expectations.get(taskDefinitionArn);
        if (known != null) return Optional.of(known);
        Optional<TaskExpectation> found = registry.find(taskDefinitionArn).map(TaskExpectation::of);
        found.ifPresent(e -> expectations.put(taskDefinitionArn, e));
        return found;
    }

    private void markStopped(List<TaskRow> rows, String arn, String reason) {
        rows.stream().filter(r -> r.taskArn().equals(arn)).findFirst()
                .ifPresent(r -> tasks.put(r.stopped(Instant.now().toString(), reason)));
    }
}
