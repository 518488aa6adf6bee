package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.PortBinding;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.runtime.StartOrder;
import dev.berth.ecs.runtime.TaskLaunch;
import dev.berth.ecs.runtime.TaskLife;
import dev.berth.ecs.secret.SecretResolver;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Creates and starts the containers of one task, all or nothing: whatever fails midway, every
 * container created for the task is removed before the (translated) failure is thrown. The
 * containers start in the order their dependsOn allows ({@link StartOrder} decides, this class
 * only carries it out and looks at the engine between steps).
 */
final class TaskStarter {
    // How long a task must stay up before it counts as started. Long enough to catch a bad
    // command or a missing file, short enough not to slow down an apply of many tasks.
    private static final long SETTLE_MILLIS = 400;
    /** How often containers that wait for another's health or exit are looked at. */
    private static final long POLL_MILLIS = 100;
    private static final int LOG_LINES = 5;
    static final int ENGINE_TURNS = 8;

    private final DockerClient client;
    private final DockerErrors errors;
    private final ContainerRemover remover;
    private final StartFailures failures;
    private final PlatformCheck platform;
    private final VolumeOps volumes;
    private final MetadataEndpoint metadata;
    private final SecretResolver secrets;
    /**
     * Tasks creating and starting containers on this engine at once. The callers' threads may be
     * more (a task's settle time only waits), so this is where the engine's load is bounded: as
     * many as the parallel `docker run` shells berth is measured against (bench/run-apply.sh).
     */
    private final Semaphore engineTurns = new Semaphore(ENGINE_TURNS, true);

    TaskStarter(DockerClient client, DockerErrors errors, ContainerRemover remover, VolumeOps volumes,
                SecretResolver secrets) {
        this.client = client;
        this.errors = errors;
        this.remover = remover;
        this.failures = new StartFailures(errors);
        this.platform = new PlatformCheck(client);
        this.volumes = volumes;
        this.metadata = new MetadataEndpoint(client);
        this.secrets = secrets;
    }

    /** A container as created: its launch, id, the port mappings it publishes and its task's secrets. */
    private record Created(ContainerLaunch launch, String id, List<TaskNetwork.Declared> publishes,
                           TaskSecrets secrets) {
    }

    List<ContainerInfo> start(TaskLaunch task, ImageCheck images) {
        TaskNetwork network = TaskNetwork.of(task);
        if (task.containers().isEmpty()) {
            throw new RuntimeFailure("Task " + task.taskArn() + " has no containers to start.", null);
        }
        try {
            platform.require(task);
        } catch (RuntimeException e) {
            throw errors.translate(e, "report its architecture");
        }
        // Every image is checked before anything is created, so a typo costs no cleanup.
        task.containers().stream().map(ContainerLaunch::image).distinct().forEach(images::require);
        // Secrets are read before volumes are made, so a missing one costs no cleanup either.
        TaskSecrets values = TaskSecrets.resolve(task, secrets);
        VolumeOps.Prepared prepared = volumes.prepare(task);
        FirelensRouter router;
        try {
            router = FirelensRouter.of(client, task, prepared.sources());
        } catch (RuntimeException e) {
            volumes.removeQuietly(prepared.created());
            throw errors.translate(e, "find the FireLens socket of task " + task.taskArn());
        }
        Created[] byIndex = new Created[task.containers().size()];
        List<Created> created = new ArrayList<>();
        TaskMetadataServer meta = metadata.forTask(task, network.owner());
        try {
            List<Created> inOrder;
            OrderedStart started;
            acquire(task);
            dev.berth.engine.trace.Trace.mark("turn", task.taskArn());
            try {
                for (int i : network.creationOrder()) {
                    String ownerId = byIndex[network.owner()] == null ? null : byIndex[network.owner()].id();
                    byIndex[i] = create(task, network, i, ownerId, prepared, meta, values, router);
                    created.add(byIndex[i]);
                }
                inOrder = List.of(byIndex);
                dev.berth.engine.trace.Trace.mark("created", task.taskArn());
                meta.created(ids(inOrder));
                started = new OrderedStart(task, network, inOrder, meta);
                started.run();
            } finally {
                engineTurns.release();
            }
            dev.berth.engine.trace.Trace.mark("turn released", task.taskArn());
            // The last step's servers start outside the engine turn: an exec into the agent,
            // batched with other tasks', that must not keep the next task's create waiting.
            started.launchServers();
            dev.berth.engine.trace.Trace.mark("metadata launched", task.taskArn());
            // The settle only waits and looks, so it leaves the engine to the next task's start.
            Map<String, InspectContainerResponse> seen = new HashMap<>();
            List<ContainerInfo> infos = settle(task, inOrder, started.lastStart, seen);
            dev.berth.engine.trace.Trace.mark("settled", task.taskArn());
            meta.publish(ids(inOrder), seen);
            dev.berth.engine.trace.Trace.mark("published", task.taskArn());
            return infos;
        } catch (RuntimeException e) {
            // Their metadata servers go by themselves once their namespaces do (MetadataAgent).
            remover.removeQuietly(creationOrderReversed(created));
            volumes.removeQuietly(prepared.created());
            throw errors.translate(e, "start task " + task.taskArn());
        }
    }

