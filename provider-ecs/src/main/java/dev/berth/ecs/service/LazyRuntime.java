package dev.berth.ecs.service;

import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.EngineCapacity;
import dev.berth.ecs.runtime.TaskLaunch;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A runtime looked up on every call, so nothing connects before it is first needed. */
final class LazyRuntime implements ContainerRuntime {
    private final Supplier<ContainerRuntime> target;

    LazyRuntime(Supplier<ContainerRuntime> target) {
        this.target = target;
    }

    public String endpoint() { return target.get().endpoint(); }

    public void ping() { target.get().ping(); }

    public EngineCapacity capacity() { return target.get().capacity(); }

    public void ensureNetwork(String name, Map<String, String> labels) { target.get().ensureNetwork(name, labels); }

    public boolean networkExists(String name) { return target.get().networkExists(name); }

    public void removeNetwork(String name) { target.get().removeNetwork(name); }

    public boolean imageExists(String image) { return target.get().imageExists(image); }

    public List<ContainerInfo> startTask(TaskLaunch launch) { return target.get().startTask(launch); }

    public void stopTask(String taskArn, Duration grace) { target.get().stopTask(taskArn, grace); }

    public dev.berth.ecs.runtime.Changed changedSince(java.time.Instant since, List<String> labelFilters) {
        return target.get().changedSince(since, labelFilters);
    }

    public List<ContainerInfo> listContainers(Map<String, String> labels) { return target.get().listContainers(labels); }

    public List<ContainerInfo> listSummaries(List<String> filters) { return target.get().listSummaries(filters); }

    public List<ContainerInfo> listSummaries(List<String> filters, java.util.Set<String> ids) { return target.get().listSummaries(filters, ids); }

    public List<ContainerInfo> inspectAll(List<String> containerIds) { return target.get().inspectAll(containerIds); }

    public java.util.Optional<ContainerInfo> inspect(String containerId) { return target.get().inspect(containerId); }

    public void removeContainer(String containerId) { target.get().removeContainer(containerId); }

    public void close() {
        // Owned by whoever supplies it.
    }
}
