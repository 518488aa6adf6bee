package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import dev.berth.ecs.runtime.TaskLaunch;

import java.util.List;
import java.util.Map;

/**
 * ECS's task metadata endpoint on a Docker engine. ECS's agent answers at 169.254.170.2, which
 * it routes to itself; berth has no such route and sends no traffic to the host's private
 * addresses, so each task namespace gets its own small server instead: a busybox {@code httpd}
 * sidecar joined to the namespace (the one namespace of an awsvpc task; each container's own in
 * bridge and none mode) that listens on {@value #HOST}:{@value #PORT} only, reachable from the
 * task's containers and from nowhere else. A host-mode task shares the host's namespace, where a
 * loopback port cannot belong to one task, so its containers get no endpoint and no variables.
 *
 * <p>The sidecars carry {@link #FOR_LABEL} and none of berth's task labels: nothing that finds
 * task containers (drift, orphans, the task observer) ever sees them. {@link TaskStopper} removes
 * them with their task.
 */
final class MetadataEndpoint {
    static final String HOST = "127.0.0.1";
    static final int PORT = 51679;
    static final String FOR_LABEL = "dev.berth.metadata-for";
    /** The image the sidecars run: anything with busybox's httpd and sh. */
    static final String IMAGE_VARIABLE = "BERTH_METADATA_IMAGE";
    static final String DEFAULT_IMAGE = "berth/metadata:latest";
    private static final System.Logger LOG = System.getLogger(MetadataEndpoint.class.getName());

    private final DockerClient client;
    private final String image;

    MetadataEndpoint(DockerClient client) {
        this(client, System.getenv(IMAGE_VARIABLE) == null || System.getenv(IMAGE_VARIABLE).isBlank()
                ? DEFAULT_IMAGE : System.getenv(IMAGE_VARIABLE));
    }

    MetadataEndpoint(DockerClient client, String image) {
        this.client = client;
        this.image = image;
    }

    /**
     * The server for one task start, or one that does nothing when the task gets no endpoint:
     * no metadata, host mode, or the sidecar image missing on this engine (said once per start).
     */
    TaskMetadataServer forTask(TaskLaunch task) {
        if (task.metadata() == null || !servesMode(task.networkMode())) return TaskMetadataServer.NONE;
        if (!imagePresent()) {
            LOG.log(System.Logger.Level.WARNING, "Task " + task.taskArn() + " starts without ECS's task metadata "
                    + "endpoint: the image " + image + " is not on this engine (examples/image/build.sh builds it).");
            return TaskMetadataServer.NONE;
        }
        return new TaskMetadataServer(client, image, task);
    }

    static boolean servesMode(String networkMode) {
        String mode = networkMode == null ? "" : networkMode.trim().toLowerCase();
        return mode.equals("awsvpc") || mode.equals("bridge") || mode.equals("none");
    }

    private boolean imagePresent() {
        try {
            client.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** The ids of a task's metadata sidecars on this engine, running or not. */
    static List<String> sidecarsOf(DockerClient client, String taskArn) {
        List<Container> found = client.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(FOR_LABEL, taskArn)).exec();
        return found.stream().map(Container::getId).toList();
    }
}
