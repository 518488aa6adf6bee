package dev.berth.ecs.scheduler.model;

import java.util.List;

/**
 * One container of a task definition, reduced to what placement needs. Null cpu/memory were not
 * set. {@code memoryReservation} (the soft limit) is what ECS reserves when set; else the hard limit.
 */
public record ContainerSpec(String name, Integer cpu, Integer memory, Integer memoryReservation,
                            List<PortSpec> portMappings) {
    public ContainerSpec {
        portMappings = List.copyOf(portMappings);
    }

    public int reservedMemory() {
        if (memoryReservation != null) return memoryReservation;
        return memory == null ? 0 : memory;
    }
}
