package dev.berth.ecs.service;

import dev.berth.ecs.api.ServiceCalls.PlacementPreview;
import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.placement.ClusterView;
import dev.berth.ecs.placement.FargateQuota;
import dev.berth.ecs.placement.Preview;
import dev.berth.ecs.placement.ServiceSpec;
import dev.berth.ecs.placement.TaskSpecs;
import dev.berth.ecs.scheduler.model.ClusterSnapshot;
import dev.berth.ecs.scheduler.model.ContainerInstance;
import dev.berth.ecs.scheduler.model.RunningTask;
import dev.berth.ecs.store.EcsStore;
import dev.berth.ecs.store.ServiceSettings;
import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.ecs.taskdef.TaskDefinitionRegistry;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * The dry run of CreateService and UpdateService (berth's addition): the whole deployment walked
 * over what the control plane's tables hold, with a fixed seed per service, so the same cluster
 * gives the same preview; nothing is recorded or started. For EC2 it says where tasks go; for
 * FARGATE only its failure matters (the account's vCPU quota). A deployment that cannot be placed
 * is ECS's sentence. No engine is asked anything, except the local engine's CPUs once when no
 * Fargate quota is set.
 */
public final class PlacementPlanning {
    static final String DECIDED_AT_APPLY = "placement: decided at apply, once the cluster and task definition are known";

    private final ClusterView view;
    private final TaskDefinitionRegistry registry;
    private final IntSupplier fargateCpuUnits;

    public PlacementPlanning(EcsStore store, IntSupplier fargateCpuUnits) {
        this.view = new ClusterView(store);
        this.registry = new TaskDefinitionRegistry(store);
        this.fargateCpuUnits = fargateCpuUnits;
    }

    /**
     * {@code planned}: the revision the caller is about to register, when the request's task
     * definition names none yet; {@code existing}: the service exists (an update, or its
     * replacement), so an empty cluster is an error now rather than something to decide later.
     */
    public PlacementPreview preview(DeployRequest r, Optional<TaskDefinitionRow> planned, boolean existing) {
        boolean fargate = !"EC2".equals(r.launchType());
        Optional<String> clusterName = r.cluster() == null ? Optional.empty() : EcsArn.clusterName(r.cluster());
        Optional<TaskDefinitionRow> td = planned.isPresent() ? planned : registry.resolve(r.taskDefinition());
        if (clusterName.isEmpty() || td.isEmpty() || r.serviceName() == null) {
            return new PlacementPreview(fargate ? List.of() : List.of(DECIDED_AT_APPLY), null, null, null);
        }
        String clusterArn = EcsArn.cluster(clusterName.get());
        String serviceArn = EcsArn.service(clusterName.get(), r.serviceName());
        ServiceSettings s = Deployer.settingsOf(r, serviceArn, clusterArn, td.get().arn(), null);
        if (fargate) {
            int quota = fargateCpuUnits.getAsInt();
            ClusterSnapshot snapshot = view.fargateSnapshot(clusterArn, quota);
            Optional<String> e = Preview.of(snapshot, spec(s, td.get(), snapshot, serviceArn, r), true).error();
            return new PlacementPreview(List.of(), e.orElse(null), e.map(m -> (m.contains("vCPUs")
                    ? FargateQuota.detail(quota) + " " : "FARGATE tasks run on the local engine. ")
                    + "Nothing was applied.").orElse(null), null);
        }
        ClusterSnapshot snapshot = view.snapshot(clusterArn);
        String fingerprint = ClusterView.fingerprint(snapshot);
        // A new service may be placed on instances the same apply registers first; an existing
        // one is about to lose its tasks (or be replaced), so an empty cluster is ECS's error now.
        if (snapshot.instances().isEmpty() && !existing) {
            return new PlacementPreview(List.of("placement: no container instances registered in cluster "
                    + clusterName.get() + " yet; decided at apply"), null, null, fingerprint);
        }
        Preview p = Preview.of(snapshot, spec(s, td.get(), snapshot, serviceArn, r));
        String detail = "berth plans placement from the container instances and tasks the last refresh recorded; "
                + "nothing was applied." + (snapshot.instances().isEmpty() ? " Register container instances in "
                + "cluster " + clusterName.get() + " first; when this configuration declares them, apply them "
                + "alone before this change (-target=ecs_container_instance.NAME)." : "");
        return new PlacementPreview(p.notes(), p.error().orElse(null), p.error().map(e -> detail).orElse(null),
                fingerprint);
    }

    /** The deployment to walk; with force-new-deployment every running task of the service is replaced. */
    private static ServiceSpec spec(ServiceSettings s, TaskDefinitionRow td, ClusterSnapshot snapshot, String serviceArn,
                                    DeployRequest r) {
        Set<String> replace = r.forceNewDeployment() ? tasksOf(snapshot, ClusterView.group(serviceArn)) : Set.of();
        return ServiceSpec.of(s, TaskSpecs.of(td), replace);
    }

    private static Set<String> tasksOf(ClusterSnapshot s, String group) {
        Set<String> out = new HashSet<>();
        for (ContainerInstance i : s.instances()) {
            for (RunningTask t : i.runningTasks()) if (t.group().equals(group)) out.add(t.taskId());
        }
        return out;
    }
}
