package dev.berth.ecs.runtime;

import java.util.List;
import java.util.Map;

/**
 * One task to start: its containers share one network namespace when the network mode is
 * {@code awsvpc}. {@code labels} go on every container (each container adds its own name).
 */
public record TaskLaunch(String taskArn, String networkName, String networkMode, Map<String, String> labels,
                         List<ContainerLaunch> containers, List<VolumeLaunch> volumes) {
    public TaskLaunch {
        labels = Map.copyOf(labels);
        containers = List.copyOf(containers);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
    }

    /** A task without volumes. */
    public TaskLaunch(String taskArn, String networkName, String networkMode, Map<String, String> labels,
                      List<ContainerLaunch> containers) {
        this(taskArn, networkName, networkMode, labels, containers, List.of());
    }
}
