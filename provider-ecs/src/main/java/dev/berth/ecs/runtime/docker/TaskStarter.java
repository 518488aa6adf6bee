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
import dev.berth.ecs.runtime.TaskLaunch;
import dev.berth.ecs.secret.SecretResolver;

import java.util.ArrayList;
import java.util.List;

/**
 * Creates and starts the containers of one task, all or nothing: whatever fails midway, every
 * container created for the task is removed before the (translated) failure is thrown.
 */
final class TaskStarter {
    // How long a task must stay up before it counts as started. Long enough to catch a bad
    // command or a missing file, short enough not to slow down an apply of many tasks.
    private static final long SETTLE_MILLIS = 400;
    private static final long POLL_MILLIS = 100;
    private static final int LOG_LINES = 5;

    private final DockerClient client;
    private final DockerErrors errors;
    private final ContainerRemover remover;
    private final StartFailures failures;
    private final MetadataEndpoint metadata;
    private final PlatformCheck platform;
    private final VolumeOps volumes;
    private final SecretResolver secrets;

    TaskStarter(DockerClient client, DockerErrors errors, ContainerRemover remover, VolumeOps volumes,
                SecretResolver secrets) {
        this.client = client;
        this.errors = errors;
        this.remover = remover;
        this.failures = new StartFailures(errors);
        this.metadata = new MetadataEndpoint(client);
        this.platform = new PlatformCheck(client);
        this.volumes = volumes;
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
        List<Created> created = new ArrayList<>();
        TaskMetadataServer meta = metadata.forTask(task);
        try {
            for (int i = 0; i < task.containers().size(); i++) {
                created.add(create(task, network, i, created, prepared, meta, values));
            }
            attachMetadata(meta, created);
            for (Created c : created) {
                startOne(task, network, c, created);
                meta.ownerStarted(c.id());
            }
            List<ContainerInfo> infos = settle(task, created);
            meta.publish(ids(created));
            return infos;
        } catch (RuntimeException e) {
            List<String> cleanup = new ArrayList<>(meta.sidecarIds());
            cleanup.addAll(creationOrderReversed(created));
            remover.removeQuietly(cleanup);
            volumes.removeQuietly(prepared.created());
            throw errors.translate(e, "start task " + task.taskArn());
        }
    }

    /** A sidecar per namespace owner, fed before anything starts so it answers from its first moment. */
    private static void attachMetadata(TaskMetadataServer meta, List<Created> created) {
        boolean any = false;
        for (int i = 0; i < created.size(); i++) {
            if (meta.ownsNamespace(i)) any |= meta.attach(created.get(i).id(), i);
        }
        if (any) meta.publish(ids(created));
    }

    private static List<String> ids(List<Created> created) {
        return created.stream().map(Created::id).toList();
    }

    private Created create(TaskLaunch task, TaskNetwork network, int index, List<Created> before,
                           VolumeOps.Prepared prepared, TaskMetadataServer meta, TaskSecrets values) {
        ContainerLaunch c = task.containers().get(index);
        String ownerId = before.isEmpty() ? null : before.get(0).id();
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
            return new Created(c, cmd.exec().getId(), publishes, values);
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
            Created owner = all.get(0);
            if (network.sharesNamespace() && owner != c) {
                InspectContainerResponse r = inspect(owner.id());
                if (!Boolean.TRUE.equals(r.getState().getRunning())) {
                    throw exited(task, owner, r);
                }
            }
            throw errors.translate(e, "start container \"" + c.launch().name() + "\" of task " + task.taskArn());
        }
    }

    /** Polls until the task has stayed up for the settle time or an essential container died. */
    private List<ContainerInfo> settle(TaskLaunch task, List<Created> created) {
        long deadline = System.nanoTime() + SETTLE_MILLIS * 1_000_000;
        while (true) {
            sleep(task, POLL_MILLIS);
            List<ContainerInfo> infos = new ArrayList<>(created.size());
            for (Created c : created) {
                InspectContainerResponse r = inspect(c.id());
                if (c.launch().essential() && !Boolean.TRUE.equals(r.getState().getRunning())) {
                    throw exited(task, c, r);
                }
                infos.add(ContainerMapper.fromInspect(r));
            }
            if (System.nanoTime() >= deadline) {
                return infos;
            }
        }
    }

    private RuntimeFailure exited(TaskLaunch task, Created c, InspectContainerResponse r) {
        return failures.exitedAtStart(task, c.launch(), r.getState(),
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
