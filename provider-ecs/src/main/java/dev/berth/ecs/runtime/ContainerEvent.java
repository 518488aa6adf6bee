package dev.berth.ecs.runtime;

/** One entry of the engine's event log about a container, e.g. "start" or "update". */
public record ContainerEvent(String containerId, String action, long timeNanos) {
}
