package dev.berth.ecs.runtime;

import java.util.List;
import java.util.Map;

/**
 * One container of a task, already translated from ECS terms: cpu units become CPU shares,
 * memory and memoryReservation MiB become hard and soft limits. Null means "not set".
 * {@code settings} holds the remaining container options (user, ulimits, linuxParameters, ...).
 */
public record ContainerLaunch(String name, String image, Integer cpuShares, Integer memoryMiB,
                              Integer memoryReservationMiB, List<PortBinding> ports, Map<String, String> environment,
                              List<String> entryPoint, List<String> command, boolean essential,
                              HealthProbe health, ContainerSettings settings) {
    public ContainerLaunch {
        ports = List.copyOf(ports);
        environment = Map.copyOf(environment);
        entryPoint = entryPoint == null ? null : List.copyOf(entryPoint);
        command = command == null ? null : List.copyOf(command);
        settings = settings == null ? ContainerSettings.NONE : settings;
    }

    /** A container with none of the further options. */
    public ContainerLaunch(String name, String image, Integer cpuShares, Integer memoryMiB,
                           Integer memoryReservationMiB, List<PortBinding> ports, Map<String, String> environment,
                           List<String> entryPoint, List<String> command, boolean essential, HealthProbe health) {
        this(name, image, cpuShares, memoryMiB, memoryReservationMiB, ports, environment, entryPoint, command,
                essential, health, ContainerSettings.NONE);
    }

    /** A container without a health check. */
    public ContainerLaunch(String name, String image, Integer cpuShares, Integer memoryMiB,
                           Integer memoryReservationMiB, List<PortBinding> ports, Map<String, String> environment,
                           List<String> entryPoint, List<String> command, boolean essential) {
        this(name, image, cpuShares, memoryMiB, memoryReservationMiB, ports, environment, entryPoint, command,
                essential, null);
    }

    /** The same container with other further options. */
    public ContainerLaunch withSettings(ContainerSettings s) {
        return new ContainerLaunch(name, image, cpuShares, memoryMiB, memoryReservationMiB, ports, environment,
                entryPoint, command, essential, health, s);
    }
}
