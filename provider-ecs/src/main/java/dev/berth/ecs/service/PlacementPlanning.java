package dev.berth.ecs.service;

import dev.berth.ecs.store.ServiceSettings;
import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.placement.ClusterView;
import dev.berth.ecs.placement.FargateQuota;
import dev.berth.ecs.placement.PlannedPlacements;
import dev.berth.ecs.placement.ServiceSpec;
import dev.berth.ecs.placement.Preview;
import dev.berth.ecs.placement.TaskSpecs;
import dev.berth.ecs.resource.Diags;
import dev.berth.ecs.scheduler.model.ClusterSnapshot;
import dev.berth.ecs.scheduler.model.ContainerInstance;
import dev.berth.ecs.scheduler.model.RunningTask;
import dev.berth.ecs.schema.Ec2ServiceSchema;
import dev.berth.ecs.schema.TaskDefinitionSchema;
import dev.berth.ecs.taskdef.PlannedRevision;
import dev.berth.ecs.taskdef.TaskDefinitionRegistry;
import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.provider.ProviderRequests.Upstream;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;

import static dev.berth.ecs.schema.ServiceSchema.CLUSTER;
import static dev.berth.ecs.schema.ServiceSchema.DESIRED_COUNT;
import static dev.berth.ecs.schema.ServiceSchema.LAUNCH_TYPE;
import static dev.berth.ecs.schema.ServiceSchema.NAME;
import static dev.berth.ecs.schema.ServiceSchema.TASKS;
import static dev.berth.ecs.schema.ServiceSchema.TASK_DEFINITION;

/**
 * The placement part of planning a service: a dry run of the deployment over what the
 * provider's tables hold (a fixed seed per service, so the same cluster gives the same preview).
 * For EC2 it is printed as notes under the change; for FARGATE only its failure shows (the
 * account's vCPU quota). A service that cannot be placed makes the plan an error with ECS's
 * sentence. No engine is asked anything, except the local engine's CPUs once when no Fargate
 * quota is set.
 */
final class PlacementPlanning {
    private final ClusterView view;
    private final TaskDefinitionRegistry registry;
    private final EventLog events;
    private final PlannedPlacements planned;
    private final IntSupplier fargateCpuUnits;

    PlacementPlanning(ClusterView view, TaskDefinitionRegistry registry, EventLog events, PlannedPlacements planned,
                IntSupplier fargateCpuUnits) {
        this.fargateCpuUnits = fargateCpuUnits;
        this.view = view;
        this.registry = registry;
        this.events = events;
        this.planned = planned;
    }

    PlanResponse extend(MapValue prior, MapValue config, PlanResponse base, List<Upstream> upstream) {
        if (Diags.hasErrors(base.diagnostics())) return base;
        boolean fargate = !"EC2".equals(Attrs.string(base.planned(), LAUNCH_TYPE));
        boolean changing = !base.planned().get(TASKS).isWhollyKnown();
        MapValue plannedValue = base.planned();
        List<String> notes = new ArrayList<>();
        List<ProviderDiagnostic> diags = new ArrayList<>(base.diagnostics());
        if (changing && fargate) fargate(prior, config, upstream, diags);
        else if (changing) preview(prior, config, upstream, notes, diags);
        return new PlanResponse(plannedValue, diags, notes);
    }

    private void preview(MapValue prior, MapValue config, List<Upstream> upstream, List<String> notes,
                         List<ProviderDiagnostic> diags) {
        Optional<String> clusterName = Attrs.unknown(config, CLUSTER) ? Optional.empty()
                : EcsArn.clusterName(Attrs.string(config, CLUSTER));
        Optional<TaskDefinitionRow> td = Attrs.unknown(config, TASK_DEFINITION) ? plannedRevision(upstream)
                : registry.resolve(Attrs.string(config, TASK_DEFINITION));
        BigDecimal desired = Attrs.number(config, DESIRED_COUNT);
        if (clusterName.isEmpty() || td.isEmpty() || desired == null || Attrs.unknown(config, NAME)
                || !allKnown(config)) {
            notes.add("placement: decided at apply, once the cluster and task definition are known");
            return;
        }
        String clusterArn = EcsArn.cluster(clusterName.get());
        String serviceArn = EcsArn.service(clusterName.get(), Attrs.string(config, NAME));
        ClusterSnapshot snapshot = view.snapshot(clusterArn);
        // A new service may be placed on instances this same apply registers first; an existing
        // one is about to lose its tasks (or be replaced), so an empty cluster is ECS's error now.
        if (snapshot.instances().isEmpty() && prior == null) {
            notes.add("placement: no container instances registered in cluster " + clusterName.get()
                    + " yet; decided at apply");
            return;
        }
        planned.planned(serviceArn, ClusterView.fingerprint(snapshot));
        Set<String> replace = prior != null && Boolean.TRUE.equals(Attrs.bool(config.get(Ec2ServiceSchema.FORCE_NEW_DEPLOYMENT)))
                ? tasksOf(snapshot, ClusterView.group(serviceArn)) : Set.of();
        ServiceSettings s = Deployer.settingsOf(SettingsConfig.request(config, false), serviceArn, clusterArn, td.get().arn(), null);
        Preview p = Preview.of(snapshot, ServiceSpec.of(s, TaskSpecs.of(td.get()), replace));
        notes.addAll(p.notes());
        String detail = "berth plans placement from the container instances and tasks the last refresh recorded; "
                + "nothing was applied." + (snapshot.instances().isEmpty() ? " Register container instances in "
                + "cluster " + clusterName.get() + " first; when this configuration declares them, apply them "
                + "alone before this change (-target=ecs_container_instance.NAME)." : "");
        p.error().ifPresent(e -> diags.add(ProviderDiagnostic.error(e, detail)));
    }

