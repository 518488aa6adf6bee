package dev.berth.ecs.runtime;

import java.util.List;
import java.util.Map;

/**
 * One container of a task, already translated from ECS terms: cpu units become CPU shares,
 * memory and memoryReservation MiB become hard and soft limits. Null means "not set".
 * {@code lifecycle} says when it may start and how long it gets to stop.
 */
public record ContainerLaunch(String name, String image, Integer cpuShares, Integer memoryMiB,
                              Integer memoryReservationMiB, List<PortBinding> ports, Map<String, String> environment,
                              List<String> entryPoint, List<String> command, boolean essential,
                              HealthProbe health, ContainerLifecycle lifecycle) {
    public ContainerLaunch {
        ports = List.copyOf(ports);
        environment = Map.copyOf(environment);
        entryPoint = entryPoint == null ? null : List.copyOf(entryPoint);
        command = command == null ? null : List.copyOf(command);
        lifecycle = lifecycle == null ? ContainerLifecycle.NONE : lifecycle;
    }

    /** A container with no dependencies and the default timeouts. */
    public ContainerLaunch(String name, String image, Integer cpuShares, Integer memoryMiB,
                           Integer memoryReservationMiB, List<PortBinding> ports, Map<String, String> environment,
                           List<String> entryPoint, List<String> command, boolean essential, HealthProbe health) {
        this(name, image, cpuShares, memoryMiB, memoryReservationMiB, ports, environment, entryPoint, command,
                essential, health, null);
    }

    /** A container without a health check. */
    public ContainerLaunch(String name, String image, Integer cpuShares, Integer memoryMiB,
                           Integer memoryReservationMiB, List<PortBinding> ports, Map<String, String> environment,
                           List<String> entryPoint, List<String> command, boolean essential) {
        this(name, image, cpuShares, memoryMiB, memoryReservationMiB, ports, environment, entryPoint, command,
                essential, null, null);
    }

    /** The same container with {@code lifecycle}. */
    public ContainerLaunch withLifecycle(ContainerLifecycle lifecycle) {
        return new ContainerLaunch(name, image, cpuShares, memoryMiB, memoryReservationMiB, ports, environment,
                entryPoint, command, essential, health, lifecycle);
    }

    /** This container as the start order sees it. */
    public StartOrder.Member member() {
        return new StartOrder.Member(name, essential, lifecycle);
    }
}
