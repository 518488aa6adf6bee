package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.RestartPolicy;
import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.TaskLaunch;
import dev.berth.ecs.runtime.metadata.ContainerFacts;
import dev.berth.ecs.runtime.metadata.MetadataDocuments;
import dev.berth.ecs.runtime.metadata.TaskCredentials;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The metadata endpoint of one task while it starts: the variables each container gets, the
 * sidecar joined to each namespace owner as the owner starts (its documents carried in its
 * create request), and the documents written again once every container runs, into the
 * sidecars whose documents changed. A sidecar that cannot be made or fed is logged and left
 * out: the task runs as ECS's would with a late endpoint.
 */
class TaskMetadataServer {
    static final TaskMetadataServer NONE = new TaskMetadataServer();
    static final String WWW = "berth/www", DATA = "berth/metadata";
    private static final long MIB = 1024L * 1024L;
    private static final System.Logger LOG = System.getLogger(TaskMetadataServer.class.getName());
    private static final String CGI = cgiScript();
    /** The variable that carries a sidecar's files into its create request (gzipped tar, base64). */
    static final String PACKED = "BERTH_METADATA_FILES";
    /** Well below Linux's 128 KiB limit on one environment string. */
    private static final int MAX_INLINE = 96 * 1024;
    /** berth's labels of task containers (resource.EcsLabels); none of them goes on a sidecar. */
    private static final java.util.Set<String> TASK_LABELS = java.util.Set.of(ContainerNaming.TASK_ARN_LABEL,
            ContainerNaming.CONTAINER_NAME_LABEL, "dev.berth.cluster", "dev.berth.service", "dev.berth.task-definition",
            "dev.berth.container-instance");

    private final DockerClient client;
    private final String image;
    private final TaskLaunch task;
    /** The container that owns an awsvpc task's namespace (dependsOn may put others first). */
    private final int owner;
    private final Map<String, String> keys = new LinkedHashMap<>();
    private final TaskCredentials credentials;
    /** Namespace owner's container id to its sidecar's id. */
    private final Map<String, String> sidecars = new LinkedHashMap<>();
    /** Sidecar id to the files it serves now, so an unchanged document is not copied in again. */
    private final Map<String, Map<String, String>> served = new LinkedHashMap<>();
    private List<String> containerIds = List.of();

    private TaskMetadataServer() {
        this.client = null;
        this.image = null;
        this.task = null;
        this.owner = 0;
        this.credentials = null;
    }

    TaskMetadataServer(DockerClient client, String image, TaskLaunch task, int owner) {
        this.client = client;
        this.image = image;
        this.task = task;
        this.owner = owner;
        for (ContainerLaunch c : task.containers()) keys.put(c.name(), UUID.randomUUID().toString());
        String role = task.metadata().taskRoleArn();
        this.credentials = role == null || role.isBlank() ? null : TaskCredentials.issue(role, EcsArn.ACCOUNT, Instant.now());
    }

    /** The variables ECS's agent gives a container, here pointing at the task's own sidecar. */
    Map<String, String> environment(ContainerLaunch c) {
        Map<String, String> env = new LinkedHashMap<>();
        if (task == null) return env;
        String base = "http://" + MetadataEndpoint.HOST + ":" + MetadataEndpoint.PORT + "/cgi-bin/";
        env.put("ECS_CONTAINER_METADATA_URI_V4", base + "v4/" + keys.get(c.name()));
        env.put("ECS_CONTAINER_METADATA_URI", base + "v3/" + keys.get(c.name()));
        if (credentials != null) env.put("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", credentials.relativeUri());
        return env;
    }

    /** Adds {@link #environment} to a container's create request; berth's values win, as the agent's do. */
    void addEnvironment(CreateContainerCmd cmd, ContainerLaunch c) {
        EnvironmentOverride.apply(cmd, environment(c));
    }

    /** Whether the container at {@code index} owns a namespace that gets a sidecar. */
    boolean ownsNamespace(int index) {
        if (task == null) return false;
        String mode = task.networkMode().trim().toLowerCase();
        return mode.equals("awsvpc") ? index == owner : MetadataEndpoint.servesMode(mode);
    }

