package dev.berth.ecs.runtime.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.runtime.TaskLaunch;
import dev.berth.ecs.runtime.TaskMetadata;
import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.ecs.task.LaunchTranslator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ECS's task metadata and credentials endpoints, asked from inside task containers on the real engine. */
class MetadataEndpointIT extends EngineFixture {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLUSTER = "arn:aws:ecs:local:000000000000:cluster/berth-it";
    private static final String ROLE = "arn:aws:iam::000000000000:role/app/web-task";
    /** busybox wget, retried: the first container may ask before its namespace's server is up. */
    private static final String FETCH_AT_START = "mkdir -p /tmp; for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do "
            + "wget -qO /tmp/task.json \"$ECS_CONTAINER_METADATA_URI_V4/task\" && break; sleep 0.2; done; "
            + "exec sleep 3600";

    @BeforeEach
    void image() {
        // The agent's image is the example busybox under the name berth looks for (build.sh tags it).
        try {
            engine.raw.inspectImageCmd(MetadataEndpoint.DEFAULT_IMAGE).exec();
        } catch (com.github.dockerjava.api.exception.NotFoundException missing) {
            engine.raw.tagImageCmd(TestEngine.IMAGE, "berth/metadata", "latest").exec();
        }
    }

    private TaskLaunch task(String arn, String mode, String role, ContainerLaunch... containers) {
        Map<String, String> labels = new java.util.HashMap<>(engine.runLabels());
        labels.put("dev.berth.cluster", CLUSTER);
        labels.put("dev.berth.service", "arn:aws:ecs:local:000000000000:service/berth-it/web-svc");
        TaskMetadata md = new TaskMetadata(CLUSTER, "web", 7, 256, 512, "FARGATE", null, role, "web-svc");
        return new TaskLaunch(arn, engine.networkName(), mode, labels, List.of(containers), List.of(), null, md);
    }

    private static ContainerLaunch shell(String name, String script) {
        return new ContainerLaunch(name, TestEngine.IMAGE, 128, 64, null, List.of(), Map.of(), null,
                List.of("sh", "-c", script), true);
    }

    private JsonNode get(String containerId, String urlExpression) throws Exception {
        String out = engine.exec(containerId, "sh", "-c", "wget -qO- \"" + urlExpression + "\"");
        return JSON.readTree(out);
    }

