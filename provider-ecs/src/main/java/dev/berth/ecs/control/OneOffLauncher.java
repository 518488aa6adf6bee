package dev.berth.ecs.control;

import dev.berth.ecs.api.Shapes.ContainerOverride;
import dev.berth.ecs.api.Shapes.KeyValuePair;
import dev.berth.ecs.api.Shapes.TaskOverride;
import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.cluster.ClusterRow;
import dev.berth.ecs.instance.InstanceRow;
import dev.berth.ecs.placement.PlacementRow;
import dev.berth.ecs.resource.EcsLabels;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.runtime.TaskLaunch;
import dev.berth.ecs.scheduler.Placement;
import dev.berth.ecs.scheduler.model.HostPort;
import dev.berth.ecs.service.LaunchTranslator;
import dev.berth.ecs.service.ObservedTask;
import dev.berth.ecs.service.TaskRow;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.taskdef.ContainerDefinition;
import dev.berth.ecs.taskdef.TaskDefinitionRow;
import dev.berth.engine.provider.ProviderStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * Starts one task of RunTask or StartTask on its engine and records it as ECS shows a task:
 * PROVISIONING once it has an ARN, PENDING while its containers are made, then RUNNING, or
 * STOPPED with TaskFailedToStart (it never ran) or EssentialContainerExited (it ran and ended
 * at once, which a one-off batch task may well do). Its attributes are written before anything
 * starts, so a retried call with the same client token finds it.
 *
 * <p>Service tasks start through the service machinery; this is the one-off path. When the
 * reconciler's single task starter lands, {@link #launch} is the one place to switch to it.
 */
final class OneOffLauncher {
    /** The store counter that orders every task by start, shared with service tasks. */
    static final String SEQ_COUNTER = "task-seq";

    /** A task to start: where it runs (instance and placement null for FARGATE) and its ECS attributes. */
    record Launch(ClusterRow cluster, TaskDefinitionRow td, String launchType, InstanceRow instance,
                  Placement placement, String group, String startedBy, TaskOverride overrides,
                  List<dev.berth.ecs.api.Shapes.Tag> tags, String clientToken) {
    }

    private final ProviderStore store;
    private final Table<TaskRow> tasks;
    private final Table<TaskAttributes> attributes;
    private final Table<PlacementRow> placements;
    private final Function<String, ContainerRuntime> runtimes;
    private final Clock clock;

    OneOffLauncher(ProviderStore store, Function<String, ContainerRuntime> runtimes, Clock clock) {
        this.store = store;
        this.tasks = new Table<>(store, TaskRow.TABLE, TaskRow.class);
        this.attributes = new Table<>(store, TaskAttributes.TABLE, TaskAttributes.class);
        this.placements = new Table<>(store, PlacementRow.TABLE, PlacementRow.class);
        this.runtimes = runtimes;
        this.clock = clock;
    }

    /** Starts the task; whatever happens, the row says how it went (this never throws for an engine's failure). */
    TaskRow start(Launch l) {
        ClusterRow cluster = l.cluster();
        TaskDefinitionRow td = l.td();
        String taskArn = EcsArn.task(cluster.name(), UUID.randomUUID().toString().replace("-", ""));
        String dockerHost = l.instance() == null ? null : l.instance().dockerHost();
        attributes.put(taskArn, new TaskAttributes(taskArn, cluster.arn(), l.group(), l.startedBy(), l.launchType(),
                l.instance() == null ? null : l.instance().arn(), dockerHost, l.overrides(), l.tags(),
                l.clientToken(), clock.instant().toString(), Map.of()));
        long seq = store.next(SEQ_COUNTER);
        TaskRow provisioning = new TaskRow(taskArn, null, cluster.arn(), td.arn(), TaskRow.PROVISIONING, seq,
                null, null, null, List.of(), Map.of());
        tasks.put(provisioning.taskArn(), provisioning);
        if (l.placement() != null) {
            // Booked before the start, so a concurrent placement on this instance sees it.
            placements.put(taskArn, new PlacementRow(taskArn, null, l.instance().arn(), dockerHost,
                    l.placement().task().cpu(), l.placement().task().memory(),
                    l.placement().task().hostPorts().stream().map(HostPort::toString).toList()));
        }
        Map<String, String> labels = new HashMap<>(Map.of(EcsLabels.CLUSTER, cluster.arn(),
                EcsLabels.TASK_ARN, taskArn, EcsLabels.TASK_DEFINITION, td.arn()));
        if (l.instance() != null) labels.put(EcsLabels.CONTAINER_INSTANCE, l.instance().arn());
        try {
            tasks.put(taskArn, provisioning.withStatus(TaskRow.PENDING));
            List<ContainerInfo> infos = launch(runtimes.apply(dockerHost), taskArn, cluster, td, l.overrides(), labels);
            TaskRow running = new TaskRow(taskArn, null, cluster.arn(), td.arn(), TaskRow.RUNNING, seq,
                    clock.instant().toString(), null, null, containers(td, infos), ObservedTask.endpoints(infos));
            tasks.put(running.taskArn(), running);
            return running;
        } catch (RuntimeFailure.ExitedAtStart e) {
            // The runtime removed the containers; what they exited with is kept here.
            Map<String, TaskAttributes.Exit> exits = new TreeMap<>();
            if (e.container() != null) exits.put(e.container(), new TaskAttributes.Exit(e.exitCode(), e.getMessage()));
            attributes.get(taskArn).ifPresent(a -> attributes.put(taskArn, a.withExits(exits)));
            return stopped(provisioning, TaskRow.ESSENTIAL_CONTAINER_EXITED, TaskRow.ESSENTIAL_EXITED_REASON);
        } catch (RuntimeFailure e) {
            return stopped(provisioning, TaskRow.TASK_FAILED_TO_START, e.getMessage());
        } catch (RuntimeException e) {
            return stopped(provisioning, TaskRow.TASK_FAILED_TO_START,
                    "The task could not be started: " + e.getClass().getSimpleName());
        }
    }

