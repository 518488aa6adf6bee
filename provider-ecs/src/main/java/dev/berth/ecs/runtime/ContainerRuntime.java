package dev.berth.ecs.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /**
     * Containers matching every label filter ({@code "key"} or {@code "key=value"}) from ONE list
     * call and nothing else. Engines whose summaries lack limits, environment and start time
     * return them with {@code detailed == false}; {@link #inspectAll} gives the rest.
     */
    default List<ContainerInfo> listSummaries(List<String> labelFilters) {
        return listContainers(Map.of()).stream().filter(c -> matches(c.labels(), labelFilters)).toList();
    }

    /**
     * As {@link #listSummaries(List)}, but only the containers among {@code ids} (full ids): the
     * changed part of an older listing ({@link Changed#applyTo}), which engines that can filter
     * by id answer without reading every container.
     */
    default List<ContainerInfo> listSummaries(List<String> labelFilters, Set<String> ids) {
        return listSummaries(labelFilters).stream().filter(c -> ids.contains(c.id())).toList();
    }

    /**
     * Follows the engine's container events matching the label filters from {@code since} on, as
     * they happen, until the returned handle is closed or the stream ends (then {@code sink}
     * hears why). Engines that cannot stream throw {@link RuntimeFailure}.
     */
    default AutoCloseable followEvents(List<String> labelFilters, Instant since, EventSink sink) {
        throw new RuntimeFailure("The engine at " + endpoint() + " cannot stream its events.", null);
    }

    /**
     * What a listing of this engine under {@code labelFilters} (as {@link #listSummaries(List)}
     * takes them) may show differently since {@code since} (this machine's clock), as a look at
     * the engine that begins after this call finds it: nothing, some containers, or anything.
     * {@link Changed#ANYTHING} whenever the engine cannot tell, so a caller that asks lists again;
     * never throws. A changed container the filters surely do not match may be left out.
     */
    default Changed changedSince(Instant since, List<String> labelFilters) {
        return Changed.ANYTHING;
    }

    /** One container in full (limits, environment, start time), or empty when it no longer exists. */
    default Optional<ContainerInfo> inspect(String containerId) {
        return listContainers(Map.of()).stream().filter(c -> c.id().equals(containerId)).findFirst();
    }

    /**
     * Several containers in full, in the order asked; ones that no longer exist are left out.
     * Engines that can, answer several at once (Docker: a bounded number of inspects in
     * parallel), so reading every container of a refresh costs about one round trip per
     * handful of containers, not one after another.
     */
    default List<ContainerInfo> inspectAll(List<String> containerIds) {
        List<ContainerInfo> out = new java.util.ArrayList<>(containerIds.size());
        for (String id : containerIds) inspect(id).ifPresent(out::add);
        return out;
    }

    /**
     * What the container wrote to stdout and stderr, in order, from {@code from} on (to the
     * second: lines of that whole second are included; null: everything). Empty when the
     * container is gone. Engines whose driver cannot be read back throw {@link RuntimeFailure}.
     */
    default List<LogLine> logs(String containerId, Instant from) {
        throw new RuntimeFailure("The engine at " + endpoint() + " cannot read containers' output back.", null);
    }

    /**
     * Hands a container's output to the engine's log keeper now (a kept container that just
     * died has written all it will); engines without one keep nothing. Never throws.
     */
    default void keepOutput(String containerId, Map<String, String> labels) {
    }

    /**
     * What {@code image} names on this engine now (see {@link ResolvedImage}); empty when the
     * engine does not have it. Engines that cannot tell answer empty, and tasks launch by tag.
     */
    default Optional<ResolvedImage> resolveImage(String image) {
        return Optional.empty();
    }

    /**
     * Starts an exited container again in place (same container, same id), as ECS's agent does
     * for a restart policy; throws {@link RuntimeFailure} when the engine cannot.
     */
    default void restartContainer(String containerId) {
        throw new RuntimeFailure("The engine at " + endpoint() + " cannot start a container again.", null);
    }

    /** Removes one container, running or not; succeeds when it is already gone. */
    void removeContainer(String containerId);

    /** Whether labels satisfy filters written as Docker writes them: "key" or "key=value". */
    static boolean matches(Map<String, String> labels, List<String> filters) {
        for (String f : filters) {
            int eq = f.indexOf('=');
            if (eq < 0 ? !labels.containsKey(f) : !f.substring(eq + 1).equals(labels.get(f.substring(0, eq)))) {
                return false;
            }
        }
        return true;
    }

    @Override
    void close();
}