    @Test
    void awsvpcTaskContainersReadTheirTaskAndTheirOwnMetadataAndCredentials() throws Exception {
        String arn = engine.newTaskArn();
        List<ContainerInfo> started = engine.runtime.startTask(task(arn, "awsvpc", ROLE,
                shell("app", FETCH_AT_START), shell("helper", "exec sleep 3600")));
        String app = started.get(0).id(), helper = started.get(1).id();

        // What the first container fetched for itself as it started.
        String fetched = engine.exec(app, "cat", "/tmp/task.json");
        assertTrue(fetched.startsWith("{"), fetched);
        JsonNode atStart = JSON.readTree(fetched);
        assertEquals(arn, atStart.get("TaskARN").asText());

        JsonNode task = get(app, "$ECS_CONTAINER_METADATA_URI_V4/task");
        assertEquals(arn, task.get("TaskARN").asText());
        assertEquals("web", task.get("Family").asText());
        assertEquals("7", task.get("Revision").asText());
        assertEquals(CLUSTER, task.get("Cluster").asText());
        assertEquals("web-svc", task.get("ServiceName").asText());
        assertEquals(0.25, task.get("Limits").get("CPU").asDouble());
        assertEquals(512, task.get("Limits").get("Memory").asInt());
        assertEquals("FARGATE", task.get("LaunchType").asText());
        assertEquals("RUNNING", task.get("KnownStatus").asText());
        assertEquals(2, task.get("Containers").size());
        assertEquals("app", task.get("Containers").get(0).get("Name").asText());
        assertEquals(app, task.get("Containers").get(0).get("DockerId").asText());
        assertEquals(helper, task.get("Containers").get(1).get("DockerId").asText());
        assertEquals("RUNNING", task.get("Containers").get(1).get("KnownStatus").asText());
        assertEquals(128, task.get("Containers").get(0).get("Limits").get("CPU").asInt());
        assertEquals(64, task.get("Containers").get(0).get("Limits").get("Memory").asInt());
        String ip = task.get("Containers").get(1).get("Networks").get(0).get("IPv4Addresses").get(0).asText();
        assertEquals(ip, task.get("Containers").get(0).get("Networks").get(0).get("IPv4Addresses").get(0).asText(),
                "an awsvpc task's containers share one address");

        // Each container's own URI answers with itself; the v3 URI answers too.
        assertEquals("helper", get(helper, "$ECS_CONTAINER_METADATA_URI_V4").get("Name").asText());
        assertEquals("app", get(app, "$ECS_CONTAINER_METADATA_URI").get("Name").asText());
        assertEquals(arn, get(helper, "$ECS_CONTAINER_METADATA_URI/task").get("TaskARN").asText());

        JsonNode creds = get(helper, "http://127.0.0.1:51679$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
        assertTrue(creds.get("AccessKeyId").asText().startsWith("BERTHLOCAL"), creds.toString());
        assertEquals(ROLE, creds.get("RoleArn").asText());
        assertTrue(creds.hasNonNull("SecretAccessKey") && creds.hasNonNull("Token") && creds.hasNonNull("Expiration"));
        assertTrue(engine.exec(app, "sh", "-c", "echo $AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")
                .strip().startsWith("/v2/credentials/"));

        // One server, in the task's namespace on its loopback only, run by the engine's agent as
        // nobody; no container of its own; gone with the task.
        assertEquals(List.of(app), servedNamespaces(List.of(app, helper)));
        assertTrue(engine.exec(app, "netstat", "-ltn").contains("127.0.0.1:51679 "));
        assertEquals(2, engine.leftovers().size(), "the task's two containers and nothing else of this run");
        InspectContainerResponse agent = engine.raw.inspectContainerCmd(MetadataAgent.NAME).exec();
        assertEquals(Map.of(MetadataAgent.LABEL, "true"), agent.getConfig().getLabels(),
                "no label berth finds task containers by");
        assertEquals("none", agent.getHostConfig().getNetworkMode());
        assertTrue(engine.exec(agent.getId(), "sh", "-c", "ps -o user,args | grep -F /t/" + app + "/ | grep -v grep")
                .strip().startsWith("65534"), "the server runs as nobody");
        engine.runtime.stopTask(arn, Duration.ZERO);
        assertEquals(List.of(), engine.containersOf(arn));
        awaitNotServed(app);
    }

    /**
     * A container of its own per namespace (a joined sidecar) cost the engine about half a task
     * start, and an apply starts many tasks: the engine creates only the tasks' own containers,
     * and a one-container task's server answers with the running container's documents.
     */
    @Test
    void tasksGetTheirEndpointWithoutAContainerOfTheirOwn() throws Exception {
        long since = java.time.Instant.parse(engine.raw.infoCmd().exec().getSystemTime()).getEpochSecond() - 1;
        String one = engine.newTaskArn(), two = engine.newTaskArn();
        String app = engine.runtime.startTask(task(one, "awsvpc", null, shell("app", "exec sleep 3600"))).get(0).id();
        engine.runtime.startTask(task(two, "awsvpc", null, shell("a", "exec sleep 3600"), shell("b", "exec sleep 3600")));

        JsonNode task = get(app, "$ECS_CONTAINER_METADATA_URI_V4/task");
        InspectContainerResponse seen = engine.raw.inspectContainerCmd(app).exec();
        assertEquals("RUNNING", task.get("KnownStatus").asText());
        JsonNode c = task.get("Containers").get(0);
        assertEquals("RUNNING", c.get("KnownStatus").asText());
        assertEquals(seen.getState().getStartedAt(), c.get("StartedAt").asText());
        assertEquals(seen.getNetworkSettings().getNetworks().values().iterator().next().getIpAddress(),
                c.get("Networks").get(0).get("IPv4Addresses").get(0).asText());
        assertEquals(app, get(app, "$ECS_CONTAINER_METADATA_URI_V4").get("DockerId").asText());

        assertEquals(3, creates(since), "three task containers, no sidecar");
        assertEquals("RUNNING", get(app, "$ECS_CONTAINER_METADATA_URI_V4/task").get("Containers").get(0)
                .get("KnownStatus").asText());
        engine.runtime.stopTask(one, Duration.ZERO);
        engine.runtime.stopTask(two, Duration.ZERO);
    }

    /** The engine's "create" events of this run's containers since {@code since} (epoch seconds), up to now. */
    private int creates(long since) throws InterruptedException {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        long until = java.time.Instant.parse(engine.raw.infoCmd().exec().getSystemTime()).getEpochSecond() + 1;
        engine.raw.eventsCmd().withSince(Long.toString(since)).withUntil(Long.toString(until))
                .withLabelFilter(engine.runLabels()).withEventFilter("create")
                .exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<com.github.dockerjava.api.model.Event>() {
                    @Override
                    public void onNext(com.github.dockerjava.api.model.Event e) {
                        n.incrementAndGet();
                    }
                }).awaitCompletion(10, java.util.concurrent.TimeUnit.SECONDS);
        return n.get();
    }

