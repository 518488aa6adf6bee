package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Info;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.EngineCapacity;
import dev.berth.ecs.runtime.LogKeeper;
import dev.berth.ecs.runtime.LogLine;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.runtime.TaskLaunch;
import dev.berth.ecs.secret.SecretResolver;
import dev.berth.ecs.tls.TlsMaterial;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@link ContainerRuntime} on a Docker engine. Holds no mutable state of its own (docker-java's
 * client pools connections and is thread-safe), so the apply walker may call it from many
 * threads at once.
 */
public final class DockerRuntime implements ContainerRuntime {
    private static final long MIB = 1024L * 1024L;
    /** Below the connection pool's 32, so an apply running beside a refresh still gets connections. */
    static final int INSPECT_THREADS = 12;

    private final DockerConnection connection;
    private final DockerClient client;
    private final DockerErrors errors;
    private final NetworkOps networks;
    private final TaskStarter starter;
    private final TaskStopper stopper;
    private final ContainerRemover remover;
    private final VolumeOps volumes;
    private final DockerCalls calls = new DockerCalls();
    private final LogKeeper logs;
    private final EngineChanges changes;

    private DockerRuntime(DockerConnection connection, LogKeeper logs, SecretResolver secrets) {
        this.connection = connection;
        this.client = connection.client();
        this.errors = new DockerErrors(connection);
        this.logs = logs;
        this.remover = new ContainerRemover(client, errors, this::keepOutput);
        this.networks = new NetworkOps(client, errors);
        this.volumes = new VolumeOps(client, errors);
        this.starter = new TaskStarter(client, errors, remover, volumes, secrets);
        this.changes = new EngineChanges(client, connection.http(), connection.endpoint());
        this.stopper = new TaskStopper(client, errors, remover, new StopSignals(connection.http()));
    }

    /**
     * Connects lazily: nothing is sent until the first call. A null or blank host means
     * {@code DOCKER_HOST}, else {@code unix:///var/run/docker.sock}; {@code tcp://host:port}
     * (plain, no TLS) is accepted too.
     */
    public static DockerRuntime connect(String dockerHost) {
        return connect(dockerHost, LogKeeper.NONE, SecretResolver.NONE);
    }

    /** As {@link #connect(String)}, keeping kept containers' output with {@code logs} before they are removed. */
    public static DockerRuntime connect(String dockerHost, LogKeeper logs) {
        return connect(dockerHost, logs, SecretResolver.NONE);
    }

    /** As {@link #connect(String)}; containers' secrets are read from {@code secrets} as they are created. */
    public static DockerRuntime connect(String dockerHost, SecretResolver secrets) {
        return connect(dockerHost, LogKeeper.NONE, secrets);
    }

    /**
     * As {@link #connect(String)}, keeping kept containers' output with {@code logs} before they
     * are removed, and reading containers' secrets from {@code secrets} as they are created.
     */
    public static DockerRuntime connect(String dockerHost, LogKeeper logs, SecretResolver secrets) {
        return new DockerRuntime(DockerConnection.open(dockerHost), logs, secrets);
    }

    /** As {@link #connect(String, LogKeeper, SecretResolver)}, over mutual TLS with {@code tls} (null: none). */
    public static DockerRuntime connect(String dockerHost, TlsMaterial tls, LogKeeper logs, SecretResolver secrets) {
        return new DockerRuntime(DockerConnection.open(dockerHost, tls, DockerConnection.RESPONSE_TIMEOUT), logs, secrets);
    }

    /**
     * Whether the engine at {@code dockerHost} answers a ping with {@code tls} (null: none),
     * within {@link #PROBE_TIMEOUT}: empty when it does, else the one-sentence reason. For
     * checking a container instance's settings at plan time, when nothing has been registered.
     */
    public static java.util.Optional<String> probe(String dockerHost, TlsMaterial tls) {
        DockerConnection connection;
        try {
            connection = DockerConnection.open(dockerHost, tls, PROBE_TIMEOUT);
        } catch (RuntimeFailure f) {
            return java.util.Optional.of(f.getMessage());
        }
        try (DockerRuntime rt = new DockerRuntime(connection, LogKeeper.NONE, SecretResolver.NONE)) {
            rt.ping();
            return java.util.Optional.empty();
        } catch (RuntimeFailure f) {
            return java.util.Optional.of(f.getMessage());
        }
    }

