package dev.berth.ecs.task;

import dev.berth.ecs.placement.TaskSpecs;
import dev.berth.ecs.scheduler.model.HostPort;
import dev.berth.ecs.scheduler.model.TaskSpec;
import dev.berth.ecs.store.TaskDefinitionRow;

import java.util.List;

/** What one task of a revision holds where it runs: cpu units, memory MiB and static host ports ("80/tcp"). */
record Reservation(int cpu, int memory, List<String> hostPorts) {
    static Reservation of(TaskDefinitionRow td) {
        return of(td, null);
    }

    /** What a task holds with RunTask's task-level cpu and memory overrides, when given. */
    static Reservation of(TaskDefinitionRow td, dev.berth.ecs.api.Shapes.TaskOverride overrides) {
        TaskSpec spec = Overrides.spec(TaskSpecs.of(td), overrides);
        return new Reservation(spec.cpu(), spec.memory(), spec.staticHostPorts().stream().map(HostPort::toString).toList());
    }
}