    private static List<String> ids(List<Created> created) {
        return created.stream().map(Created::id).toList();
    }

    /**
     * Starts the containers as {@link StartOrder} allows, looking at the started ones between
     * steps (state, exit code, health), until every container has started or will never start.
     */
    private final class OrderedStart {
        private final TaskLaunch task;
        private final TaskNetwork network;
        private final List<Created> created;
        private final TaskMetadataServer meta;
        private final Map<String, StartOrder.Seen> seen = new HashMap<>();
        /** The engine's last answer per started container id. */
        private final Map<String, InspectContainerResponse> latest = new HashMap<>();
        /** System.nanoTime() of the last container start. */
        private long lastStart = System.nanoTime();
        /** Containers of the last step, whose namespaces' servers start once the engine turn is given back. */
        private final List<String> lastStarted = new ArrayList<>();

        OrderedStart(TaskLaunch task, TaskNetwork network, List<Created> created, TaskMetadataServer meta) {
            this.task = task;
            this.network = network;
            this.created = created;
            this.meta = meta;
        }

        void run() {
            List<StartOrder.Member> members = network.members();
            while (!StartOrder.settled(members, seen)) {
                StartOrder.Step step = StartOrder.next(members, seen, Instant.now());
                if (step.exited() != null) {
                    Created c = byName(step.exited());
                    throw exited(task, c, inspect(c.id()));
                }
                if (step.failed() != null) {
                    throw failures.dependencyFailed(task, step.failed().container(), step.failed().reason());
                }
                for (StartOrder.Blocked b : step.blocked()) {
                    seen.put(b.container(), new StartOrder.Seen(StartOrder.Phase.ABANDONED, StartOrder.Health.NONE,
                            null, null));
                }
                for (String name : step.start()) {
                    startOne(task, network, byName(name), created);
                    dev.berth.engine.trace.Trace.mark("start done", task.taskArn());
                    lastStart = System.nanoTime();
                    seen.put(name, new StartOrder.Seen(StartOrder.Phase.RUNNING, StartOrder.Health.STARTING, null,
                            Instant.now()));
                }
                if (step.start().isEmpty() && step.blocked().isEmpty()) sleep(task, POLL_MILLIS);
                if (!step.start().isEmpty() && StartOrder.settled(members, seen)) {
                    // Every container has started: the look and the servers wait until the
                    // engine turn is given back (launchServers); the settle sees any exit.
                    lastStarted.addAll(step.start());
                    return;
                }
                look();
                // After the look, so the server starts from the engine's answer already at hand,
                // and before a later step's starts, whose containers may ask for it as they start.
                for (String name : step.start()) meta.ownerStarted(byName(name).id(), latest);
            }
        }

        /** The servers of the last step's namespace owners, from a look at the engine taken now. */
        void launchServers() {
            if (lastStarted.isEmpty()) return;
            look();
            dev.berth.engine.trace.Trace.mark("looked", task.taskArn());
            for (String name : lastStarted) meta.ownerStarted(byName(name).id(), latest);
        }

        /** Reads every started container that may still change. */
        private void look() {
            for (Created c : created) {
                StartOrder.Seen s = seen.get(c.launch().name());
                if (s == null || s.phase() != StartOrder.Phase.RUNNING) continue;
                InspectContainerResponse r = inspect(c.id());
                latest.put(c.id(), r);
                seen.put(c.launch().name(), seen(r));
            }
        }

        private Created byName(String name) {
            for (Created c : created) if (c.launch().name().equals(name)) return c;
            throw new IllegalStateException("no container " + name);
        }
    }

    static StartOrder.Seen seen(InspectContainerResponse r) {
        InspectContainerResponse.ContainerState st = r.getState();
        Instant startedAt = startedAt(st.getStartedAt());
        if (!Boolean.TRUE.equals(st.getRunning())) {
            Long code = st.getExitCodeLong();
            return new StartOrder.Seen(StartOrder.Phase.EXITED, StartOrder.Health.NONE,
                    code == null ? null : code.intValue(), startedAt);
        }
        StartOrder.Health health = StartOrder.Health.NONE;
        if (st.getHealth() != null && st.getHealth().getStatus() != null) {
            health = switch (st.getHealth().getStatus()) {
                case "healthy" -> StartOrder.Health.HEALTHY;
                case "unhealthy" -> StartOrder.Health.UNHEALTHY;
                default -> StartOrder.Health.STARTING;
            };
        }
        return new StartOrder.Seen(StartOrder.Phase.RUNNING, health, null, startedAt);
    }

