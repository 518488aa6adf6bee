package dev.berth.ecs.runtime;

import java.util.List;
import java.util.Map;

/**
 * What the ECS provider needs from a container engine. The provider's model and scheduler know
 * only this interface; the Docker adapter implements it. Every method either succeeds or throws a
 * {@link RuntimeFailure} whose message is one sentence a user can act on.
 */
public interface ContainerRuntime extends AutoCloseable {

    /** Where the engine is reached, e.g. {@code unix:///var/run/docker.sock}. */
    String endpoint();

    /** Checks that the engine answers; throws {@link RuntimeFailure.Unreachable} otherwise. */
    void ping();

    /** Total CPU units (1024 per CPU) and memory in MiB the engine offers. */
    EngineCapacity capacity();

    /** Creates a user-defined bridge network if it does not exist yet. */
    void ensureNetwork(String name, Map<String, String> labels);

    boolean networkExists(String name);

    /** Removes a network; succeeds when it is already gone. */
    void removeNetwork(String name);

    boolean imageExists(String image);

    /**
     * Creates and starts every container of a task. On any failure (missing image, port in use,
     * an essential container that exits at once) it removes what it created and throws.
     */
    List<ContainerInfo> startTask(TaskLaunch launch);

    /** Stops and removes every container carrying this task ARN label; gone ones are skipped. */
    void stopTask(String taskArn, java.time.Duration grace);

    /** All containers (running or not) whose labels include every given label, in one call. */
    List<ContainerInfo> listContainers(Map<String, String> labels);

    @Override
    void close();
}
