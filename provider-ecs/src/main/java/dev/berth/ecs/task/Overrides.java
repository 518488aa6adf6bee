package dev.berth.ecs.task;

import dev.berth.ecs.api.Shapes.ContainerOverride;
import dev.berth.ecs.api.Shapes.KeyValuePair;
import dev.berth.ecs.api.Shapes.TaskOverride;
import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.TaskLaunch;
import dev.berth.ecs.runtime.TaskMetadata;
import dev.berth.ecs.scheduler.model.TaskSpec;
import dev.berth.ecs.taskdef.TaskSize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * RunTask's and StartTask's overrides, as ECS applies them: a container's command replaced,
 * its environment added to (same names replaced), its cpu and memory replaced; the task's cpu
 * and memory replace what placement reserves.
 */
public final class Overrides {
    private Overrides() {
    }

    static TaskLaunch apply(TaskLaunch launch, TaskOverride overrides) {
        if (overrides == null) return launch;
        List<ContainerLaunch> out = new ArrayList<>();
        for (ContainerLaunch c : launch.containers()) {
            ContainerOverride o = overrides.containerOverrides() == null ? null : overrides.containerOverrides()
                    .stream().filter(x -> c.name().equals(x.name())).findFirst().orElse(null);
            out.add(o == null ? c : apply(c, o));
        }
        TaskMetadata metadata = launch.metadata() == null ? null : launch.metadata().overridden(
                overrides.cpu() == null ? null : TaskSize.cpuUnits(overrides.cpu()).orElse(null),
                overrides.memory() == null ? null : TaskSize.memoryMiB(overrides.memory()).orElse(null),
                overrides.taskRoleArn());
        return launch.withContainers(out).withMetadata(metadata);
    }

    private static ContainerLaunch apply(ContainerLaunch c, ContainerOverride o) {
        Map<String, String> env = new TreeMap<>(c.environment());
        if (o.environment() != null) for (KeyValuePair kv : o.environment()) env.put(kv.name(), kv.value());
        Integer shares = o.cpu() == null ? c.cpuShares() : Integer.valueOf(LaunchTranslator.cpuShares(o.cpu()));
        return new ContainerLaunch(c.name(), c.image(), shares, o.memory() == null ? c.memoryMiB() : o.memory(),
                o.memoryReservation() == null ? c.memoryReservationMiB() : o.memoryReservation(), c.ports(), env,
                c.entryPoint(), o.command() == null ? c.command() : o.command(), c.essential(), c.health(),
                c.volumes(), c.settings(), c.log(), c.lifecycle(), c.secrets());
    }

    /** What placement reserves for the task: its definition's sizes, or the override's task cpu and memory. */
    public static TaskSpec spec(TaskSpec s, TaskOverride overrides) {
        if (overrides == null) return s;
        Integer cpu = overrides.cpu() == null ? s.taskCpu() : TaskSize.cpuUnits(overrides.cpu()).orElse(s.taskCpu());
        Integer memory = overrides.memory() == null ? s.taskMemory()
                : TaskSize.memoryMiB(overrides.memory()).orElse(s.taskMemory());
        return new TaskSpec(s.family(), s.taskDefinition(), cpu, memory, s.networkMode(), s.containers(), s.memberOf());
    }
}
