package dev.berth.ecs.task;

import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.resource.EcsLabels;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.PublishedPort;
import dev.berth.ecs.runtime.ResolvedImage;
import dev.berth.ecs.runtime.TaskLaunch;
import dev.berth.ecs.store.ClusterRow;
import dev.berth.ecs.store.PlacementRow;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.store.TaskTable;
import dev.berth.ecs.taskdef.ContainerDefinition;
import dev.berth.ecs.store.EcsStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * Starts one task where its request says (a FARGATE task on the local engine, an EC2 task on its
 * container instance's engine) and records it at once: the task row through PROVISIONING and
 * PENDING to RUNNING, and its reservation (cpu, memory, host ports, engine) in
 * {@code task_placements}, so a crash right after leaves nothing unaccounted for and the next
 * placement decision sees what the task holds. A start that fails is recorded STOPPED with
 * TaskFailedToStart and its reason, and the failure is thrown on.
 */
public final class TaskStarter {
    /** Counter giving tasks their start order across the whole store. */
    public static final String SEQ_COUNTER = "task-seq";
    private static final String ZONE = dev.berth.ecs.scheduler.model.ContainerInstance.ZONE;

    /** Tasks this process is starting now, by ARN: any other PROVISIONING or PENDING row is another process's. */
    private static final java.util.Set<String> STARTING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final EcsStore store;
    private final TaskTable tasks;
    private final Table<PlacementRow> placements;
    private final Function<String, ContainerRuntime> runtimes;

    /** {@code runtimes} reaches an engine by its docker_host (null: the local engine). */
    public TaskStarter(EcsStore store, Function<String, ContainerRuntime> runtimes) {
        this.store = store;
        this.tasks = new TaskTable(store);
        this.placements = new Table<>(store, PlacementRow.TABLE, PlacementRow.class);
        this.runtimes = runtimes;
    }

    /** Whether this process is starting the task now (its row PROVISIONING or PENDING on its way to RUNNING). */
    public static boolean startingHere(String taskArn) {
        return STARTING.contains(taskArn);
    }

    /** The started task's row, RUNNING. Thrown failures are already recorded on the task. */
    public TaskRow start(StartRequest r) {
        String taskArn = r.taskArn() != null ? r.taskArn()
                : EcsArn.task(r.cluster().name(), UUID.randomUUID().toString().replace("-", ""));
        STARTING.add(taskArn);
        try {
            return start(r, taskArn);
        } finally {
            STARTING.remove(taskArn);
        }
    }

    private TaskRow start(StartRequest r, String taskArn) {
        ClusterRow cluster = r.cluster();
        TaskDefinitionRow td = r.taskDefinition();
        String dockerHost = r.instance() == null ? null : r.instance().dockerHost();
        ContainerRuntime rt = runtimes.apply(dockerHost);
        String mode = td.networkMode() == null ? "bridge" : td.networkMode();
        // bridge and awsvpc tasks join the cluster network of the engine they run on; it is made
        // there on first use, since each engine has networks of its own.
        String network = mode.equals("bridge") || mode.equals("awsvpc") ? cluster.network() : null;
        dev.berth.engine.trace.Trace.mark("task begin", taskArn);
        long seq = store.next(SEQ_COUNTER);
        TaskRow provisioning = new TaskRow(taskArn, r.serviceArn(), cluster.arn(), td.arn(), TaskRow.PROVISIONING, seq,
                null, null, null, List.of(), Map.of(), null, r.startedBy(), r.group(), r.launchType());
        Reservation reservation = Reservation.of(td, r.overrides());
        // Booked with the row, before the containers exist, so a parallel decision never promises
        // the same room twice.
        TaskStartRecord record = TaskStartRecord.provisioning(tasks, provisioning, new PlacementRow(taskArn,
                r.serviceArn(), r.instance() == null ? null : r.instance().arn(), dockerHost, reservation.cpu(),
                reservation.memory(), reservation.hostPorts()));
        dev.berth.engine.trace.Trace.mark("task booked", taskArn);
        List<ContainerInfo> infos;
        Map<String, ResolvedImage> images;
        try {
            if (network != null) rt.ensureNetwork(network, Map.of(EcsLabels.CLUSTER, cluster.arn()));
            dev.berth.engine.trace.Trace.mark("task network", taskArn);
            record.pending();
            dev.berth.engine.trace.Trace.mark("task pending", taskArn);
            TaskLaunch translated = Overrides.apply(LaunchTranslator.launch(taskArn, network, td, labels(r, taskArn),
                    r.launchType(), r.instance() == null ? null : r.instance().attributes().get(ZONE)), r.overrides());
            ImageResolution.Applied applied = ImageResolution.apply(translated, td, r.images(), rt);
            TaskLaunch launch = applied.launch();
            images = applied.images();
            HostAccessCheck.require(td, r.instance());
            dev.berth.engine.trace.Trace.mark("task translated", taskArn);
            infos = rt.startTask(launch);
            dev.berth.engine.trace.Trace.mark("task started", taskArn);
        } catch (RuntimeException e) {
            placements.delete(taskArn);
            throw record.failed(e, td);
        }
        List<TaskRow.TaskContainer> containers = new ArrayList<>();
        for (ContainerDefinition c : ContainerDefinition.of(td)) {
            String id = infos.stream().filter(i -> c.name().equals(i.labels().get(EcsLabels.CONTAINER_NAME)))
                    .map(ContainerInfo::id).findFirst().orElse(null);
            ResolvedImage image = images.get(c.name());
            containers.add(new TaskRow.TaskContainer(c.name(), id, c.effectiveEssential(),
                    image == null ? null : image.reference(), image == null ? null : image.digest()));
        }
        TaskRow row = new TaskRow(taskArn, r.serviceArn(), cluster.arn(), td.arn(), TaskRow.RUNNING, seq,
                Instant.now().toString(), null, null, containers, endpoints(infos), null, r.startedBy(), r.group(),
                r.launchType());
        tasks.put(row);
        dev.berth.engine.trace.Trace.mark("task running", taskArn);
        return row;
    }

    private static Map<String, String> labels(StartRequest r, String taskArn) {
        Map<String, String> labels = new HashMap<>();
        labels.put(EcsLabels.CLUSTER, r.cluster().arn());
        labels.put(EcsLabels.TASK_ARN, taskArn);
        labels.put(EcsLabels.TASK_DEFINITION, r.taskDefinition().arn());
        if (r.serviceArn() != null) labels.put(EcsLabels.SERVICE, r.serviceArn());
        if (r.instance() != null) labels.put(EcsLabels.CONTAINER_INSTANCE, r.instance().arn());
        return labels;
    }

    /** "container:port/protocol" to "host:port" for every published port. */
    public static Map<String, String> endpoints(List<ContainerInfo> containers) {
        Map<String, String> out = new TreeMap<>();
        for (ContainerInfo c : containers) {
            String name = c.labels().getOrDefault(EcsLabels.CONTAINER_NAME, c.name());
            for (PublishedPort p : c.ports()) {
                if (p.hostPort() <= 0) continue;
                String host = p.hostIp() == null || p.hostIp().isBlank() || p.hostIp().equals("0.0.0.0")
                        ? "127.0.0.1" : p.hostIp();
                out.put(name + ":" + p.containerPort() + "/" + p.protocol(), host + ":" + p.hostPort());
            }
        }
        return out;
    }
}
