package dev.berth.ecs.control;

import dev.berth.ecs.api.Shapes.Tag;
import dev.berth.ecs.api.Shapes.TaskOverride;
import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.store.ClusterRow;
import dev.berth.ecs.store.EcsStore;
import dev.berth.ecs.store.InstanceRow;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.task.StartRequest;
import dev.berth.ecs.task.TaskStarter;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * Starts one task of RunTask or StartTask with the one task starter, after writing its ECS
 * attributes (overrides, tags, client token), so a retried call with the same token finds it
 * even when the start dies half-way. A start that fails leaves the task STOPPED with
 * TaskFailedToStart; one whose essential container ends at once (a short batch job may) is
 * STOPPED with EssentialContainerExited and the exit code. Either way the task is returned.
 */
final class OneOffLauncher {
    /** A task to start: where it runs (no instance: FARGATE, the local engine) and its ECS attributes. */
    record Launch(ClusterRow cluster, TaskDefinitionRow td, InstanceRow instance, String group, String startedBy,
                  TaskOverride overrides, List<Tag> tags, String clientToken) {
    }

    private final TaskStarter starter;
    private final Table<TaskRow> tasks;
    private final Table<TaskAttributes> attributes;
    private final Clock clock;

    OneOffLauncher(EcsStore store, Function<String, ContainerRuntime> runtimes, Clock clock) {
        this.starter = new TaskStarter(store, runtimes);
        this.tasks = new Table<>(store, TaskRow.TABLE, TaskRow.class);
        this.attributes = new Table<>(store, TaskAttributes.TABLE, TaskAttributes.class);
        this.clock = clock;
    }

    /** The task's ARN; whatever happened, its row says how the start went. */
    String start(Launch l) {
        String taskArn = EcsArn.task(l.cluster().name(), UUID.randomUUID().toString().replace("-", ""));
        attributes.put(taskArn, new TaskAttributes(taskArn, l.cluster().arn(), l.overrides(), l.tags(),
                l.clientToken(), clock.instant().toString()));
        try {
            starter.start(new StartRequest(l.cluster(), l.td(), l.instance(), l.group(), l.startedBy(), null, taskArn,
                    l.overrides()));
        } catch (RuntimeFailure.ExitedAtStart e) {
            // It ran: a one-off task that ends at once ended, it did not fail to start.
            Map<String, TaskRow.Exit> exits = new TreeMap<>();
            if (e.container() != null) exits.put(e.container(), new TaskRow.Exit(e.exitCode(), e.reason()));
            tasks.get(taskArn).ifPresent(r -> tasks.put(taskArn, r.withExits(exits).stopped(clock.instant().toString(),
                    TaskRow.ESSENTIAL_CONTAINER_EXITED, TaskRow.ESSENTIAL_EXITED_REASON)));
        } catch (RuntimeException recordedOnTheTask) {
            // The starter recorded it STOPPED with TaskFailedToStart and the reason.
        }
        return taskArn;
    }
}
