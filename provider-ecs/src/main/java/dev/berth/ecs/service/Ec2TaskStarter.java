package dev.berth.ecs.service;

import dev.berth.ecs.store.TaskTable;
import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.store.ClusterRow;
import dev.berth.ecs.store.InstanceRow;
import dev.berth.ecs.store.PlacementRow;
import dev.berth.ecs.resource.EcsLabels;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.scheduler.Placement;
import dev.berth.ecs.scheduler.model.HostPort;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.taskdef.ContainerDefinition;
import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.engine.provider.ProviderStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Starts one placed EC2 task on its instance's engine and records it (task row and placement)
 * at once, so a crash right after leaves nothing unaccounted for.
 */
final class Ec2TaskStarter {
    private final ProviderStore store;
    private final TaskTable tasks;
    private final Table<PlacementRow> placements;
    private final Function<String, ContainerRuntime> runtimes;

    Ec2TaskStarter(ProviderStore store, TaskTable tasks, Function<String, ContainerRuntime> runtimes) {
        this.store = store;
        this.tasks = tasks;
        this.placements = new Table<>(store, PlacementRow.TABLE, PlacementRow.class);
        this.runtimes = runtimes;
    }

    TaskRow start(Placement placement, InstanceRow instance, ClusterRow cluster, String serviceArn, TaskDefinitionRow td) {
        ContainerRuntime rt = runtimes.apply(instance.dockerHost());
        String mode = td.networkMode() == null ? "bridge" : td.networkMode();
        // bridge and awsvpc tasks join the cluster network of the engine they run on; it is made
        // there on first use, since each engine has networks of its own.
        String network = mode.equals("bridge") || mode.equals("awsvpc") ? cluster.network() : null;
        String taskArn = EcsArn.task(cluster.name(), UUID.randomUUID().toString().replace("-", ""));
        long seq = store.next(TaskLauncher.SEQ_COUNTER);
        TaskStartRecord record = TaskStartRecord.provisioning(tasks, taskArn, serviceArn, cluster.arn(), td.arn(), seq);
        Map<String, String> labels = Map.of(EcsLabels.CLUSTER, cluster.arn(), EcsLabels.SERVICE, serviceArn,
                EcsLabels.TASK_ARN, taskArn, EcsLabels.TASK_DEFINITION, td.arn(),
                EcsLabels.CONTAINER_INSTANCE, instance.arn());
        List<ContainerInfo> infos;
        try {
            if (network != null) rt.ensureNetwork(network, Map.of(EcsLabels.CLUSTER, cluster.arn()));
            record.pending();
            infos = rt.startTask(LaunchTranslator.launch(taskArn, network, td, labels));
        } catch (RuntimeException e) {
            throw record.failed(e);
        }
        List<TaskRow.TaskContainer> containers = new ArrayList<>();
        for (ContainerDefinition c : ContainerDefinition.of(td)) {
            String id = infos.stream().filter(i -> c.name().equals(i.labels().get(EcsLabels.CONTAINER_NAME)))
                    .map(ContainerInfo::id).findFirst().orElse(null);
            containers.add(new TaskRow.TaskContainer(c.name(), id, c.effectiveEssential()));
        }
        List<String> ports = placement.task().hostPorts().stream().map(HostPort::toString).toList();
        placements.put(taskArn, new PlacementRow(taskArn, serviceArn, instance.arn(), instance.dockerHost(),
                placement.task().cpu(), placement.task().memory(), ports));
        TaskRow row = new TaskRow(taskArn, serviceArn, cluster.arn(), td.arn(), TaskRow.RUNNING, seq,
                Instant.now().toString(), null, null, containers, ObservedTask.endpoints(infos));
        tasks.put(row);
        return row;
    }
}
