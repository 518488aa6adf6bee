package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.berth.ecs.runtime.TaskLaunch;

/**
 * ECS's task metadata endpoint on a Docker engine. ECS's agent answers at 169.254.170.2, which
 * it routes to itself; berth has no such route and sends no traffic to the host's private
 * addresses, so each task namespace gets its own small server instead: a busybox {@code httpd}
 * in the namespace (the one namespace of an awsvpc task; each container's own in bridge and none
 * mode) that listens on {@value #HOST}:{@value #PORT} only, reachable from the task's containers
 * and from nowhere else. The engine's one {@link MetadataAgent} starts them all and stops each
 * once its namespace is gone. A host-mode task shares the host's namespace, where a loopback port
 * cannot belong to one task, so its containers get no endpoint and no variables.
 */
final class MetadataEndpoint {
    static final String HOST = "127.0.0.1";
    static final int PORT = 51679;
    /** The image the agent runs: anything with busybox's httpd, nsenter, sh, base64 and tar. */
    static final String IMAGE_VARIABLE = "BERTH_METADATA_IMAGE";
    static final String DEFAULT_IMAGE = "berth/metadata:latest";
    private static final System.Logger LOG = System.getLogger(MetadataEndpoint.class.getName());

    private final DockerClient client;
    private final String image;
    private final MetadataAgent agent;
    /** Set once the image was seen on this engine: images are not removed from under a running apply. */
    private volatile boolean imageSeen;

    MetadataEndpoint(DockerClient client) {
        this(client, System.getenv(IMAGE_VARIABLE) == null || System.getenv(IMAGE_VARIABLE).isBlank()
                ? DEFAULT_IMAGE : System.getenv(IMAGE_VARIABLE));
    }

    MetadataEndpoint(DockerClient client, String image) {
        this.client = client;
        this.image = image;
        this.agent = new MetadataAgent(client, image);
    }

    /**
     * The server for one task start, or one that does nothing when the task gets no endpoint:
     * no metadata, host mode, or the agent's image missing on this engine (said once per start).
     * {@code owner}: the index of the container that owns an awsvpc task's namespace.
     */
    TaskMetadataServer forTask(TaskLaunch task, int owner) {
        if (task.metadata() == null || !servesMode(task.networkMode())) return TaskMetadataServer.NONE;
        if (!imagePresent()) {
            LOG.log(System.Logger.Level.WARNING, "Task " + task.taskArn() + " starts without ECS's task metadata "
                    + "endpoint: the image " + image + " is not on this engine (examples/image/build.sh builds it).");
            return TaskMetadataServer.NONE;
        }
        return new TaskMetadataServer(client, agent, task, owner);
    }

    static boolean servesMode(String networkMode) {
        String mode = networkMode == null ? "" : networkMode.trim().toLowerCase();
        return mode.equals("awsvpc") || mode.equals("bridge") || mode.equals("none");
    }

    private boolean imagePresent() {
        if (imageSeen) return true;
        try {
            client.inspectImageCmd(image).exec();
            imageSeen = true;
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
