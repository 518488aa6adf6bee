package dev.berth.ecs.service;

import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.cluster.ClusterRow;
import dev.berth.ecs.resource.Diags;
import dev.berth.ecs.resource.EcsLabels;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.taskdef.TaskDefinitionRegistry;
import dev.berth.ecs.taskdef.TaskDefinitionRow;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.provider.ProviderRequests.ApplyResponse;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.math.BigDecimal;
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
import static dev.berth.ecs.schema.ServiceSchema.CLUSTER;
import static dev.berth.ecs.schema.ServiceSchema.DESIRED_COUNT;
import static dev.berth.ecs.schema.ServiceSchema.ID;
import static dev.berth.ecs.schema.ServiceSchema.LAUNCH_TYPE;
import static dev.berth.ecs.schema.ServiceSchema.NAME;
import static dev.berth.ecs.schema.ServiceSchema.TASK_DEFINITION;

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

    ServiceDeployer(Table<ClusterRow> clusters, Table<ServiceRow> services, TaskDefinitionRegistry registry,
                    TaskTable tasks, TaskLauncher launcher, Supplier<ContainerRuntime> runtime) {
        this.clusters = clusters;
        this.services = services;
        this.registry = registry;
        this.tasks = tasks;
        this.launcher = launcher;
        this.runtime = runtime;
    }

    ApplyResponse converge(MapValue prior, MapValue planned, MapValue config) {
        List<ProviderDiagnostic> diags = new ArrayList<>(ServiceValidator.validate(config));
        if (Diags.hasErrors(diags)) return new ApplyResponse(prior, diags);
        String name = Attrs.string(config, NAME);
        String clusterName = EcsArn.clusterName(Attrs.string(config, CLUSTER)).orElseThrow();
        Optional<ClusterRow> cluster = clusters.get(EcsArn.cluster(clusterName));
        if (cluster.isEmpty()) {
            return fail(prior, "Cluster \"" + clusterName + "\" does not exist; create it before its services.", CLUSTER);
        }
        String tdRef = Attrs.string(config, TASK_DEFINITION);
        Optional<TaskDefinitionRow> td = registry.resolve(tdRef);
        if (td.isEmpty() || !td.get().active()) {
            return fail(prior, "Task definition \"" + tdRef + "\" is not registered or no longer active.",
                    TASK_DEFINITION);
        }
        BigDecimal desiredValue = Attrs.number(config, DESIRED_COUNT);
        int desired = desiredValue == null ? 1 : desiredValue.intValueExact();
        String serviceArn = EcsArn.service(clusterName, name);
        services.put(serviceArn, new ServiceRow(serviceArn, name, cluster.get().arn(), tdRef, td.get().arn(), desired,
                "FARGATE", "ACTIVE"));

        MapValue base = Attrs.with(planned == null ? config : planned, Map.of(ARN, Value.of(serviceArn),
                ID, Value.of(serviceArn), DESIRED_COUNT, Value.of(desired),
                LAUNCH_TYPE, Value.of("FARGATE")));
        ContainerRuntime rt = runtime.get();
        try {
            List<String> failures = deploy(rt, cluster.get(), serviceArn, td.get(), desired);
            for (String f : failures) diags.add(ProviderDiagnostic.error(f, null));
            return new ApplyResponse(ServiceState.withTasks(base, observe(rt, serviceArn)), diags);
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
        List<ContainerInfo> containers = rt.listContainers(Map.of(EcsLabels.SERVICE, serviceArn));
        List<TaskRow> rows = tasks.forService(serviceArn);
        List<String> failures = new ArrayList<>();

        // Leftovers of an interrupted apply, then tasks whose essential containers died.
        failures.addAll(launcher.stop(ObservedTask.orphans(rows, containers), rt, arn -> { }));
        List<ObservedTask> observed = ObservedTask.observe(rows, containers);
        List<String> dead = observed.stream().filter(t -> !t.running()).map(ObservedTask::arn).toList();
        failures.addAll(launcher.stop(dead, rt, arn -> markStopped(rows, arn, "Essential container in task exited")));

        List<TaskRow> current = new ArrayList<>(), old = new ArrayList<>();
        for (ObservedTask t : observed) {
            if (!t.running()) continue;
            (t.row().taskDefinitionArn().equals(td.arn()) ? current : old).add(t.row());
        }
        int need = desired - current.size();
        if (need > 0) {
            TaskLauncher.Outcome outcome = launcher.start(need, rt, cluster, serviceArn, td);
            current.addAll(outcome.started());
            failures.addAll(outcome.failures());
        }
        // Old tasks stop only when the new revision fully started: a failed rollout keeps serving.
        if (current.size() >= desired && !old.isEmpty()) {
            failures.addAll(launcher.stop(old.stream().map(TaskRow::taskArn).toList(), rt,
                    arn -> markStopped(old, arn, "Replaced by a new deployment")));
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
    ApplyResponse delete(MapValue prior) {
        String serviceArn = Attrs.string(prior, ARN);
        ContainerRuntime rt = runtime.get();
        try {
            List<ContainerInfo> containers = rt.listContainers(Map.of(EcsLabels.SERVICE, serviceArn));
            List<TaskRow> rows = tasks.forService(serviceArn);
            Set<String> arns = new HashSet<>(ObservedTask.orphans(rows, containers));
            rows.stream().filter(TaskRow::running).forEach(r -> arns.add(r.taskArn()));
            List<String> failures = launcher.stop(arns, rt, tasks::delete);
            if (!failures.isEmpty()) {
                List<ProviderDiagnostic> diags = failures.stream()
                        .map(f -> ProviderDiagnostic.error(f, null)).toList();
                return new ApplyResponse(prior, diags);
            }
            for (TaskRow r : tasks.forService(serviceArn)) tasks.delete(r.taskArn());
            services.delete(serviceArn);
            return new ApplyResponse(null, List.of());
        } catch (RuntimeFailure f) {
            return new ApplyResponse(prior, List.of(ProviderDiagnostic.error(f.getMessage(), null)));
        }
    }

    List<ObservedTask> observe(ContainerRuntime rt, String serviceArn) {
        List<ContainerInfo> containers = rt.listContainers(Map.of(EcsLabels.SERVICE, serviceArn));
        return ObservedTask.observe(tasks.forService(serviceArn), containers);
    }

    private void markStopped(List<TaskRow> rows, String arn, String reason) {
        rows.stream().filter(r -> r.taskArn().equals(arn)).findFirst()
                .ifPresent(r -> tasks.put(r.stopped(Instant.now().toString(), reason)));
    }

    private static ApplyResponse fail(MapValue prior, String summary, String attr) {
        return new ApplyResponse(prior, List.of(ProviderDiagnostic.error(summary, null, attr)));
    }
}
