package dev.berth.ecs.runtime;

import java.util.List;
import java.util.Map;

/**
 * One task to start: its containers share one network namespace when the network mode is
 * {@code awsvpc}. {@code labels} go on every container (each container adds its own name).
 * {@code metadata} feeds ECS's task metadata endpoint; null starts the task without one.
 * {@code firelens} is the task's FireLens log router, null when it has none.
 */
public record TaskLaunch(String taskArn, String networkName, String networkMode, Map<String, String> labels,
                         List<ContainerLaunch> containers, List<VolumeLaunch> volumes, TaskPlatform platform,
                         TaskMetadata metadata, FirelensLaunch firelens) {
    public TaskLaunch {
        labels = Map.copyOf(labels);
        containers = List.copyOf(containers);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        platform = platform == null ? TaskPlatform.DEFAULT : platform;
    }

    /** A task without a FireLens router. */
    public TaskLaunch(String taskArn, String networkName, String networkMode, Map<String, String> labels,
                      List<ContainerLaunch> containers, List<VolumeLaunch> volumes, TaskPlatform platform,
                      TaskMetadata metadata) {
        this(taskArn, networkName, networkMode, labels, containers, volumes, platform, metadata, null);
    }

    /** A task without a metadata endpoint. */
    public TaskLaunch(String taskArn, String networkName, String networkMode, Map<String, String> labels,
                      List<ContainerLaunch> containers, List<VolumeLaunch> volumes, TaskPlatform platform) {
        this(taskArn, networkName, networkMode, labels, containers, volumes, platform, null);
    }

    /** A task without volumes and with the engine's defaults. */
    public TaskLaunch(String taskArn, String networkName, String networkMode, Map<String, String> labels,
                      List<ContainerLaunch> containers) {
        this(taskArn, networkName, networkMode, labels, containers, List.of(), null, null);
    }

    /** A task with volumes and the engine's defaults. */
    public TaskLaunch(String taskArn, String networkName, String networkMode, Map<String, String> labels,
                      List<ContainerLaunch> containers, List<VolumeLaunch> volumes) {
        this(taskArn, networkName, networkMode, labels, containers, volumes, null, null);
    }

    /** The same task with other containers (overrides), everything else kept. */
    public TaskLaunch withContainers(List<ContainerLaunch> others) {
        return new TaskLaunch(taskArn, networkName, networkMode, labels, others, volumes, platform, metadata, firelens);
    }

    /** The same task with other metadata (overrides of its size and role), everything else kept. */
    public TaskLaunch withMetadata(TaskMetadata other) {
        return new TaskLaunch(taskArn, networkName, networkMode, labels, containers, volumes, platform, other, firelens);
    }

    /** The same task with its containers, volumes and router as FireLens wires them. */
    public TaskLaunch withFirelens(List<ContainerLaunch> others, List<VolumeLaunch> otherVolumes, FirelensLaunch router) {
        return new TaskLaunch(taskArn, networkName, networkMode, labels, others, otherVolumes, platform, metadata, router);
    }
}
