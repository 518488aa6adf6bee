package dev.berth.ecs.scheduler.model;

import java.util.List;

/**
 * A Docker engine that instances of the snapshot share with instances outside it (other
 * clusters): what the engine can hold, and what tasks outside the snapshot already book on it.
 * Placement books an engine's cpu, memory and host ports across every instance on it, so one
 * engine is never promised twice.
 */
public record EngineLoad(int cpuCapacity, int memoryCapacity, int cpuElsewhere, int memoryElsewhere,
                         List<HostPort> portsElsewhere) {
    public EngineLoad {
        portsElsewhere = List.copyOf(portsElsewhere);
    }
}
