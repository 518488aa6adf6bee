package dev.berth.ecs.runtime;

import java.util.List;
import java.util.Map;

/**
 * One container of a task, already translated from ECS terms: cpu units become CPU shares,
 * memory and memoryReservation MiB become hard and soft limits. Null means "not set".
 * {@code settings} holds the remaining container options (user, ulimits, linuxParameters, ...);
 * {@code log} where its output goes; {@code lifecycle} when it may start and how long it gets to stop.
 * {@code secrets} maps an environment variable to the {@code valueFrom} naming its secret: only
 * the reference travels here; the runtime reads the value when it creates the container, so no
 * record that is stored, logged or compared ever holds it.
 */
public record ContainerLaunch(String name, String image, Integer cpuShares, Integer memoryMiB,
                              Integer memoryReservationMiB, List<PortBinding> ports, Map<String, String> environment,
                              List<String> entryPoint, List<String> command, boolean essential,
                              HealthProbe health, ContainerVolumes volumes, ContainerSettings settings, LogRoute log,
                              ContainerLifecycle lifecycle, Map<String, String> secrets) {
    public ContainerLaunch {
        if (volumes == null) volumes = ContainerVolumes.NONE;
        ports = List.copyOf(ports);
        environment = Map.copyOf(environment);
        entryPoint = entryPoint == null ? null : List.copyOf(entryPoint);
        command = command == null ? null : List.copyOf(command);
        settings = settings == null ? ContainerSettings.NONE : settings;
        lifecycle = lifecycle == null ? ContainerLifecycle.NONE : lifecycle;
        secrets = secrets == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(secrets));
    }

    /** A container logging to the engine's default driver, with no dependencies, the default timeouts and no secrets. */
    public ContainerLaunch(String name, String image, Integer cpuShares, Integer memoryMiB,
                           Integer memoryReservationMiB, List<PortBinding> ports, Map<String, String> environment,
                           List<String> entryPoint, List<String> command, boolean essential, HealthProbe health,
                           ContainerVolumes volumes, ContainerSettings settings) {
        this(name, image, cpuShares, memoryMiB, memoryReservationMiB, ports, environment, entryPoint, command,
                essential, health, volumes, settings, null, null, Map.of());
    }

    /** A container with secrets, logging to the engine's default driver, with no dependencies. */
    public ContainerLaunch(String name, String image, Integer cpuShares, Integer memoryMiB,
                           Integer memoryReservationMiB, List<PortBinding> ports, Map<String, String> environment,
                           List<String> entryPoint, List<String> command, boolean essential, HealthProbe health,
                           ContainerVolumes volumes, ContainerSettings settings, Map<String, String> secrets) {
        this(name, image, cpuShares, memoryMiB, memoryReservationMiB, ports, environment, entryPoint, command,
                essential, health, volumes, settings, null, null, secrets);
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

    /** The same container created by another reference to its image (a digest its deployment resolved). */
    public ContainerLaunch withImage(String reference) {
        return new ContainerLaunch(name, reference, cpuShares, memoryMiB, memoryReservationMiB, ports, environment,
                entryPoint, command, essential, health, volumes, settings, log, lifecycle, secrets);
    }

    /** The same container with other further options. */
    public ContainerLaunch withSettings(ContainerSettings s) {
        return new ContainerLaunch(name, image, cpuShares, memoryMiB, memoryReservationMiB, ports, environment,
                entryPoint, command, essential, health, volumes, s, log, lifecycle, secrets);
    }

    /** The same container with its output going where {@code route} says. */
    public ContainerLaunch withLog(LogRoute route) {
        return new ContainerLaunch(name, image, cpuShares, memoryMiB, memoryReservationMiB, ports, environment,
                entryPoint, command, essential, health, volumes, settings, route, lifecycle, secrets);
    }

    /** The same container with {@code lifecycle}. */
    public ContainerLaunch withLifecycle(ContainerLifecycle lifecycle) {
        return new ContainerLaunch(name, image, cpuShares, memoryMiB, memoryReservationMiB, ports, environment,
                entryPoint, command, essential, health, volumes, settings, log, lifecycle, secrets);
    }

    /** This container as the start order sees it. */
    public StartOrder.Member member() {
        return new StartOrder.Member(name, essential, lifecycle);
    }

    /** The same container with another environment. */
    public ContainerLaunch withEnvironment(Map<String, String> env) {
        return new ContainerLaunch(name, image, cpuShares, memoryMiB, memoryReservationMiB, ports, env,
                entryPoint, command, essential, health, volumes, settings, log, lifecycle, secrets);
    }

    /** The same container with other mounts. */
    public ContainerLaunch withVolumes(ContainerVolumes v) {
        return new ContainerLaunch(name, image, cpuShares, memoryMiB, memoryReservationMiB, ports, environment,
                entryPoint, command, essential, health, v, settings, log, lifecycle, secrets);
    }

    /** The same container with other secrets (variable to valueFrom). */
    public ContainerLaunch withSecrets(Map<String, String> s) {
        return new ContainerLaunch(name, image, cpuShares, memoryMiB, memoryReservationMiB, ports, environment,
                entryPoint, command, essential, health, volumes, settings, log, lifecycle, s);
    }
}
