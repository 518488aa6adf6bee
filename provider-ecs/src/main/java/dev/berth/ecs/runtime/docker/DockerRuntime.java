package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Info;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.EngineCapacity;
import dev.berth.ecs.runtime.TaskLaunch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link ContainerRuntime} on a Docker engine. Holds no mutable state of its own (docker-java's
 * client pools connections and is thread-safe), so the apply walker may call it from many
 * threads at once.
 */
public final class DockerRuntime implements ContainerRuntime {
    private static final long MIB = 1024L * 1024L;

    private final DockerConnection connection;
    private final DockerClient client;
    private final DockerErrors errors;
    private final NetworkOps networks;
    private final TaskStarter starter;
    private final TaskStopper stopper;

    private DockerRuntime(DockerConnection connection) {
        this.connection = connection;
        this.client = connection.client();
        this.errors = new DockerErrors(connection);
        ContainerRemover remover = new ContainerRemover(client, errors);
        this.networks = new NetworkOps(client, errors);
        this.starter = new TaskStarter(client, errors, remover);
        this.stopper = new TaskStopper(client, errors, remover, new StopSignals(connection.http()));
    }

    /**
     * Connects lazily: nothing is sent until the first call. A null or blank host means
     * {@code DOCKER_HOST}, else {@code unix:///var/run/docker.sock}; {@code tcp://host:port}
     * (plain, no TLS) is accepted too.
     */
    public static DockerRuntime connect(String dockerHost) {
        return new DockerRuntime(DockerConnection.open(dockerHost));
    }

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
    public List<ContainerInfo> startTask(TaskLaunch launch) {
        return starter.start(launch, image -> {
            if (!imageExists(image)) {
                throw errors.imageMissing(image);
            }
        });
    }

    @Override
    public void stopTask(String taskArn, Duration grace) {
        stopper.stop(taskArn, grace);
    }

    /**
     * One list call finds the containers and gives identity, state, exit code and ports. Limits
     * and environment are absent from Docker's list summary, so each listed container is also
     * inspected. To make this one call later: environment never changes after creation and could
     * be cached by container id, and limits could be copied into labels at create time, at the
     * price of no longer seeing a `docker update` made behind berth's back.
     */
    @Override
    public List<ContainerInfo> listContainers(Map<String, String> labels) {
        List<Container> summaries;
        try {
            var list = client.listContainersCmd().withShowAll(true);
            // No labels means every container; an empty label filter is not something to send.
            summaries = (labels == null || labels.isEmpty() ? list : list.withLabelFilter(labels)).exec();
        } catch (RuntimeException e) {
            throw errors.translate(e, "list containers labelled " + labels);
        }
        List<ContainerInfo> result = new ArrayList<>(summaries.size());
        for (Container c : summaries) {
            InspectContainerResponse details;
            try {
                details = client.inspectContainerCmd(c.getId()).exec();
            } catch (NotFoundException removedSinceListed) {
                continue;
            } catch (RuntimeException e) {
                throw errors.translate(e, "inspect container " + c.getId());
            }
            result.add(ContainerMapper.fromSummary(c, details));
        }
        return result;
    }

    @Override
    public void close() {
        connection.close();
    }
}
