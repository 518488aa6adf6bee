package dev.berth.ecs.runtime;

import java.util.List;
import java.util.Map;

/**
 * One container of a task, already translated from ECS terms: cpu units become CPU shares,
 * memory and memoryReservation MiB become hard and soft limits. Null means "not set".
 */
public record ContainerLaunch(String name, String image, Integer cpuShares, Integer memoryMiB,
                              Integer memoryReservationMiB, List<PortBinding> ports, Map<String, String> environment,
                              List<String> entryPoint, List<String> command, boolean essential,
                              HealthProbe health, ContainerVolumes volumes, LogRoute log) {
    public ContainerLaunch {
        if (volumes == null) volumes = ContainerVolumes.NONE;
        ports = List.copyOf(ports);
        environment = Map.copyOf(environment);
        entryPoint = entryPoint == null ? null : List.copyOf(entryPoint);
        command = command == null ? null : List.copyOf(command);
    }

    /** A container logging to the engine's default driver. */
    public ContainerLaunch(String name, String image, Integer cpuShares, Integer memoryMiB,
                           Integer memoryReservationMiB, List<PortBinding> ports, Map<String, String> environment,
                           List<String> entryPoint, List<String> command, boolean essential, HealthProbe health,
                           ContainerVolumes volumes) {
        this(name, image, cpuShares, memoryMiB, memoryReservationMiB, ports, environment, entryPoint, command,
                essential, health, volumes, null);
    }

    /** A container that mounts no volumes and logs to the engine's default driver. */
    public ContainerLaunch(String name, String image, Integer cpuShares, Integer memoryMiB,
                           Integer memoryReservationMiB, List<PortBinding> ports, Map<String, String> environment,
                           List<String> entryPoint, List<String> command, boolean essential, HealthProbe health) {
        this(name, image, cpuShares, memoryMiB, memoryReservationMiB, ports, environment, entryPoint, command,
                essential, health, ContainerVolumes.NONE, null);
    }

    /** A container without a health check. */
    public ContainerLaunch(String name, String image, Integer cpuShares, Integer memoryMiB,
                           Integer memoryReservationMiB, List<PortBinding> ports, Map<String, String> environment,
                           List<String> entryPoint, List<String> command, boolean essential) {
        this(name, image, cpuShares, memoryMiB, memoryReservationMiB, ports, environment, entryPoint, command,
                essential, null, ContainerVolumes.NONE, null);
    }
}