    /** The task's containers, all created, in the task's order: a namespace owner among them gets its sidecar as it starts. */
    void created(List<String> ids) {
        this.containerIds = List.copyOf(ids);
    }

    /**
     * Makes and starts the sidecar of a namespace owner that has just started, its documents
     * carried in the create request itself (the sidecar unpacks them before its server starts),
     * so it answers from its first moment without a copy into it. Made now rather than before
     * the owner starts because only now does the engine know the owner's state, start time and
     * addresses: for a task of one container these are the final documents, and the publish
     * after the start has nothing left to write.
     */
    void ownerStarted(String ownerId) {
        int index = containerIds.indexOf(ownerId);
        if (index < 0 || !ownsNamespace(index)) return;
        Map<String, String> files;
        try {
            files = files(facts(containerIds));
        } catch (RuntimeException e) {
            warn("read its containers for its metadata", e);
            return;
        }
        String packed = TarArchive.of(files).gzipBase64();
        boolean inline = packed.length() <= MAX_INLINE;
        String id;
        try {
            id = create(ownerId, index, inline ? packed : "");
        } catch (RuntimeException e) {
            warn("create its metadata sidecar", e);
            return;
        }
        sidecars.put(ownerId, id);
        // Too large for one environment variable (tasks of many containers with many labels): copied in.
        if (!inline && !write(id, files)) return;
        served.put(id, files);
        try {
            client.startContainerCmd(id).exec();
        } catch (RuntimeException e) {
            // An owner that already exited fails the task's start with its own reason; a word
            // about its sidecar would only hide it.
            if (!String.valueOf(e.getMessage()).contains("non running container")) warn("start its metadata sidecar", e);
        }
    }

    private String create(String ownerId, int index, String packed) {
        Map<String, String> labels = new LinkedHashMap<>();
        // Other labels (a test run's, say) go along; the ones berth finds task containers by
        // would make it one.
        task.labels().forEach((k, v) -> {
            if (!TASK_LABELS.contains(k)) labels.put(k, v);
        });
        labels.put(MetadataEndpoint.FOR_LABEL, task.taskArn());
        HostConfig host = HostConfig.newHostConfig().withNetworkMode("container:" + ownerId)
                .withRestartPolicy(RestartPolicy.noRestart()).withCpuShares(2).withMemory(32 * MIB);
        String serve = "exec httpd -f -p " + MetadataEndpoint.HOST + ":" + MetadataEndpoint.PORT + " -h /" + WWW;
        return client.createContainerCmd(image)
                .withName(ContainerNaming.containerName(task.taskArn(), "~ecs~metadata~" + index))
                .withLabels(labels).withEnv(PACKED + "=" + packed).withEntrypoint("sh")
                .withCmd("-c", "if [ -n \"$" + PACKED + "\" ]; then echo \"$" + PACKED + "\" | base64 -d | tar -xz -C / "
                        + "|| exit 1; fi; unset " + PACKED + "; " + serve)
                .withHostConfig(host).exec().getId();
    }

    /** Writes the current documents into every sidecar whose documents changed, from what the engine says now. */
    void publish(List<String> containerIds) {
        if (task == null || sidecars.isEmpty()) return;
        Map<String, String> files;
        try {
            files = files(facts(containerIds));
        } catch (RuntimeException e) {
            warn("read its containers for its metadata", e);
            return;
        }
        for (String id : sidecars.values()) {
            if (files.equals(served.get(id))) continue;
            if (write(id, files)) served.put(id, files);
        }
    }

    private boolean write(String sidecarId, Map<String, String> files) {
        try (InputStream in = new ByteArrayInputStream(TarArchive.of(files).bytes())) {
            client.copyArchiveToContainerCmd(sidecarId).withTarInputStream(in).withRemotePath("/").exec();
            return true;
        } catch (IOException | RuntimeException e) {
            warn("write its metadata", e);
            return false;
        }
    }

