package dev.berth.ecs.agent;

import dev.berth.ecs.resource.EcsLabels;
import dev.berth.ecs.runtime.ContainerEvent;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.store.EcsStore;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.taskdef.ContainerDefinition;
import dev.berth.ecs.taskdef.ContainerOptions;
import dev.berth.ecs.taskdef.RestartPolicy;
import dev.berth.ecs.taskdef.TaskDefinitionRegistry;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Containers' {@code restartPolicy}, applied where the agent hears them die, before the death is
 * judged: a container of a RUNNING task whose policy allows it ({@link RestartPolicy#refusal})
 * is started again in place, its task keeps its id and stays RUNNING, and the row counts the
 * restart and its time. Otherwise the death goes on to be judged as before (an essential
 * container's ends its task). The clock is the seam that lets a test stand after ECS's 60-second
 * minimum period without waiting for it.
 */
final class InPlaceRestarts {
    private final Table<TaskRow> taskRows;
    private final TaskDefinitionRegistry registry;
    private final Clock clock;
    private final AgentLog log;

    InPlaceRestarts(EcsStore store, Table<TaskRow> taskRows, Clock clock, AgentLog log) {
        this.taskRows = taskRows;
        this.registry = new TaskDefinitionRegistry(store);
        this.clock = clock;
        this.log = log;
    }

    /** Whether the container of this "die" event was started again; false leaves it to be judged. */
    boolean restart(ContainerRuntime engine, ContainerEvent e, TaskRow row) {
        if (row == null || !row.running() || !"die".equals(e.action().trim())) return false;
        String name = e.attributes().get(EcsLabels.CONTAINER_NAME);
        Optional<RestartPolicy> policy = policy(row, name);
        if (policy.isEmpty()) return false;
        Optional<ContainerInfo> now;
        try {
            now = engine.inspect(e.containerId());
        } catch (RuntimeFailure f) {
            return false;
        }
        // Gone, or running again: a stop that removes its containers got here first, or someone else started it.
        if (now.isEmpty() || now.get().running()) return false;
        Integer exit = e.exitCode() != null ? e.exitCode() : now.get().exitCode();
        String refusal = policy.get().refusal(exit, now.get().startedAt(), clock.instant());
        String what = "task " + row.taskArn() + " container " + name + " exited (exit code " + exit + ")";
        if (refusal != null) {
            log.line(what + "; not restarted: " + refusal);
            return false;
        }
        // Read again: an apply may have stopped the task while the engine was asked.
        TaskRow current = taskRows.get(row.taskArn()).orElse(null);
        if (current == null || !current.running()) return false;
        try {
            engine.restartContainer(e.containerId());
        } catch (RuntimeFailure f) {
            log.line(what + "; could not restart it: " + f.getMessage());
            return false;
        }
        // A stop that began meanwhile (it removes the container) has the last word on the row.
        TaskRow latest = taskRows.get(row.taskArn()).orElse(null);
        if (latest == null || !latest.running()) return true;
        TaskRow restarted = latest.withRestart(name, Instant.now().toString());
        taskRows.put(row.taskArn(), restarted);
        int count = restarted.containers().stream().filter(c -> c.name().equals(name)).mapToInt(TaskRow.TaskContainer::restarts)
                .findFirst().orElse(0);
        log.line(what + "; restarted in place by its restart policy (restart " + count + ")");
        return true;
    }

    private Optional<RestartPolicy> policy(TaskRow row, String name) {
        if (name == null) return Optional.empty();
        return registry.find(row.taskDefinitionArn()).flatMap(td -> ContainerDefinition.of(td).stream()
                        .filter(c -> name.equals(c.name())).findFirst())
                .map(c -> ContainerOptions.of(c).restartPolicy()).filter(p -> p != null && p.on());
    }
}
