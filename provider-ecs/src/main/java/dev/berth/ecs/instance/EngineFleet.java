package dev.berth.ecs.instance;

import dev.berth.ecs.store.InstanceRow;
import java.util.Optional;

import dev.berth.ecs.store.PlacementRow;
import dev.berth.ecs.runtime.Changed;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.EngineCapacity;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.runtime.TaskLaunch;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.store.EcsStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every engine the provider runs tasks on, seen as one: the local engine (FARGATE, networks)
 * plus the engine of every container instance and of every recorded EC2 task. Listing and
 * stopping span all of them, so service code written for one engine sees EC2 tasks wherever
 * they run. A container instance's engine that does not answer is left out of listings (its
 * agent is disconnected, as in ECS); the local engine failing is still an error.
 */
public final class EngineFleet implements ContainerRuntime {
    private final Function<String, ContainerRuntime> runtimes;
    private final Table<InstanceRow> instances;
    private final Table<PlacementRow> placements;
    /** The remote engines' endpoints as last looked at, and when that set last changed or one was away. */
    private java.util.Set<String> lastRemotes;
    private Instant fleetChangedAt = Instant.now();

    public EngineFleet(EcsStore store, Function<String, ContainerRuntime> runtimes) {
        this.runtimes = runtimes;
        this.instances = new Table<>(store, InstanceRow.TABLE, InstanceRow.class);
        this.placements = new Table<>(store, PlacementRow.TABLE, PlacementRow.class);
    }

    private ContainerRuntime local() {
        return runtimes.apply(null);
    }

    /** The remote engines by endpoint, the local one excluded. */
    private Map<String, ContainerRuntime> remotes() {
        Map<String, ContainerRuntime> out = new LinkedHashMap<>();
        String localEndpoint = local().endpoint();
        List<String> hosts = new ArrayList<>();
        instances.all().forEach(i -> hosts.add(i.dockerHost()));
        placements.all().forEach(p -> hosts.add(p.dockerHost()));
        for (String h : hosts) {
            if (h == null) continue;
            ContainerRuntime rt = runtimes.apply(h);
            if (!rt.endpoint().equals(localEndpoint)) out.putIfAbsent(rt.endpoint(), rt);
        }
        return out;
    }

    @Override
    public String endpoint() {
        return local().endpoint();
    }

    @Override
    public void ping() {
        local().ping();
    }

    @Override
    public EngineCapacity capacity() {
        return local().capacity();
    }

    @Override
    public void ensureNetwork(String name, Map<String, String> labels) {
        local().ensureNetwork(name, labels);
    }

    @Override
    public boolean networkExists(String name) {
        return local().networkExists(name);
    }

    /** Also on every remote engine that answers: EC2 tasks created the cluster network there. */
    @Override
    public void removeNetwork(String name) {
        local().removeNetwork(name);
        for (ContainerRuntime rt : remotes().values()) {
            try {
                rt.removeNetwork(name);
            } catch (RuntimeFailure.Unreachable gone) {
                // Nothing can be removed from an engine that is away; it is not ours to block on.
            }
        }
    }

    @Override
    public boolean imageExists(String image) {
        return local().imageExists(image);
    }

    @Override
    public List<ContainerInfo> startTask(TaskLaunch launch) {
        return local().startTask(launch);
    }

    @Override
    public void stopTask(String taskArn, Duration grace) {
        local().stopTask(taskArn, grace);
        for (ContainerRuntime rt : remotes().values()) {
            try {
                rt.stopTask(taskArn, grace);
            } catch (RuntimeFailure.Unreachable away) {
                // A disconnected instance keeps its containers until it answers again.
            }
        }
    }

    @Override
    public List<ContainerInfo> listContainers(Map<String, String> labels) {
        List<ContainerInfo> out = new ArrayList<>(local().listContainers(labels));
        for (ContainerRuntime rt : remotes().values()) {
            try {
                out.addAll(rt.listContainers(labels));
            } catch (RuntimeFailure.Unreachable away) {
                // Its tasks count as not running, and are replaced elsewhere, as ECS does.
            }
        }
        return out;
    }

