package dev.berth.ecs.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A container as the engine reports it. {@code state} is the engine's word ("running",
 * "exited", "created", ...); exit code is null while running. Limits are what the engine
 * enforces, read back so drift in them can be seen. {@code detailed} is false when the
 * container came from a list summary only: its limits are then 0, its environment empty and its
 * start time null because Docker's list call does not carry them, not because they are unset.
 * {@code startedAt} is when the engine last started it (null when never started or not known);
 * {@code restartCount} counts the starts the engine's own restart policy made. {@code oomKilled}:
 * the kernel killed it for exceeding its memory limit (Docker's State.OOMKilled; a list summary
 * does not carry it, so the runtime inspects the exited containers whose code says SIGKILL).
 */
public record ContainerInfo(String id, String name, String image, Map<String, String> labels, String state,
                            Integer exitCode, List<PublishedPort> ports, long cpuShares, long memoryBytes,
                            long memoryReservationBytes, Map<String, String> environment, Instant startedAt,
                            int restartCount, boolean detailed, boolean oomKilled) {
    /** ECS's reason on a container the kernel killed for exceeding its memory. */
    public static final String OOM_REASON = "OutOfMemoryError: Container killed due to memory usage";

    public ContainerInfo {
        labels = Map.copyOf(labels);
        ports = List.copyOf(ports);
        environment = Map.copyOf(environment);
    }

    /** A container not killed for its memory. */
    public ContainerInfo(String id, String name, String image, Map<String, String> labels, String state,
                         Integer exitCode, List<PublishedPort> ports, long cpuShares, long memoryBytes,
                         long memoryReservationBytes, Map<String, String> environment, Instant startedAt,
                         int restartCount, boolean detailed) {
        this(id, name, image, labels, state, exitCode, ports, cpuShares, memoryBytes, memoryReservationBytes,
                environment, startedAt, restartCount, detailed, false);
    }

    /** A fully inspected container whose start time is not needed. */
    public ContainerInfo(String id, String name, String image, Map<String, String> labels, String state,
                         Integer exitCode, List<PublishedPort> ports, long cpuShares, long memoryBytes,
                         long memoryReservationBytes, Map<String, String> environment) {
        this(id, name, image, labels, state, exitCode, ports, cpuShares, memoryBytes, memoryReservationBytes,
                environment, null, 0, true, false);
    }

    public boolean running() {
        return "running".equals(state);
    }

    /** The same container as a list summary reports it: no limits, environment or start time. */
    public ContainerInfo summary() {
        return new ContainerInfo(id, name, image, labels, state, exitCode, ports, 0, 0, 0, Map.of(), null, 0, false, oomKilled);
    }

    /** ECS's reason for how this container ended, when it says more than the exit code: null otherwise. */
    public String exitReason() {
        return oomKilled && !running() ? OOM_REASON : null;
    }

    /** The same container, known to have been killed for its memory. */
    public ContainerInfo withOomKilled() {
        return new ContainerInfo(id, name, image, labels, state, exitCode, ports, cpuShares, memoryBytes,
                memoryReservationBytes, environment, startedAt, restartCount, detailed, true);
    }
}
