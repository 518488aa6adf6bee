package dev.berth.ecs.store;

import java.util.List;

/**
 * Where an EC2 task runs and what it reserves, keyed by task ARN in {@code task_placements}.
 * Kept beside the tasks table rather than in it, so the task rows keep their shape. The engine
 * is recorded too, so a task can still be found and stopped after its instance is deregistered.
 */
public record PlacementRow(String taskArn, String serviceArn, String instanceArn, String dockerHost, int cpu, int memory,
                           List<String> hostPorts) {
    public static final String TABLE = "task_placements";

    public PlacementRow {
        hostPorts = hostPorts == null ? List.of() : List.copyOf(hostPorts);
    }
}
