package dev.berth.ecs.runtime;

import java.util.List;
import java.util.Map;

/**
 * A container as the engine reports it. {@code state} is the engine's word ("running",
 * "exited", "created", ...); exit code is null while running. Limits are what the engine
 * enforces, read back so drift in them can be seen.
 */
public record ContainerInfo(String id, String name, String image, Map<String, String> labels, String state,
                            Integer exitCode, List<PublishedPort> ports, long cpuShares, long memoryBytes,
                            long memoryReservationBytes, Map<String, String> environment) {
    public ContainerInfo {
        labels = Map.copyOf(labels);
        ports = List.copyOf(ports);
        environment = Map.copyOf(environment);
    }

    public boolean running() {
        return "running".equals(state);
    }
}
