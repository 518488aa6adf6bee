package dev.berth.ecs.runtime;

import java.util.List;

/**
 * What a container mounts: task volumes by name at a path, and every volume of other containers
 * of the same task ({@code volumesFrom}), each read-write unless marked read-only.
 */
public record ContainerVolumes(List<Mount> mounts, List<From> volumesFrom) {
    public static final ContainerVolumes NONE = new ContainerVolumes(List.of(), List.of());

    public record Mount(String volume, String containerPath, boolean readOnly) {
    }

    /** {@code container} is the ECS container name of another container of the task. */
    public record From(String container, boolean readOnly) {
    }

    public ContainerVolumes {
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        volumesFrom = volumesFrom == null ? List.of() : List.copyOf(volumesFrom);
    }
}