    /** The sidecars made so far, for the cleanup of a failed start. */
    List<String> sidecarIds() {
        return List.copyOf(sidecars.values());
    }

    /** Every file a sidecar serves, path to content; directories are implied by the paths. */
    Map<String, String> files(List<ContainerFacts> facts) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(WWW + "/cgi-bin/v4", CGI);
        files.put(WWW + "/cgi-bin/v3", CGI);
        String status = MetadataDocuments.taskStatus(facts);
        files.put(DATA + "/task.json", MetadataDocuments.text(
                MetadataDocuments.task(task.taskArn(), task.metadata(), status, facts)));
        for (ContainerFacts c : facts) {
            files.put(DATA + "/containers/" + keys.get(c.name()) + ".json",
                    MetadataDocuments.text(MetadataDocuments.container(task.taskArn(), c)));
        }
        if (credentials != null) {
            // A static file answers the credentials' own path, as ECS's /v2/credentials/ID.
            files.put(WWW + credentials.relativeUri(), MetadataDocuments.text(credentials.document()));
        }
        return files;
    }

    private List<ContainerFacts> facts(List<String> containerIds) {
        List<ContainerFacts> out = new ArrayList<>();
        InspectContainerResponse ownerSeen = client.inspectContainerCmd(containerIds.get(owner)).exec();
        for (int i = 0; i < containerIds.size(); i++) {
            ContainerLaunch c = task.containers().get(i);
            InspectContainerResponse r = i == owner ? ownerSeen : client.inspectContainerCmd(containerIds.get(i)).exec();
            // Joined awsvpc containers have no network settings of their own: the owner's are theirs.
            InspectContainerResponse net = ownsNamespace(i) ? r : ownerSeen;
            out.add(facts(c, r, net));
        }
        return out;
    }

    private ContainerFacts facts(ContainerLaunch c, InspectContainerResponse r, InspectContainerResponse net) {
        InspectContainerResponse.ContainerState s = r.getState();
        String state = s == null ? null : s.getStatus();
        String known = MetadataDocuments.containerStatus(state);
        Integer exit = "STOPPED".equals(known) && s.getExitCodeLong() != null ? s.getExitCodeLong().intValue() : null;
        List<String> ips = new ArrayList<>();
        String mac = null;
        if (net != null && net.getNetworkSettings() != null && net.getNetworkSettings().getNetworks() != null) {
            for (ContainerNetwork n : net.getNetworkSettings().getNetworks().values()) {
                if (n.getIpAddress() != null && !n.getIpAddress().isBlank()) ips.add(n.getIpAddress());
                if (mac == null && n.getMacAddress() != null && !n.getMacAddress().isBlank()) mac = n.getMacAddress();
            }
        }
        HostConfig hc = r.getHostConfig();
        LogConfig log = hc == null ? null : hc.getLogConfig();
        long memory = hc == null || hc.getMemory() == null ? 0 : hc.getMemory() / MIB;
        int cpu = hc == null || hc.getCpuShares() == null ? 0 : hc.getCpuShares();
        return new ContainerFacts(c.name(), r.getId(), ContainerNaming.plainName(r.getName()), c.image(), r.getImageId(),
                r.getConfig() == null ? Map.of() : r.getConfig().getLabels(), known, exit, cpu, memory, r.getCreated(),
                "PENDING".equals(known) ? null : s.getStartedAt(), "STOPPED".equals(known) ? s.getFinishedAt() : null,
                log == null || log.getType() == null ? null : log.getType().getType(),
                log == null ? null : log.getConfig(), task.networkMode().trim().toLowerCase(), ips, mac);
    }

    private void warn(String what, Exception e) {
        LOG.log(System.Logger.Level.WARNING, "Task " + task.taskArn() + " could not " + what + ": " + e.getMessage());
    }

    private static String cgiScript() {
        try (InputStream in = TaskMetadataServer.class.getResourceAsStream("metadata-cgi.sh")) {
            if (in == null) throw new IllegalStateException("metadata-cgi.sh is missing from berth's jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
