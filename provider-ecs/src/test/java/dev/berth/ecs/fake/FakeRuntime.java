package dev.berth.ecs.fake;

import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.EngineCapacity;
import dev.berth.ecs.runtime.PortBinding;
import dev.berth.ecs.runtime.PublishedPort;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.runtime.TaskLaunch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory container engine: enough behaviour for the provider's apply and read logic. */
public final class FakeRuntime implements ContainerRuntime {
    public final Map<String, Map<String, String>> networks = new LinkedHashMap<>();
    public final Set<String> missingImages = new TreeSet<>();
    public final List<TaskLaunch> launches = new ArrayList<>();
    /** Every start and stop, in order: "start IMAGE" / "stop TASK_ARN". */
    public final List<String> events = new ArrayList<>();
    public final AtomicInteger listCalls = new AtomicInteger();
    public final AtomicInteger inspectCalls = new AtomicInteger();
    public volatile boolean unreachable;
    private final Map<String, ContainerInfo> containers = new LinkedHashMap<>();
    private final Map<String, String> networkOf = new HashMap<>();
    private int nextId = 1, nextPort = 40000;

    @Override
    public String endpoint() {
        return "fake://";
    }

    private void reach() {
        if (unreachable) throw new RuntimeFailure.Unreachable("Cannot reach the Docker engine at fake://.", null);
    }

    @Override
    public synchronized void ping() {
        reach();
    }

    @Override
    public EngineCapacity capacity() {
        return new EngineCapacity(4096, 8192);
    }

    @Override
    public synchronized void ensureNetwork(String name, Map<String, String> labels) {
        reach();
        networks.putIfAbsent(name, Map.copyOf(labels));
    }

    @Override
    public synchronized boolean networkExists(String name) {
        reach();
        return networks.containsKey(name);
    }

    @Override
    public synchronized void removeNetwork(String name) {
        reach();
        if (networkOf.containsValue(name)) {
            throw new RuntimeFailure("Network " + name + " is still used by containers.", null);
        }
        networks.remove(name);
    }

    @Override
    public synchronized boolean imageExists(String image) {
        reach();
        return !missingImages.contains(image);
    }

    @Override
    public synchronized List<ContainerInfo> startTask(TaskLaunch launch) {
        reach();
        for (ContainerLaunch c : launch.containers()) {
            if (missingImages.contains(c.image())) {
                throw new RuntimeFailure.ImageMissing("Image " + c.image() + " is not present on the engine.", c.image());
            }
        }
        launches.add(launch);
        List<ContainerInfo> out = new ArrayList<>();
        for (ContainerLaunch c : launch.containers()) {
            events.add("start " + c.image());
            Map<String, String> labels = new HashMap<>(launch.labels());
            labels.put("dev.berth.container-name", c.name());
            List<PublishedPort> ports = new ArrayList<>();
            for (PortBinding p : c.ports()) {
                ports.add(new PublishedPort(p.containerPort(), p.protocol(), "127.0.0.1",
                        p.hostPort() == 0 ? nextPort++ : p.hostPort()));
            }
            String id = "c" + nextId++;
            ContainerInfo info = new ContainerInfo(id, c.name() + "-" + id, c.image(), labels, "running", null, ports,
                    c.cpuShares() == null ? 0 : c.cpuShares(), mib(c.memoryMiB()), mib(c.memoryReservationMiB()),
                    c.environment(), Instant.now(), 0, true);
            containers.put(id, info);
            networkOf.put(id, launch.networkName());
            out.add(info);
        }
        return out;
    }

    @Override
    public synchronized void stopTask(String taskArn, Duration grace) {
        reach();
        events.add("stop " + taskArn);
        containers.values().removeIf(c -> {
            boolean match = taskArn.equals(c.labels().get("dev.berth.task-arn"));
            if (match) networkOf.remove(c.id());
            return match;
        });
    }

