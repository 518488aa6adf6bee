package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.TaskLaunch;
import dev.berth.ecs.runtime.metadata.ContainerFacts;
import dev.berth.ecs.runtime.metadata.MetadataDocuments;
import dev.berth.ecs.runtime.metadata.TaskCredentials;

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
 * server the engine's {@link MetadataAgent} starts in each namespace owner's network namespace as
 * the owner starts (its documents carried in the exec request), and the documents written again
 * once every container runs, where they changed. A server that cannot be started or fed is
 * logged and left out: the task runs as ECS's would with a late endpoint.
 */
class TaskMetadataServer {
    static final TaskMetadataServer NONE = new TaskMetadataServer();
    static final String WWW = "berth/www", DATA = "berth/metadata";
    private static final long MIB = 1024L * 1024L;
    private static final System.Logger LOG = System.getLogger(TaskMetadataServer.class.getName());
    private static final String CGI = cgiScript();

    private final DockerClient client;
    private final MetadataAgent agent;
    private final TaskLaunch task;
    /** The container that owns an awsvpc task's namespace (dependsOn may put others first). */
    private final int owner;
    private final Map<String, String> keys = new LinkedHashMap<>();
    private final TaskCredentials credentials;
    /** Namespace owner's container id to the files its server answers with now, so an unchanged document is not sent again. */
    private final Map<String, Map<String, String>> served = new LinkedHashMap<>();
    private List<String> containerIds = List.of();

    private TaskMetadataServer() {
        this.client = null;
        this.agent = null;
        this.task = null;
        this.owner = 0;
        this.credentials = null;
    }

    TaskMetadataServer(DockerClient client, MetadataAgent agent, TaskLaunch task, int owner) {
        this.client = client;
        this.agent = agent;
        this.task = task;
        this.owner = owner;
        for (ContainerLaunch c : task.containers()) keys.put(c.name(), UUID.randomUUID().toString());
        String role = task.metadata().taskRoleArn();
        this.credentials = role == null || role.isBlank() ? null : TaskCredentials.issue(role, EcsArn.ACCOUNT, Instant.now());
    }

    /** The variables ECS's agent gives a container, here pointing at the task's own server. */
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

    /** Whether the container at {@code index} owns a namespace that gets a server. */
    boolean ownsNamespace(int index) {
        if (task == null) return false;
        String mode = task.networkMode().trim().toLowerCase();
        return mode.equals("awsvpc") ? index == owner : MetadataEndpoint.servesMode(mode);
    }

    /** The task's containers, all created, in the task's order: a namespace owner among them gets its server as it starts. */
    void created(List<String> ids) {
        this.containerIds = List.copyOf(ids);
    }

    /**
     * Starts the server of a namespace owner that has just started, from the engine's answers
     * already at hand ({@code seen}, container id to its inspection; the others are asked).
     * Started now rather than before the owner because only now do its process, state, start
     * time and addresses exist: for a task of one container these are the final documents, and
     * the publish after the settle has nothing left to send.
     */
    void ownerStarted(String ownerId, Map<String, InspectContainerResponse> seen) {
        int index = containerIds.indexOf(ownerId);
        if (index < 0 || !ownsNamespace(index)) return;
        Map<String, String> files;
        Long pid;
        try {
            Map<String, InspectContainerResponse> all = inspections(containerIds, seen);
            pid = all.get(ownerId).getState().getPidLong();
            files = files(facts(containerIds, all));
        } catch (RuntimeException e) {
            warn("read its containers for its metadata", e);
            return;
        }
        // An owner that already exited fails the task's start with its own reason; a word about
        // its endpoint would only hide it.
        if (pid == null || pid <= 0) return;
        try {
            if (agent.launch(ownerId, pid, TarArchive.of(files).gzipBase64())) served.put(ownerId, files);
        } catch (RuntimeException e) {
            warn("start its metadata endpoint", e);
        }
    }

    /** Sends the current documents to every server whose documents changed, from the engine's answers {@code seen}. */
    void publish(List<String> containerIds, Map<String, InspectContainerResponse> seen) {
        if (task == null || served.isEmpty()) return;
        Map<String, String> files;
        try {
            files = files(facts(containerIds, inspections(containerIds, seen)));
        } catch (RuntimeException e) {
            warn("read its containers for its metadata", e);
            return;
        }
        for (Map.Entry<String, Map<String, String>> s : served.entrySet()) {
            if (files.equals(s.getValue())) continue;
            try {
                agent.update(s.getKey(), TarArchive.of(files).gzipBase64());
                s.setValue(files);
            } catch (RuntimeException e) {
                warn("write its metadata", e);
            }
        }
    }

    private Map<String, InspectContainerResponse> inspections(List<String> ids, Map<String, InspectContainerResponse> seen) {
        Map<String, InspectContainerResponse> all = new LinkedHashMap<>();
        for (String id : ids) {
            InspectContainerResponse r = seen.get(id);
            all.put(id, r != null ? r : client.inspectContainerCmd(id).exec());
        }
        return all;
    }

    /** Every file a server answers from, path to content; directories are implied by the paths. */
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

    private List<ContainerFacts> facts(List<String> containerIds, Map<String, InspectContainerResponse> seen) {
        List<ContainerFacts> out = new ArrayList<>();
        InspectContainerResponse ownerSeen = seen.get(containerIds.get(owner));
        for (int i = 0; i < containerIds.size(); i++) {
            InspectContainerResponse r = seen.get(containerIds.get(i));
            // Joined awsvpc containers have no network settings of their own: the owner's are theirs.
            InspectContainerResponse net = ownsNamespace(i) ? r : ownerSeen;
            out.add(facts(task.containers().get(i), r, net));
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