    private static Instant startedAt(String text) {
        if (text == null || text.startsWith("0001-")) return null;
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private Created create(TaskLaunch task, TaskNetwork network, int index, String ownerId,
                           VolumeOps.Prepared prepared, TaskMetadataServer meta, TaskSecrets values,
                           FirelensRouter router) {
        ContainerLaunch c = router == null ? task.containers().get(index) : router.wire(task.containers().get(index));
        List<TaskNetwork.Declared> publishes = network.publishedBy(index);
        List<PortBinding> bindings = publishes.stream().map(TaskNetwork.Declared::binding).toList();
        try {
            CreateContainerCmd cmd = ContainerSpecFactory.command(client, task, c, network.dockerMode(index, ownerId),
                    bindings);
            SharedNamespaces.apply(cmd.getHostConfig(), task.platform(), ownerId);
            VolumeBinds.apply(cmd.getHostConfig(), task.taskArn(), c, prepared.sources());
            meta.addEnvironment(cmd, c);
            // Last, so a secret wins over any variable of the same name, as on ECS.
            values.applyTo(cmd, c);
            String id = cmd.exec().getId();
            if (router != null) {
                try {
                    router.created(c, id);
                } catch (RuntimeException e) {
                    remover.removeQuietly(List.of(id));
                    throw e;
                }
            }
            return new Created(c, id, publishes, values);
        } catch (NotFoundException e) {
            throw failures.notFound(task, c, e);
        } catch (ConflictException e) {
            throw failures.nameTaken(task, c, e);
        } catch (RuntimeException e) {
            throw errors.translate(e, "create container \"" + c.name() + "\" of task " + task.taskArn());
        }
    }

    private void startOne(TaskLaunch task, TaskNetwork network, Created c, List<Created> all) {
        try {
            client.startContainerCmd(c.id()).exec();
        } catch (DockerException e) {
            if (GpuFailures.isMissingDriver(c.launch(), e)) {
                throw GpuFailures.missingDriver(task, c.launch());
            }
            if (DockerErrors.isPortConflict(e)) {
                throw failures.portConflict(task, c.launch(), c.publishes(), e);
            }
            if (e instanceof NotFoundException) {
                // dockerd checks the network only when it attaches the container, at start.
                throw failures.notFound(task, c.launch(), e);
            }
            // A joined awsvpc container cannot start once the namespace owner has died; the
            // owner's exit is the real story.
            Created owner = all.get(network.owner());
            if (network.sharesNamespace() && owner != c) {
                InspectContainerResponse r = inspect(owner.id());
                if (!Boolean.TRUE.equals(r.getState().getRunning())) {
                    throw exited(task, owner, r);
                }
            }
            throw errors.translate(e, "start container \"" + c.launch().name() + "\" of task " + task.taskArn());
        }
    }

    /**
     * Waits until the task has been up for the settle time since its last start, then looks once:
     * an essential container that died by then fails the start. One look instead of a poll, so
     * an apply of many tasks does not spend the engine's time answering the same question.
     */
    private List<ContainerInfo> settle(TaskLaunch task, List<Created> created, long lastStart,
                                       Map<String, InspectContainerResponse> seen) {
        long left = lastStart + SETTLE_MILLIS * 1_000_000 - System.nanoTime();
        if (left > 0) sleep(task, (left + 999_999) / 1_000_000);
        List<ContainerInfo> infos = new ArrayList<>(created.size());
        for (Created c : created) {
            InspectContainerResponse r = inspect(c.id());
            seen.put(c.id(), r);
            // A container that never started (left behind by its dependencies) has not exited.
            boolean started = r.getState().getStartedAt() != null && !r.getState().getStartedAt().startsWith("0001-");
            if (started && TaskLife.endsTask(c.launch().essential()) && !Boolean.TRUE.equals(r.getState().getRunning())) {
                throw exited(task, c, r);
            }
            infos.add(ContainerMapper.fromInspect(r));
        }
        return infos;
    }

    private RuntimeFailure exited(TaskLaunch task, Created c, InspectContainerResponse r) {
        return failures.exitedAtStart(task, c.launch(), r.getState(), OomEvents.killedForMemory(client, r),
                c.secrets().redact(ContainerLogs.tail(client, c.id(), LOG_LINES)));
    }

    private InspectContainerResponse inspect(String id) {
        return client.inspectContainerCmd(id).exec();
    }

    private static List<String> creationOrderReversed(List<Created> created) {
        List<String> ids = new ArrayList<>();
        for (int i = created.size() - 1; i >= 0; i--) {
            ids.add(created.get(i).id());
        }
        return ids;
    }

    private void acquire(TaskLaunch task) {
        try {
            engineTurns.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeFailure("Starting task " + task.taskArn() + " was interrupted.", e);
        }
    }

    private static void sleep(TaskLaunch task, long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeFailure("Starting task " + task.taskArn() + " was interrupted.", e);
        }
    }

    /** Lets the starter check images through the runtime without depending on it. */
    interface ImageCheck {
        void require(String image);
    }
}