    /**
     * Tasks whose starts overlap share the agent's execs (servers asked for while one exec runs
     * start together in the next): each still answers with its own task, and only its own.
     */
    @Test
    void tasksStartedTogetherEachAnswerWithTheirOwnTask() throws Exception {
        List<String> arns = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) arns.add(engine.newTaskArn());
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(arns.size());
        try {
            List<java.util.concurrent.Future<String>> ids = new java.util.ArrayList<>();
            for (String arn : arns) {
                ids.add(threads.submit(() -> engine.runtime.startTask(task(arn, "awsvpc", null,
                        shell("app", "exec sleep 3600"))).get(0).id()));
            }
            for (int i = 0; i < arns.size(); i++) {
                String id = ids.get(i).get(120, java.util.concurrent.TimeUnit.SECONDS);
                JsonNode task = get(id, "$ECS_CONTAINER_METADATA_URI_V4/task");
                assertEquals(arns.get(i), task.get("TaskARN").asText());
                assertEquals(id, task.get("Containers").get(0).get("DockerId").asText());
                assertEquals("RUNNING", task.get("KnownStatus").asText(), "served by the time the start returned");
            }
        } finally {
            threads.shutdownNow();
            for (String arn : arns) engine.runtime.stopTask(arn, Duration.ZERO);
        }
    }

    /** One exec of the agent starts several namespaces' servers and answers for each of them apart. */
    @Test
    void oneExecStartsTheServersOfSeveralNamespacesAndAnswersForEach() throws Exception {
        List<String> arns = List.of(engine.newTaskArn(), engine.newTaskArn(), engine.newTaskArn());
        List<String> ids = new java.util.ArrayList<>();
        List<LaunchBatches.Request> batch = new java.util.ArrayList<>();
        try {
            for (String arn : arns) {
                // A task without metadata gets no server of its own; this test starts them.
                String id = engine.runtime.startTask(task(arn, "awsvpc", null, shell("app", "exec sleep 3600"))
                        .withMetadata(null)).get(0).id();
                ids.add(id);
                long pid = engine.raw.inspectContainerCmd(id).exec().getState().getPidLong();
                String packed = TarArchive.of(Map.of("berth/www/cgi-bin/v4", "#!/bin/sh\nprintf 'Status: 200 OK\\r\\nContent-Type: text/plain\\r\\n\\r\\n" + arn + "\\n'\n"))
                        .gzipBase64();
                batch.add(new LaunchBatches.Request(id, pid, packed));
            }
            // The process of a task that has ended: its server is not started, and says so.
            batch.add(new LaunchBatches.Request(ids.get(0) + "gone", 999_999_999L, batch.get(0).packed()));
            List<LaunchBatches.Outcome> outcomes = new MetadataAgent(engine.raw, MetadataEndpoint.DEFAULT_IMAGE)
                    .launchAll(batch);
            for (int i = 0; i < 3; i++) {
                assertEquals(new LaunchBatches.Outcome(true, null), outcomes.get(i), "request " + i);
                assertEquals(arns.get(i), engine.exec(ids.get(i), "sh", "-c", "wget -qO- http://"
                        + MetadataEndpoint.HOST + ":" + MetadataEndpoint.PORT + "/cgi-bin/v4").strip());
            }
            assertEquals(new LaunchBatches.Outcome(false, null), outcomes.get(3));
        } finally {
            for (String arn : arns) engine.runtime.stopTask(arn, Duration.ZERO);
        }
        for (String id : ids) awaitNotServed(id);
    }

    @Test
    void bridgeTaskGetsAServerPerContainerNamespace() throws Exception {
        String arn = engine.newTaskArn();
        List<ContainerInfo> started = engine.runtime.startTask(task(arn, "bridge", null,
                shell("a", "exec sleep 3600"), shell("b", "exec sleep 3600")));
        List<String> ids = started.stream().map(ContainerInfo::id).toList();
        assertEquals(ids, servedNamespaces(ids));
        for (ContainerInfo c : started) {
            JsonNode task = get(c.id(), "$ECS_CONTAINER_METADATA_URI_V4/task");
            assertEquals(arn, task.get("TaskARN").asText());
            assertEquals("bridge", task.get("Containers").get(0).get("Networks").get(0).get("NetworkMode").asText());
        }
        assertEquals("", engine.exec(started.get(0).id(), "sh", "-c", "echo -n $AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"),
                "no task role, no credentials");
        engine.runtime.stopTask(arn, Duration.ZERO);
        for (String id : ids) awaitNotServed(id);
    }

    @Test
    void aTaskWhoseContainersAreRemovedOneByOneLeavesNoServer() throws Exception {
        String arn = engine.newTaskArn();
        List<ContainerInfo> started = engine.runtime.startTask(task(arn, "awsvpc", null,
                shell("a", "exec sleep 3600"), shell("b", "exec sleep 3600")));
        String a = started.get(0).id();
        assertEquals(List.of(a), servedNamespaces(List.of(a, started.get(1).id())));
        // As an orphan's containers are removed: the namespace goes with its owner, and its server with it.
        engine.runtime.removeContainer(started.get(1).id());
        assertEquals(List.of(a), servedNamespaces(List.of(a)), "the namespace's owner still runs");
        engine.runtime.removeContainer(a);
        awaitNotServed(a);
    }

    @Test
    void hostModeTaskGetsNoEndpointAndNoVariable() throws Exception {
        String arn = engine.newTaskArn();
        List<ContainerInfo> started = engine.runtime.startTask(task(arn, "host", ROLE, shell("a", "exec sleep 3600")));
        assertEquals(List.of(), servedNamespaces(List.of(started.get(0).id())));
        assertEquals("", engine.exec(started.get(0).id(), "sh", "-c", "echo -n $ECS_CONTAINER_METADATA_URI_V4"));
        engine.runtime.stopTask(arn, Duration.ZERO);
    }

    @Test
    void aTaskThatFailsToStartLeavesNoServer() throws Exception {
        String arn = engine.newTaskArn();
        // Up long enough for its server to start, then gone before the settle ends.
        assertThrows(RuntimeFailure.class, () -> engine.runtime.startTask(task(arn, "awsvpc", ROLE,
                shell("app", "sleep 0.2; exit 3"))));
        assertEquals(List.of(), engine.containersOf(arn));
        awaitNothingServedOf(arn);
    }

    @Test
    void aContainerWithoutCpuRunsWithTwoSharesAsEcsAgentGivesIt() {
        String arn = engine.newTaskArn();
        TaskDefinitionRow td = new TaskDefinitionRow("arn:aws:ecs:local:000000000000:task-definition/cpu:1", "cpu", 1,
                "ACTIVE", null, null, "awsvpc", List.of("EC2"), null, null,
                "[{\"name\":\"nocpu\",\"image\":\"" + TestEngine.IMAGE + "\",\"essential\":true,"
                        + "\"command\":[\"sleep\",\"3600\"]},{\"name\":\"withcpu\",\"image\":\"" + TestEngine.IMAGE
                        + "\",\"cpu\":300,\"essential\":true,\"command\":[\"sleep\",\"3600\"]}]", null);
        Map<String, String> labels = new java.util.HashMap<>(engine.runLabels());
        labels.put("dev.berth.cluster", CLUSTER);
        List<ContainerInfo> started = engine.runtime.startTask(
                LaunchTranslator.launch(arn, engine.networkName(), td, labels));
        assertEquals(2L, (long) engine.raw.inspectContainerCmd(started.get(0).id()).exec().getHostConfig().getCpuShares());
        assertEquals(300L, (long) engine.raw.inspectContainerCmd(started.get(1).id()).exec().getHostConfig().getCpuShares());
        engine.runtime.stopTask(arn, Duration.ZERO);
    }

    /** Which of these containers' namespaces the engine's metadata agent serves now. */
    private List<String> servedNamespaces(List<String> ids) throws InterruptedException {
        String listed = agentSays("ls /t");
        return ids.stream().filter(listed::contains).toList();
    }

    /** Waits (the agent looks every second) until no server of the container's namespace is left. */
    private void awaitNotServed(String id) throws InterruptedException {
        String check = "ls /t; ps -o args | grep -F /t/" + id + "/ | grep -v grep";
        String left = "";
        for (int i = 0; i < 50; i++) {
            left = agentSays(check);
            if (!left.contains(id)) return;
            Thread.sleep(100);
        }
        throw new AssertionError("still served: " + left);
    }

    /** Waits until the agent serves no namespace whose documents name this task. */
    private void awaitNothingServedOf(String arn) throws InterruptedException {
        String check = "grep -rlF '" + arn + "' /t 2>/dev/null; true";
        String left = "";
        for (int i = 0; i < 50; i++) {
            left = agentSays(check).strip();
            if (left.isEmpty()) return;
            Thread.sleep(100);
        }
        throw new AssertionError("still served: " + left);
    }

    /** What a shell in the engine's metadata agent prints; nothing when there is no agent (nothing served). */
    private String agentSays(String script) throws InterruptedException {
        try {
            return engine.exec(MetadataAgent.NAME, "sh", "-c", script);
        } catch (com.github.dockerjava.api.exception.NotFoundException
                 | com.github.dockerjava.api.exception.ConflictException noAgent) {
            return "";
        }
    }
}