    @Override
    public synchronized List<ContainerInfo> listContainers(Map<String, String> labels) {
        reach();
        listCalls.incrementAndGet();
        List<ContainerInfo> out = new ArrayList<>();
        for (ContainerInfo c : containers.values()) {
            if (c.labels().entrySet().containsAll(labels.entrySet())) out.add(c);
        }
        return out;
    }

    /** Like Docker's list call: one call, and summaries without limits or environment. */
    @Override
    public synchronized List<ContainerInfo> listSummaries(List<String> labelFilters) {
        reach();
        listCalls.incrementAndGet();
        List<ContainerInfo> out = new ArrayList<>();
        for (ContainerInfo c : containers.values()) {
            if (!ContainerRuntime.matches(c.labels(), labelFilters)) continue;
            out.add(c.summary());
        }
        return out;
    }

    @Override
    public synchronized Optional<ContainerInfo> inspect(String containerId) {
        reach();
        inspectCalls.incrementAndGet();
        return Optional.ofNullable(containers.get(containerId));
    }

    /** `docker update --cpu-shares` on every container of a task. */
    public synchronized void updateCpuShares(String taskArn, long shares) {
        containers.replaceAll((id, c) -> {
            if (!taskArn.equals(c.labels().get("dev.berth.task-arn"))) return c;
            return new ContainerInfo(c.id(), c.name(), c.image(), c.labels(), c.state(), c.exitCode(), c.ports(),
                    shares, c.memoryBytes(), c.memoryReservationBytes(), c.environment(), c.startedAt(),
                    c.restartCount(), true);
        });
    }

    /** `docker restart` of every container of a task: a new start time, and no restart count. */
    public synchronized void restart(String taskArn) {
        Instant later = Instant.now().plusMillis(5);
        containers.replaceAll((id, c) -> !taskArn.equals(c.labels().get("dev.berth.task-arn")) ? c
                : new ContainerInfo(c.id(), c.name(), c.image(), c.labels(), c.state(), c.exitCode(), c.ports(),
                c.cpuShares(), c.memoryBytes(), c.memoryReservationBytes(), c.environment(), later, 0, true));
    }

    /** A container with the service's labels that berth did not start. */
    public synchronized void startByHand(String name, Map<String, String> labels) {
        String id = "h" + nextId++;
        containers.put(id, new ContainerInfo(id, name, "busybox", labels, "running", null, List.of(), 0, 0, 0, Map.of()));
    }

    /** Makes every container of a task exit, as a crash or `docker kill` would. */
    public synchronized void kill(String taskArn) {
        containers.replaceAll((id, c) -> taskArn.equals(c.labels().get("dev.berth.task-arn"))
                ? new ContainerInfo(c.id(), c.name(), c.image(), c.labels(), "exited", 137, List.of(), c.cpuShares(),
                c.memoryBytes(), c.memoryReservationBytes(), c.environment(), c.startedAt(), c.restartCount(), true)
                : c);
    }

    /** Makes every container of a task exit as the kernel's OOM killer ends one over its memory limit. */
    public synchronized void oomKill(String taskArn) {
        containers.replaceAll((id, c) -> taskArn.equals(c.labels().get("dev.berth.task-arn"))
                ? new ContainerInfo(c.id(), c.name(), c.image(), c.labels(), "exited", 137, List.of(), c.cpuShares(),
                c.memoryBytes(), c.memoryReservationBytes(), c.environment(), c.startedAt(), c.restartCount(), true,
                true)
                : c);
    }

    /** Removes a task's containers behind the provider's back, as `docker rm -f` would. */
    public synchronized void remove(String taskArn) {
        containers.values().removeIf(c -> taskArn.equals(c.labels().get("dev.berth.task-arn")));
    }

    private static long mib(Integer n) {
        return n == null ? 0 : n * 1024L * 1024L;
    }

    @Override
    public synchronized void removeContainer(String containerId) {
        reach();
        containers.remove(containerId);
        networkOf.remove(containerId);
    }

    public synchronized int containerCount() {
        return containers.size();
    }

    @Override
    public void close() {
    }
}
