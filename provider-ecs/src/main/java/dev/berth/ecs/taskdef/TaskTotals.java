package dev.berth.ecs.taskdef;

import dev.berth.ecs.resource.Diags;
import dev.berth.engine.provider.ProviderDiagnostic;

import java.util.ArrayList;
import java.util.List;

/**
 * ECS's rule that a task's containers fit its task-level size: the CPU units of all containers
 * and the memory they reserve (memoryReservation where set, else memory) may not add up to more
 * than the task's cpu and memory. Each container may fit alone while the sum does not.
 */
final class TaskTotals {
    private TaskTotals() {
    }

    static void check(ContainerSource src, List<ContainerDefinition> cs, Integer taskCpu, Integer taskMemory,
                      List<ProviderDiagnostic> out) {
        if (cs.stream().allMatch(c -> c.known("cpu")) && taskCpu != null) {
            List<String> parts = new ArrayList<>();
            int sum = 0;
            for (ContainerDefinition c : cs) {
                if (c.cpu() == null) continue;
                sum += c.cpu();
                parts.add(c.name() + " " + c.cpu());
            }
            if (parts.size() > 1 && sum > taskCpu) {
                out.add(Diags.error("The containers' cpu adds up to " + sum + " units (" + String.join(", ", parts)
                        + "), more than the task cpu of " + taskCpu + " units.", List.of(src.attribute())));
            }
        }
        if (cs.stream().allMatch(c -> c.known("memory") && c.known("memoryReservation")) && taskMemory != null) {
            List<String> parts = new ArrayList<>();
            int sum = 0;
            for (ContainerDefinition c : cs) {
                Integer reserved = c.memoryReservation() != null ? c.memoryReservation() : c.memory();
                if (reserved == null) continue;
                sum += reserved;
                parts.add(c.name() + " " + reserved);
            }
            if (parts.size() > 1 && sum > taskMemory) {
                out.add(Diags.error("The containers reserve " + sum + " MiB of memory (" + String.join(", ", parts)
                        + "), more than the task memory of " + taskMemory + " MiB.", List.of(src.attribute())));
            }
        }
    }
}
