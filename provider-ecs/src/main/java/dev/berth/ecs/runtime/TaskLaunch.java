package dev.berth.ecs.runtime;

import java.util.List;
import java.util.Map;

/**
 * One task to start: its containers share one network namespace when the network mode is
 * {@code awsvpc}. {@code labels} go on every container (each container adds its own name).
 */
public record TaskLaunch(String taskArn, String networkName, String networkMode, Map<String, String> labels,
                         List<ContainerLaunch> containers, TaskPlatform platform) {
    public TaskLaunch {
        labels = Map.copyOf(labels);
        containers = List.copyOf(containers);
        platform = platform == null ? TaskPlatform.DEFAULT : platform;
    }

    public TaskLaunch(String taskArn, String networkName, String networkMode, Map<String, String> labels,
                      List<ContainerLaunch> containers) {
        this(taskArn, networkName, networkMode, labels, containers, null);
    }

    /** The same task with other containers (overrides), everything else kept. */
    public TaskLaunch withContainers(List<ContainerLaunch> others) {
        return new TaskLaunch(taskArn, networkName, networkMode, labels, others, platform);
    }
}