    /** One listing per engine: the shared refresh view stays one call per engine. */
    @Override
    public List<ContainerInfo> listSummaries(List<String> labelFilters) {
        return everyEngine(rt -> rt.listSummaries(labelFilters));
    }

    /** Container ids do not say their engine: every engine is asked, each for these ids only. */
    @Override
    public List<ContainerInfo> listSummaries(List<String> labelFilters, java.util.Set<String> ids) {
        return everyEngine(rt -> rt.listSummaries(labelFilters, ids));
    }

    private List<ContainerInfo> everyEngine(Function<ContainerRuntime, List<ContainerInfo>> listing) {
        Map<String, ContainerRuntime> remotes = remotes();
        noteRemotes(remotes.keySet());
        List<ContainerInfo> out = new ArrayList<>(listing.apply(local()));
        for (ContainerRuntime rt : remotes.values()) {
            try {
                out.addAll(listing.apply(rt));
            } catch (RuntimeFailure.Unreachable away) {
                // As in listContainers: tasks on an engine that is away count as not running.
                noteAway();
            }
        }
        return out;
    }

    /**
     * What changed on every engine together, and anything when the fleet itself changed: a
     * listing made before an engine joined (a container instance registered) lacks that engine's
     * containers, and one made while an engine was away lacks its containers, though neither
     * engine logged a change.
     */
    @Override
    public Changed changedSince(Instant since, List<String> labelFilters) {
        Map<String, ContainerRuntime> remotes;
        try {
            remotes = remotes();
        } catch (RuntimeException e) {
            return Changed.ANYTHING;
        }
        noteRemotes(remotes.keySet());
        synchronized (this) {
            if (!fleetChangedAt.isBefore(since)) return Changed.ANYTHING;
        }
        Changed changed = local().changedSince(since, labelFilters);
        for (ContainerRuntime rt : remotes.values()) {
            if (changed.anything()) break;
            changed = changed.and(rt.changedSince(since, labelFilters));
        }
        return changed;
    }

    private synchronized void noteRemotes(java.util.Set<String> endpoints) {
        if (!endpoints.equals(lastRemotes)) {
            lastRemotes = java.util.Set.copyOf(endpoints);
            fleetChangedAt = Instant.now();
        }
    }

    private synchronized void noteAway() {
        fleetChangedAt = Instant.now();
    }

    /** Container ids are unique per engine: ask each engine until one knows it. */
    @Override
    public Optional<ContainerInfo> inspect(String containerId) {
        Optional<ContainerInfo> found = local().inspect(containerId);
        for (ContainerRuntime rt : remotes().values()) {
            if (found.isPresent()) break;
            try {
                found = rt.inspect(containerId);
            } catch (RuntimeFailure.Unreachable away) {
                // Try the next engine.
            }
        }
        return found;
    }

    /**
     * The local engine answers for the containers it has (several at once); only the ids it
     * does not know are asked of each remote engine in turn.
     */
    @Override
    public List<ContainerInfo> inspectAll(List<String> containerIds) {
        List<ContainerInfo> out = new ArrayList<>(local().inspectAll(containerIds));
        for (ContainerRuntime rt : remotes().values()) {
            java.util.Set<String> found = new java.util.HashSet<>();
            out.forEach(c -> found.add(c.id()));
            List<String> missing = containerIds.stream().filter(id -> !found.contains(id)).toList();
            if (missing.isEmpty()) break;
            try {
                out.addAll(rt.inspectAll(missing));
            } catch (RuntimeFailure.Unreachable away) {
                // As in listSummaries: tasks on an engine that is away count as not running.
                noteAway();
            }
        }
        return out;
    }

    @Override
    public void removeContainer(String containerId) {
        local().removeContainer(containerId);
        for (ContainerRuntime rt : remotes().values()) {
            try {
                rt.removeContainer(containerId);
            } catch (RuntimeFailure.Unreachable away) {
                // It is removed when that engine answers again and the orphan is seen.
            }
        }
    }

    @Override
    public void close() {
        // The runtimes belong to whoever handed them in.
    }
}
