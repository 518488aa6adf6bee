package dev.berth.ecs.runtime;

import java.util.Map;

/**
 * A volume of a task, translated from ECS terms into what the runtime provides:
 * {@code BIND} mounts {@code hostPath}; {@code TASK} is a volume made for this task and removed
 * with it; {@code SHARED} is a volume named {@code name} that outlives every task using it,
 * created when missing only if {@code autoprovision}.
 */
public record VolumeLaunch(String name, Kind kind, String hostPath, String driver, Map<String, String> driverOpts,
                           Map<String, String> labels, boolean autoprovision) {
    public enum Kind { BIND, TASK, SHARED }

    public static final String LOCAL_DRIVER = "local";

    public VolumeLaunch {
        driverOpts = driverOpts == null ? Map.of() : Map.copyOf(driverOpts);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        if (driver == null) driver = LOCAL_DRIVER;
    }

    public static VolumeLaunch bind(String name, String hostPath) {
        return new VolumeLaunch(name, Kind.BIND, hostPath, null, null, null, false);
    }

    /** ECS's empty host volume: a local volume that lives as long as the task. */
    public static VolumeLaunch empty(String name) {
        return new VolumeLaunch(name, Kind.TASK, null, null, null, null, false);
    }
}