    /** How long a plan waits on an engine that accepts the connection but never answers. */
    public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    @Override
    public String endpoint() {
        return connection.endpoint();
    }

    @Override
    public void ping() {
        try {
            client.pingCmd().exec();
        } catch (RuntimeException e) {
            throw errors.translate(e, "answer a ping");
        }
    }

    @Override
    public EngineCapacity capacity() {
        Info info;
        try {
            info = client.infoCmd().exec();
        } catch (RuntimeException e) {
            throw errors.translate(e, "report its resources");
        }
        int cpus = info.getNCPU() == null ? 0 : info.getNCPU();
        long memory = info.getMemTotal() == null ? 0 : info.getMemTotal();
        return new EngineCapacity(cpus * 1024, memory / MIB);
    }

    @Override
    public void ensureNetwork(String name, Map<String, String> labels) {
        networks.ensure(name, labels);
    }

    @Override
    public boolean networkExists(String name) {
        return networks.exists(name);
    }

    @Override
    public void removeNetwork(String name) {
        networks.remove(name);
    }

    @Override
    public boolean imageExists(String image) {
        try {
            client.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (RuntimeException e) {
            throw errors.translate(e, "inspect image \"" + image + "\"");
        }
    }

    @Override
    public java.util.Optional<dev.berth.ecs.runtime.ResolvedImage> resolveImage(String image) {
        return new ImageDigests(client, errors).resolve(image);
    }

    @Override
    public List<ContainerInfo> startTask(TaskLaunch launch) {
        logs.prepare(launch);
        try {
            return start(launch);
        } catch (RuntimeException e) {
            // Perhaps its network was removed by hand: the next start looks again.
            networks.forget();
            // Or made twice by processes racing to create it (the start failed and left nothing):
            // once only one is left, the same start goes through.
            if (launch.networkName() != null && NetworkOps.ambiguous(e) && networks.collapse(launch.networkName())) {
                return start(launch);
            }
            throw e;
        }
    }

    private List<ContainerInfo> start(TaskLaunch launch) {
        return starter.start(launch, image -> {
            if (!imageExists(image)) {
                throw errors.imageMissing(image);
            }
        });
    }

    @Override
    public void stopTask(String taskArn, Duration grace) {
        stopper.stop(taskArn, grace);
        // After the containers, which hold them: a task's own volumes go with it (shared ones stay).
        volumes.removeForTask(taskArn);
    }

    /**
     * One list call finds the containers and gives identity, state, exit code and ports; limits
     * and environment are absent from Docker's list summary, so each listed container is also
     * inspected, one after another. Refresh lists with {@link #listSummaries} and inspects with
     * {@link #inspectAll}, which works on several at once.
     */
    @Override
    public List<ContainerInfo> listContainers(Map<String, String> labels) {
        List<Container> summaries = list(labels == null ? List.of() : labels.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList(), null);
        List<ContainerInfo> result = new ArrayList<>(summaries.size());
        for (Container c : summaries) {
            InspectContainerResponse details = inspectRaw(c.getId());
            if (details != null) result.add(withOomEvents(ContainerMapper.fromSummary(c, details), details));
        }
        return result;
    }

    @Override
    public List<ContainerInfo> listSummaries(List<String> labelFilters) {
        return summaries(list(labelFilters, null));
    }

    /** One list call filtered by id as well: the engine skips every other container before it reads its state. */
    @Override
    public List<ContainerInfo> listSummaries(List<String> labelFilters, java.util.Set<String> ids) {
        return ids.isEmpty() ? List.of() : summaries(list(labelFilters, ids));
    }

    private List<ContainerInfo> summaries(List<Container> listed) {
        return listed.stream().map(c -> withOomKill(ContainerMapper.fromSummary(c, null))).toList();
    }

    /**
     * The summary does not say whether the kernel killed a container for its memory; only one
     * that died of SIGKILL (137) can have been, so only those few are inspected to find out.
     */
    private ContainerInfo withOomKill(ContainerInfo summary) {
        if (summary.running() || summary.exitCode() == null || summary.exitCode() != SIGKILL_EXIT) return summary;
        InspectContainerResponse details = inspectRaw(summary.id());
        return details == null ? summary : withOomEvents(summary, details);
    }

    /** The container as mapped, marked killed for its memory when only the engine's event log says so ({@link OomEvents}). */
    private ContainerInfo withOomEvents(ContainerInfo info, InspectContainerResponse details) {
        return !info.oomKilled() && OomEvents.killedForMemory(client, details) ? info.withOomKilled() : info;
    }

    private static final int SIGKILL_EXIT = 137;

    @Override
    public AutoCloseable followEvents(List<String> labelFilters, java.time.Instant since, dev.berth.ecs.runtime.EventSink sink) {
        try {
            return EventStream.follow(client, labelFilters, since, sink);
        } catch (RuntimeException e) {
            throw errors.translate(e, "stream its events");
        }
    }

    /** Engine list calls made so far (what grows with the containers), for measuring. */
    public long listCalls() {
        return calls.lists.get();
    }

    /** List calls of only some containers by id (an older listing's changed part), for measuring. */
    public long relistCalls() {
        return calls.relists.get();
    }

    @Override
    public dev.berth.ecs.runtime.Changed changedSince(java.time.Instant since, List<String> labelFilters) {
        return changes.changedSince(since, labelFilters);
    }

    @Override
    public Optional<ContainerInfo> inspect(String containerId) {
        InspectContainerResponse details = inspectRaw(containerId);
        return details == null ? Optional.empty() : Optional.of(withOomEvents(ContainerMapper.fromInspect(details), details));
    }

    /**
     * Up to {@link #INSPECT_THREADS} inspects in flight at once: one inspect is a few
     * milliseconds of round trip, so a refresh of a hundred containers takes tens of
     * milliseconds instead of a hundred round trips one after another, without flooding the
     * engine or the connection pool.
     */
    @Override
    public List<ContainerInfo> inspectAll(List<String> containerIds) {
        if (containerIds.size() <= 1) return ContainerRuntime.super.inspectAll(containerIds);
        int threads = Math.min(INSPECT_THREADS, containerIds.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "berth-inspect");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Optional<ContainerInfo>>> answers = new ArrayList<>(containerIds.size());
            for (String id : containerIds) answers.add(pool.submit(() -> inspect(id)));
            List<ContainerInfo> out = new ArrayList<>(containerIds.size());
            for (Future<Optional<ContainerInfo>> a : answers) a.get().ifPresent(out::add);
            return out;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new RuntimeFailure("Inspecting containers failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeFailure("Interrupted while inspecting containers.", e);
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public List<LogLine> logs(String containerId, java.time.Instant from) {
        return ContainerOutput.read(client, errors, containerId, from);
    }

    @Override
    public void keepOutput(String containerId, Map<String, String> labels) {
        logs.keep(this, containerId, labels);
    }

    /** Hands a container about to be removed to the log keeper, with its labels (a kept one carries its group). */
    private void keepOutput(String containerId) {
        if (logs == LogKeeper.NONE) return;
        try {
            InspectContainerResponse r = client.inspectContainerCmd(containerId).exec();
            Map<String, String> labels = r.getConfig() == null || r.getConfig().getLabels() == null ? Map.of()
                    : r.getConfig().getLabels();
            logs.keep(this, containerId, labels);
        } catch (RuntimeException goneOrUnreadable) {
            // The removal goes on; a container that cannot be inspected has nothing left to keep.
        }
    }

    @Override
    public void restartContainer(String containerId) {
        try {
            client.startContainerCmd(containerId).exec();
        } catch (RuntimeException e) {
            throw errors.translate(e, "start container " + containerId + " again");
        }
    }

    @Override
    public void removeContainer(String containerId) {
        remover.removeAll(List.of(containerId));
    }

    /** {@code ids} null: every container matching the labels. */
    private List<Container> list(List<String> labelFilters, java.util.Set<String> ids) {
        (ids == null ? calls.lists : calls.relists).incrementAndGet();
        try {
            var list = client.listContainersCmd().withShowAll(true);
            // No filter means every container; an empty label filter is not something to send.
            if (!labelFilters.isEmpty()) list = list.withLabelFilter(labelFilters);
            return (ids == null ? list : list.withIdFilter(ids)).exec();
        } catch (RuntimeException e) {
            throw errors.translate(e, "list containers labelled " + labelFilters);
        }
    }

    /** Null when the container was removed since it was listed. */
    private InspectContainerResponse inspectRaw(String id) {
        calls.inspects.incrementAndGet();
        try {
            return client.inspectContainerCmd(id).exec();
        } catch (NotFoundException removedSinceListed) {
            return null;
        } catch (RuntimeException e) {
            throw errors.translate(e, "inspect container " + id);
        }
    }

    @Override
    public void close() {
        calls.report();
        changes.close();
        connection.close();
    }
}
