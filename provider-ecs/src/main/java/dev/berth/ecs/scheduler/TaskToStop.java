package dev.berth.ecs.scheduler;

/** A task scale-in chose, with where it runs. */
public record TaskToStop(String instanceId, String zone, String taskId) {
}
