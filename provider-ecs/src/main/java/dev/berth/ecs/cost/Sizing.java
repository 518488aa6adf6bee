package dev.berth.ecs.cost;

import dev.berth.ecs.taskdef.TaskSize;

import java.util.Map;
import java.util.Objects;

/** A task definition's {@link TaskShape}, or why it cannot be told (unknown until apply, not set, not found). */
public record Sizing(TaskShape shape, String reason) {
    public Sizing {
        if ((shape == null) == (reason == null)) throw new IllegalArgumentException("a shape or a reason");
    }

    public static Sizing of(TaskShape shape) {
        return new Sizing(Objects.requireNonNull(shape), null);
    }

    public static Sizing unknown(String reason) {
        return new Sizing(null, reason);
    }

    public boolean known() {
        return shape != null;
    }

    /**
     * From a task definition's task-level {@code cpu} and {@code memory} as ECS spells them ("256",
     * "1 vCPU"; "512", "1 GB") and its runtime platform's {@code cpuArchitecture}. FARGATE bills
     * the task-level size, so a definition without one cannot be priced.
     */
    public static Sizing of(String name, String cpu, String memory, String cpuArchitecture) {
        if (cpu == null || memory == null) {
            return unknown("task definition " + name + " sets no task-level " + (cpu == null ? "cpu" : "memory"));
        }
        Integer units = TaskSize.cpuUnits(cpu).orElse(null);
        Integer mib = TaskSize.memoryMiB(memory).orElse(null);
        if (units == null || mib == null) {
            return unknown("task definition " + name + " has a task size berth cannot read");
        }
        return of(new TaskShape(units, mib, TaskShape.arch(cpuArchitecture)));
    }

    /** The runtime platform's cpuArchitecture out of ECS's JSON map, or null. */
    public static String architecture(Map<String, Object> runtimePlatform) {
        return runtimePlatform == null || runtimePlatform.get("cpuArchitecture") == null ? null
                : String.valueOf(runtimePlatform.get("cpuArchitecture"));
    }
}
