package dev.berth.ecs.runtime;

import java.util.List;
import java.util.Map;

/**
 * A container as the engine reports it. {@code state} is the engine's word ("running",
 * "exited", "created", ...); exit code is null while running. Limits are what the engine
 * enforces, read back so drift in them can be seen. {@code detailed} is false when the
 * container came from a list summary only: its limits are then 0 and its environment empty
 * because Docker's list call does not carry them, not because they are unset.
 * {@code createdEpochSecond} is 0 when the engine did not say.
 */
public record ContainerInfo(String id, String name, String image, Map<String, String> labels, String state,
                            Integer exitCode, List<PublishedPort> ports, long cpuShares, long memoryBytes,
                            long memoryReservationBytes, Map<String, String> environment, long createdEpochSecond,
                            boolean detailed) {
    public ContainerInfo {
        labels = Map.copyOf(labels);
        ports = List.copyOf(ports);
        environment = Map.copyOf(environment);
    }

    /** A fully inspected container whose creation time is not needed. */
    public ContainerInfo(String id, String name, String image, Map<String, String> labels, String state,
                         Integer exitCode, List<PublishedPort> ports, long cpuShares, long memoryBytes,
                         long memoryReservationBytes, Map<String, String> environment) {
        this(id, name, image, labels, state, exitCode, ports, cpuShares, memoryBytes, memoryReservationBytes,
                environment, 0, true);
    }

    public boolean running() {
        return "running".equals(state);
    }
}
