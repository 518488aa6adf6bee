package dev.berth.ecs.runtime;

import java.util.List;
import java.util.Map;

/**
 * One container of a task, already translated from ECS terms: cpu units become CPU shares,
 * memory and memoryReservation MiB become hard and soft limits. Null means "not set".
 * {@code settings} holds the remaining container options (user, ulimits, linuxParameters, ...).
 * {@code secrets} maps an environment variable to the {@code valueFrom} naming its secret: only
 * the reference travels here; the runtime reads the value when it creates the container, so no
 * record that is stored, logged or compared ever holds it.
 */
public record ContainerLaunch(String name, String image, Integer cpuShares, Integer memoryMiB,
                              Integer memoryReservationMiB, List<PortBinding> ports, Map<String, String> environment,
                              List<String> entryPoint, List<String> command, boolean essential,
                              HealthProbe health, ContainerVolumes volumes, ContainerSettings settings,
                              Map<String, String> secrets) {
    public ContainerLaunch {
        if (volumes == null) volumes = ContainerVolumes.NONE;
        ports = List.copyOf(ports);
        environment = Map.copyOf(environment);
        entryPoint = entryPoint == null ? null : List.copyOf(entryPoint);
        command = command == null ? null : List.copyOf(command);
        settings = settings == null ? ContainerSettings.NONE : settings;
        secrets = secrets == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(secrets));
    }

    /** A container without secrets. */
    public ContainerLaunch(String name, String image, Integer cpuShares, Integer memoryMiB,
                           Integer memoryReservationMiB, List<PortBinding> ports, Map<String, String> environment,
                           List<String> entryPoint, List<String> command, boolean essential, HealthProbe health,
                           ContainerVolumes volumes, ContainerSettings settings) {
        this(name, image, cpuShares, memoryMiB, memoryReservationMiB, ports, environment, entryPoint, command,
                essential, health, volumes, settings, Map.of());
    }

    /** A container that mounts no volumes and has none of the further options. */
    public ContainerLaunch(String name, String image, Integer cpuShares, Integer memoryMiB,
                           Integer memoryReservationMiB, List<PortBinding> ports, Map<String, String> environment,
                           List<String> entryPoint, List<String> command, boolean essential, HealthProbe health) {
        this(name, image, cpuShares, memoryMiB, memoryReservationMiB, ports, environment, entryPoint, command,
                essential, health, ContainerVolumes.NONE, ContainerSettings.NONE);
    }

    /** A container with volumes and none of the further options. */
    public ContainerLaunch(String name, String image, Integer cpuShares, Integer memoryMiB,
                           Integer memoryReservationMiB, List<PortBinding> ports, Map<String, String> environment,
                           List<String> entryPoint, List<String> command, boolean essential, HealthProbe health,
                           ContainerVolumes volumes) {
        this(name, image, cpuShares, memoryMiB, memoryReservationMiB, ports, environment, entryPoint, command,
                essential, health, volumes, ContainerSettings.NONE);
    }

    /** A container with further options and no volumes. */
    public ContainerLaunch(String name, String image, Integer cpuShares, Integer memoryMiB,
                           Integer memoryReservationMiB, List<PortBinding> ports, Map<String, String> environment,
                           List<String> entryPoint, List<String> command, boolean essential, HealthProbe health,
                           ContainerSettings settings) {
        this(name, image, cpuShares, memoryMiB, memoryReservationMiB, ports, environment, entryPoint, command,
                essential, health, ContainerVolumes.NONE, settings);
    }

    /** A container without a health check. */
    public ContainerLaunch(String name, String image, Integer cpuShares, Integer memoryMiB,
                           Integer memoryReservationMiB, List<PortBinding> ports, Map<String, String> environment,
                           List<String> entryPoint, List<String> command, boolean essential) {
        this(name, image, cpuShares, memoryMiB, memoryReservationMiB, ports, environment, entryPoint, command,
                essential, null, ContainerVolumes.NONE, ContainerSettings.NONE);
    }

    /** The same container with other further options. */
    public ContainerLaunch withSettings(ContainerSettings s) {
        return new ContainerLaunch(name, image, cpuShares, memoryMiB, memoryReservationMiB, ports, environment,
                entryPoint, command, essential, health, volumes, s, secrets);
    }
}
