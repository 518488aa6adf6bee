package dev.berth.ecs.runtime;

import java.util.List;
import java.util.Map;

/**
 * One task to start: its containers share one network namespace when the network mode is
 * {@code awsvpc}. {@code labels} go on every container (each container adds its own name).
 * {@code metadata} feeds ECS's task metadata endpoint; null starts the task without one.
 */
public record TaskLaunch(String taskArn, String networkName, String networkMode, Map<String, String> labels,
                         List<ContainerLaunch> containers, TaskMetadata metadata) {
    public TaskLaunch {
        labels = Map.copyOf(labels);
        containers = List.copyOf(containers);
    }

    /** A task without a metadata endpoint. */
    public TaskLaunch(String taskArn, String networkName, String networkMode, Map<String, String> labels,
                      List<ContainerLaunch> containers) {
        this(taskArn, networkName, networkMode, labels, containers, null);
    }
}
