package dev.berth.ecs.scheduler;

import dev.berth.ecs.scheduler.model.RunningTask;

/** One task placed on one instance; zone is null when the instance has no zone attribute. */
public record Placement(String instanceId, String instanceName, String zone, RunningTask task) {
}