    private TaskRow stopped(TaskRow row, String code, String reason) {
        TaskRow out = row.stopped(clock.instant().toString(), code, reason);
        tasks.put(out.taskArn(), out);
        placements.delete(row.taskArn());
        return out;
    }

    private static List<ContainerInfo> launch(ContainerRuntime rt, String taskArn, ClusterRow cluster,
                                              TaskDefinitionRow td, TaskOverride overrides, Map<String, String> labels) {
        String mode = td.networkMode() == null ? "bridge" : td.networkMode();
        // bridge and awsvpc tasks join the cluster network of the engine they run on.
        String network = mode.equals("bridge") || mode.equals("awsvpc") ? cluster.network() : null;
        if (network != null) rt.ensureNetwork(network, Map.of(EcsLabels.CLUSTER, cluster.arn()));
        TaskLaunch base = LaunchTranslator.launch(taskArn, network, td, labels);
        return rt.startTask(new TaskLaunch(base.taskArn(), base.networkName(), base.networkMode(), base.labels(),
                overridden(base.containers(), overrides)));
    }

    /** The containers as a RunTask's overrides change them: command, environment (added to), cpu, memory. */
    static List<ContainerLaunch> overridden(List<ContainerLaunch> containers, TaskOverride overrides) {
        if (overrides == null || overrides.containerOverrides() == null) return containers;
        List<ContainerLaunch> out = new ArrayList<>();
        for (ContainerLaunch c : containers) {
            ContainerOverride o = overrides.containerOverrides().stream().filter(x -> c.name().equals(x.name()))
                    .findFirst().orElse(null);
            if (o == null) {
                out.add(c);
                continue;
            }
            Map<String, String> env = new TreeMap<>(c.environment());
            if (o.environment() != null) for (KeyValuePair kv : o.environment()) env.put(kv.name(), kv.value());
            out.add(new ContainerLaunch(c.name(), c.image(),
                    o.cpu() == null ? c.cpuShares() : Integer.valueOf(Math.max(2, o.cpu())),
                    o.memory() == null ? c.memoryMiB() : o.memory(),
                    o.memoryReservation() == null ? c.memoryReservationMiB() : o.memoryReservation(),
                    c.ports(), env, c.entryPoint(), o.command() == null ? c.command() : o.command(), c.essential(),
                    c.health()));
        }
        return out;
    }

    private static List<TaskRow.TaskContainer> containers(TaskDefinitionRow td, List<ContainerInfo> infos) {
        List<TaskRow.TaskContainer> out = new ArrayList<>();
        for (ContainerDefinition c : td.containers()) {
            String id = infos.stream().filter(i -> c.name().equals(i.labels().get(EcsLabels.CONTAINER_NAME)))
                    .map(ContainerInfo::id).findFirst().orElse(null);
            out.add(new TaskRow.TaskContainer(c.name(), id, c.effectiveEssential()));
        }
        return out;
    }
}