    /**
     * FARGATE is placed on the account's Fargate capacity: the plan prints nothing about it, but
     * a deployment the vCPU quota cannot hold is ECS's error now, not containers later.
     */
    private void fargate(MapValue prior, MapValue config, List<Upstream> upstream, List<ProviderDiagnostic> diags) {
        Optional<String> clusterName = Attrs.unknown(config, CLUSTER) ? Optional.empty()
                : EcsArn.clusterName(Attrs.string(config, CLUSTER));
        Optional<TaskDefinitionRow> td = Attrs.unknown(config, TASK_DEFINITION) ? plannedRevision(upstream)
                : registry.resolve(Attrs.string(config, TASK_DEFINITION));
        if (clusterName.isEmpty() || td.isEmpty() || Attrs.number(config, DESIRED_COUNT) == null
                || Attrs.unknown(config, NAME) || !allKnown(config)) {
            return;
        }
        String clusterArn = EcsArn.cluster(clusterName.get());
        String serviceArn = EcsArn.service(clusterName.get(), Attrs.string(config, NAME));
        int quota = fargateCpuUnits.getAsInt();
        ClusterSnapshot snapshot = view.fargateSnapshot(clusterArn, quota);
        Set<String> replace = prior != null && Boolean.TRUE.equals(Attrs.bool(config.get(Ec2ServiceSchema.FORCE_NEW_DEPLOYMENT)))
                ? tasksOf(snapshot, ClusterView.group(serviceArn)) : Set.of();
        ServiceSettings s = Deployer.settingsOf(SettingsConfig.request(config, false), serviceArn, clusterArn, td.get().arn(), null);
        Preview.of(snapshot, ServiceSpec.of(s, TaskSpecs.of(td.get()), replace), true).error()
                .ifPresent(e -> diags.add(ProviderDiagnostic.error(e, (e.contains("vCPUs") ? FargateQuota.detail(quota) + " "
                        : "FARGATE tasks run on the local engine. ") + "Nothing was applied.", DESIRED_COUNT)));
    }

    /**
     * The task definition the service refers to has a new revision coming (its ARN is unknown
     * until apply): when the configuration refers to exactly one task definition, its planned
     * value says what the revision's tasks need.
     */
    private static Optional<TaskDefinitionRow> plannedRevision(List<Upstream> upstream) {
        List<MapValue> taskDefinitions = upstream.stream()
                .filter(u -> u.addr().type().equals(TaskDefinitionSchema.TYPE)).map(Upstream::value).toList();
        return taskDefinitions.size() == 1 ? PlannedRevision.of(taskDefinitions.get(0)) : Optional.empty();
    }

    /** The placement blocks may hold values known only after apply; then there is nothing to preview yet. */
    private static boolean allKnown(MapValue config) {
        for (String block : List.of(Ec2ServiceSchema.STRATEGY, Ec2ServiceSchema.CONSTRAINTS,
                Ec2ServiceSchema.CIRCUIT_BREAKER, Ec2ServiceSchema.MIN_HEALTHY, Ec2ServiceSchema.MAX_PERCENT)) {
            if (!Attrs.raw(config, block).isWhollyKnown()) return false;
        }
        return true;
    }

    private static Set<String> tasksOf(ClusterSnapshot s, String group) {
        Set<String> out = new HashSet<>();
        for (ContainerInstance i : s.instances()) {
            for (RunningTask t : i.runningTasks()) if (t.group().equals(group)) out.add(t.taskId());
        }
        return out;
    }

    /** The events the store holds now, for read and import. */
    Value events(String serviceArn) {
        return events.value(serviceArn);
    }
}
