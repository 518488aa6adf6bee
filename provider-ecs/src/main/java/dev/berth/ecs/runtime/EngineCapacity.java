package dev.berth.ecs.runtime;

public record EngineCapacity(int cpuUnits, long memoryMiB) {
}
