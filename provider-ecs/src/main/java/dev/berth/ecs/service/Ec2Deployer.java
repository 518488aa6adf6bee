package dev.berth.ecs.service;

import dev.berth.ecs.store.ServiceSettings;
import dev.berth.ecs.store.TaskTable;
import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.store.ServiceRow;
import dev.berth.ecs.store.ClusterRow;
import dev.berth.ecs.instance.Drainer;
import dev.berth.ecs.store.InstanceRow;
import dev.berth.ecs.placement.ClusterView;
import dev.berth.ecs.store.PlacementRow;
import dev.berth.ecs.placement.PlannedPlacements;
import dev.berth.ecs.resource.Diags;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.schema.Ec2ServiceSchema;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.taskdef.TaskDefinitionRegistry;
import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.provider.ProviderRequests.ApplyResponse;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.berth.ecs.schema.ServiceSchema.ARN;
import static dev.berth.ecs.schema.ServiceSchema.DESIRED_COUNT;
import static dev.berth.ecs.schema.ServiceSchema.ID;
import static dev.berth.ecs.schema.ServiceSchema.TASK_DEFINITION;

/**
 * The EC2 launch type's apply: records the service and its settings, clears dead and lost tasks,
 * then rolls out within the deployment bounds; with the circuit breaker's rollback it returns to
 * the last revision that reached a steady state. Also drains instances for every service.
 */
final class Ec2Deployer implements Drainer {
    private final Table<ClusterRow> clusters;
    private final Table<ServiceRow> services;
    private final Table<ServiceSettings> settings;
    private final TaskDefinitionRegistry registry;
    private final ClusterView view;
    private final Ec2Rollout rollout;
    private final ContainerRuntime fleet;
    private final TaskTable tasks;
    private final EventLog events;
    private final PlannedPlacements planned;

    /** Reads a service's tasks as the FARGATE path does, so drift is seen the same way on EC2. */
    private final java.util.function.BiFunction<ContainerRuntime, String, ServiceState.Observed> observer;

    Ec2Deployer(Table<ClusterRow> clusters, Table<ServiceRow> services, Table<ServiceSettings> settings,
                TaskDefinitionRegistry registry, ClusterView view, Ec2Rollout rollout, ContainerRuntime fleet,
                TaskTable tasks, EventLog events, PlannedPlacements planned,
                java.util.function.BiFunction<ContainerRuntime, String, ServiceState.Observed> observer) {
        this.observer = observer;
        this.clusters = clusters;
        this.services = services;
        this.settings = settings;
        this.registry = registry;
        this.view = view;
        this.rollout = rollout;
        this.fleet = fleet;
        this.tasks = tasks;
        this.events = events;
        this.planned = planned;
    }

    ApplyResponse converge(MapValue prior, MapValue plannedValue, MapValue config) {
        List<ProviderDiagnostic> diags = new ArrayList<>(ServiceValidator.validate(config));
        if (Diags.hasErrors(diags)) return new ApplyResponse(prior, diags);
        ServiceTarget.Resolution resolution = ServiceTarget.resolve(config, clusters, registry);
        if (resolution.failure() != null) return new ApplyResponse(prior, List.of(resolution.failure()));
        ServiceTarget target = resolution.target();
        String name = target.name();
        String serviceArn = target.serviceArn();
        String tdRef = target.taskDefinitionRef();
        int desired = target.desired();
        String clusterArn = target.cluster().arn();
        services.put(serviceArn, new ServiceRow(serviceArn, name, clusterArn, tdRef, target.taskDefinition().arn(), desired,
                "EC2", "ACTIVE"));
        String lastGood = settings.get(serviceArn).map(ServiceSettings::lastGoodTaskDefinition).orElse(null);
        ServiceSettings s = SettingsConfig.of(serviceArn, clusterArn, config, target.taskDefinition().arn(), lastGood, desired);
        settings.put(serviceArn, s);

        MapValue base = Attrs.with(plannedValue == null ? config : plannedValue, Map.of(ARN, Value.of(serviceArn),
                ID, Value.of(serviceArn), DESIRED_COUNT, Value.of(desired)));
        try {
            rollout.cleanUp(serviceArn, clusterArn).forEach(f -> diags.add(ProviderDiagnostic.error(f, null)));
            warnIfChanged(serviceArn, clusterArn, diags);
            Set<String> replace = Boolean.TRUE.equals(Attrs.bool(config.get(Ec2ServiceSchema.FORCE_NEW_DEPLOYMENT)))
                    && prior != null ? runningTasks(serviceArn) : Set.of();
            MapValue state = deploy(s, target.cluster(), target.taskDefinition(), replace, base, diags);
            return new ApplyResponse(state, diags);
        } catch (RuntimeFailure f) {
            diags.add(ProviderDiagnostic.error(f.getMessage(), null));
            return new ApplyResponse(stateOr(prior, base, serviceArn), diags);
        }
    }

    private MapValue deploy(ServiceSettings s, ClusterRow cluster, TaskDefinitionRow td, Set<String> replace, MapValue base,
                            List<ProviderDiagnostic> diags) {
        String serviceArn = s.serviceArn();
        String name = serviceArn.substring(serviceArn.lastIndexOf('/') + 1);
        Ec2Rollout.Result r = rollout.run(s, cluster, td, replace);
        MapValue out = base;
        if (r.steady()) {
            settings.put(serviceArn, s.withTaskDefinition(td.arn(), td.arn()));
            events.add(serviceArn, "service " + name + " has reached a steady state.");
        } else if (r.breakerTripped() && s.breakerRollback() && s.lastGoodTaskDefinition() != null
                && !s.lastGoodTaskDefinition().equals(td.arn())) {
            TaskDefinitionRow good = registry.resolve(s.lastGoodTaskDefinition()).orElseThrow();
            events.add(serviceArn, "service " + name + " deployment failed: rolling back to " + good.arn() + ".");
            ServiceSettings back = s.withTaskDefinition(good.arn(), good.arn());
            Ec2Rollout.Result rb = rollout.run(back, cluster, good, Set.of());
            settings.put(serviceArn, back);
            events.add(serviceArn, rb.steady() ? "service " + name + " rolled back to " + good.arn()
                    + " and has reached a steady state." : "service " + name + " rollback to " + good.arn() + " failed.");
            // The state says what runs, so the next plan offers the new revision again.
            out = Attrs.with(base, Map.of(TASK_DEFINITION, Value.of(good.arn())));
            diags.add(ProviderDiagnostic.error("Deployment of " + td.arn() + " failed: the circuit breaker tripped and "
                    + "the service rolled back to " + good.arn() + ".", String.join("\n", r.failures()), TASK_DEFINITION));
        } else {
            events.add(serviceArn, "service " + name + " deployment of " + td.arn() + " failed.");
            String summary = r.failures().isEmpty() ? "The deployment of service " + name + " did not complete."
                    : r.failures().get(r.failures().size() - 1);
            diags.add(ProviderDiagnostic.error(summary, String.join("\n", r.failures()), TASK_DEFINITION));
        }
        MapValue state = ServiceState.withTasks(out, observer.apply(fleet, serviceArn));
        if (r.steady() && Boolean.TRUE.equals(Attrs.bool(base.get(Ec2ServiceSchema.WAIT_FOR_STEADY_STATE)))) {
            BigDecimal running = Attrs.number(state, dev.berth.ecs.schema.ServiceSchema.RUNNING_COUNT);
            if (running == null || running.intValue() != s.desired()) {
                diags.add(ProviderDiagnostic.error("Service " + name + " did not reach a steady state: " + running
                        + " of " + s.desired() + " tasks run.", null));
            }
        }
        return state.with(Ec2ServiceSchema.EVENTS, events.value(serviceArn));
    }

    /** ECS's service scheduler on a DRAINING instance: each service moves its tasks off it. */
    @Override
    public List<String> drain(InstanceRow instance) {
        Set<String> affected = new java.util.TreeSet<>();
        view.runningPlacements().values().stream().filter(p -> instance.arn().equals(p.instanceArn()))
                .map(PlacementRow::serviceArn).forEach(affected::add);
        List<String> problems = new ArrayList<>();
        for (String serviceArn : affected) {
            Optional<ServiceSettings> s = settings.get(serviceArn);
            Optional<ClusterRow> cluster = s.flatMap(x -> clusters.get(x.clusterArn()));
            Optional<TaskDefinitionRow> td = s.flatMap(x -> registry.resolve(x.taskDefinitionArn()));
            if (s.isEmpty() || cluster.isEmpty() || td.isEmpty()) continue;
            events.add(serviceArn, "service " + serviceArn.substring(serviceArn.lastIndexOf('/') + 1)
                    + " is moving its tasks off draining container-instance " + instance.id() + ".");
            try {
                Ec2Rollout.Result r = rollout.run(s.get(), cluster.get(), td.get(), Set.of());
                if (!r.steady()) problems.addAll(r.failures());
            } catch (RuntimeFailure f) {
                problems.add(f.getMessage());
            }
        }
        return problems;
    }

    /** Forgets what only EC2 services keep, once the service is deleted. */
    void forget(String serviceArn) {
        settings.delete(serviceArn);
        events.forget(serviceArn);
    }

    private void warnIfChanged(String serviceArn, String clusterArn, List<ProviderDiagnostic> diags) {
        Optional<String> before = planned.plannedFingerprint(serviceArn);
        if (before.isEmpty()) return;
        if (!before.get().equals(ClusterView.fingerprint(view.snapshot(clusterArn)))) {
            diags.add(ProviderDiagnostic.warning("The cluster changed since the plan (instances, capacity or running "
                    + "tasks); placement was planned again for what runs now.", null));
        }
    }

    private Set<String> runningTasks(String serviceArn) {
        return tasks.forService(serviceArn).stream().filter(TaskRow::running).map(TaskRow::taskArn)
                .collect(Collectors.toSet());
    }

    private MapValue stateOr(MapValue prior, MapValue base, String serviceArn) {
        try {
            return ServiceState.withTasks(base, observer.apply(fleet, serviceArn));
        } catch (RuntimeFailure again) {
            return prior;
        }
    }
}
