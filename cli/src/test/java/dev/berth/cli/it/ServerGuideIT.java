package dev.berth.cli.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.cli.CliRun;
import dev.berth.cli.TestStores;
import dev.berth.ecs.api.EcsJson;
import dev.berth.ecs.resource.EcsLabels;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.docker.DockerRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command list ECS's guides teach, typed into the real AWS CLI against {@code berth server}
 * on a store of the test's own, each output checked and the containers checked with Docker.
 */
class ServerGuideIT {
    private static final String IMAGE = "berth-example/busybox:latest";

    @TempDir
    Path dir;
    private DockerRuntime docker;
    private ServerProcess server;
    private AwsCli aws;
    private String cluster;
    private final List<String> transcript = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        docker = DockerEngine.require();
        cluster = "guide-" + UUID.randomUUID().toString().substring(0, 8);
        server = ServerProcess.start(dir.resolve("ecs.db"));
        aws = new AwsCli(server.endpoint());
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            if (server != null) server.close();
        } finally {
            if (docker != null) {
                DockerEngine.cleanUp(docker, cluster);
                docker.close();
            }
        }
    }

    @Test
    void theGuidesCommandListWorksAgainstBerthServer() throws Exception {
        String clusterArn = DockerEngine.clusterArn(cluster);

        JsonNode created = ok("create-cluster", "--cluster-name", cluster).get("cluster");
        assertEquals(cluster, created.get("clusterName").asText());
        assertEquals(clusterArn, created.get("clusterArn").asText());
        assertEquals("ACTIVE", created.get("status").asText());

        assertTrue(texts(ok("list-clusters").get("clusterArns")).contains(clusterArn), transcript());

        JsonNode described = ok("describe-clusters", "--clusters", cluster).get("clusters").get(0);
        assertEquals(cluster, described.get("clusterName").asText());
        assertEquals("ACTIVE", described.get("status").asText());

        String family = cluster + "-web";
        JsonNode td = ok("register-task-definition", "--family", family, "--network-mode", "awsvpc",
                "--requires-compatibilities", "FARGATE", "EC2", "--cpu", "256", "--memory", "512",
                "--container-definitions", containerDefinitions()).get("taskDefinition");
        assertEquals(family, td.get("family").asText());
        assertEquals(1, td.get("revision").asInt());
        assertEquals("ACTIVE", td.get("status").asText());

        JsonNode service = ok("create-service", "--cluster", cluster, "--service-name", "web",
                "--task-definition", family, "--desired-count", "1", "--launch-type", "FARGATE").get("service");
        assertEquals("web", service.get("serviceName").asText());
        assertEquals(1, service.get("desiredCount").asInt());
        awaitRunningContainers("web", 1);

        List<String> services = texts(ok("list-services", "--cluster", cluster).get("serviceArns"));
        assertEquals(List.of("arn:aws:ecs:local:000000000000:service/" + cluster + "/web"), services);

        JsonNode web = ok("describe-services", "--cluster", cluster, "--services", "web").get("services").get(0);
        assertEquals("ACTIVE", web.get("status").asText());
        assertEquals(1, web.get("runningCount").asInt(), transcript());

        JsonNode updated = ok("update-service", "--cluster", cluster, "--service", "web", "--desired-count", "2")
                .get("service");
        assertEquals(2, updated.get("desiredCount").asInt());
        awaitRunningContainers("web", 2);

        // The guides' spelling, which the AWS CLI itself rejects, through berth ecs and the same server.
        CliRun guideSpelling = CliRun.withEnv(TestStores.env(dir), "ecs", "update-service", "--cluster", cluster,
                "--service-name", "web", "--desired-count", "2", "--endpoint-url", server.endpoint());
        transcript.add("$ berth ecs update-service --service-name web ...\n" + guideSpelling);
        assertEquals(0, guideSpelling.exitCode(), transcript());
        assertEquals(2, EcsJson.MAPPER.readTree(guideSpelling.out()).get("service").get("desiredCount").asInt());

        List<String> serviceTasks = texts(ok("list-tasks", "--cluster", cluster, "--service-name", "web").get("taskArns"));
        assertEquals(2, serviceTasks.size(), transcript());
        assertEquals(new TreeSet<>(serviceTasks), runningTaskArns("web"));

        // Between calls the server keeps the service at its desired count, as ECS's scheduler does.
        String killed = serviceTasks.get(0);
        DockerEngine.cli("kill", containerOf(killed));
        awaitReplaced("web", killed, 2);

        JsonNode run = ok("run-task", "--cluster", cluster, "--task-definition", family, "--count", "1",
                "--launch-type", "FARGATE", "--started-by", "guide");
        assertEquals(0, run.get("failures").size(), transcript());
        String oneOff = run.get("tasks").get(0).get("taskArn").asText();
        assertEquals("family:" + family, run.get("tasks").get(0).get("group").asText());
        assertTrue(runningTaskArns(null).contains(oneOff), "run-task started a container for " + oneOff);

        JsonNode stopped = ok("stop-task", "--cluster", cluster, "--task", oneOff, "--reason", "guide is done")
                .get("task");
        assertEquals("STOPPED", stopped.get("desiredStatus").asText());
        assertEquals("guide is done", stopped.get("stoppedReason").asText());
        awaitNotRunning(oneOff);

        JsonNode instance = ok("register-container-instance", "--cluster", cluster).get("containerInstance");
        String instanceArn = instance.get("containerInstanceArn").asText();
        assertEquals(List.of(instanceArn),
                texts(ok("list-container-instances", "--cluster", cluster).get("containerInstanceArns")));

        JsonNode started = ok("start-task", "--cluster", cluster, "--task-definition", family,
                "--container-instances", instanceArn);
        assertEquals(0, started.get("failures").size(), transcript());
        JsonNode startedTask = started.get("tasks").get(0);
        assertEquals(instanceArn, startedTask.get("containerInstanceArn").asText());
        String placed = startedTask.get("taskArn").asText();
        assertTrue(runningTaskArns(null).contains(placed), "start-task started a container for " + placed);
        ok("stop-task", "--cluster", cluster, "--task", placed);
        awaitNotRunning(placed);

        JsonNode deleted = ok("delete-service", "--cluster", cluster, "--service", "web", "--force").get("service");
        assertTrue(Set.of("DRAINING", "INACTIVE").contains(deleted.get("status").asText()), transcript());
        awaitRunningContainers("web", 0);

        ok("deregister-container-instance", "--cluster", cluster, "--container-instance", instanceArn);
        JsonNode gone = ok("delete-cluster", "--cluster", cluster).get("cluster");
        assertEquals("INACTIVE", gone.get("status").asText());
        assertEquals(Set.of(), runningTaskArns(null));
    }

    private static String containerDefinitions() {
        return "[{\"name\":\"web\",\"image\":\"" + IMAGE + "\",\"cpu\":64,\"memory\":64,\"essential\":true,"
                + "\"entryPoint\":[\"/bin/sh\",\"-c\"],\"command\":[\"exec sleep 600\"]}]";
    }

    /** aws ecs ARGS..., which must succeed; its JSON output. */
    private JsonNode ok(String... args) throws Exception {
        AwsCli.Result r = aws.ecs(args);
        transcript.add("$ aws ecs " + String.join(" ", args) + "\n(exit " + r.exitCode() + ")\n" + r.stdout() + "\n" + r.stderr());
        assertEquals(0, r.exitCode(), transcript());
        return EcsJson.MAPPER.readTree(r.stdout().isEmpty() ? "{}" : r.stdout());
    }

    private String transcript() {
        return String.join("\n", transcript) + "\n--- server ---\n" + server.output();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Task ARNs of the cluster's running containers; {@code service} null: any task. */
    private Set<String> runningTaskArns(String service) {
        return DockerEngine.containersOf(docker, cluster).stream().filter(ContainerInfo::running)
                .filter(c -> service == null || ofService(c, service))
                .map(c -> c.labels().get(EcsLabels.TASK_ARN))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean ofService(ContainerInfo c, String service) {
        String label = c.labels().getOrDefault(EcsLabels.SERVICE, "");
        return label.equals(service) || label.endsWith("/" + service);
    }

    private void awaitRunningContainers(String service, int tasks) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (runningTaskArns(service).size() != tasks && System.nanoTime() < end) Thread.sleep(250);
        assertEquals(tasks, runningTaskArns(service).size(), "running tasks of " + service + "\n" + transcript());
    }

    private String containerOf(String taskArn) {
        return DockerEngine.containersOf(docker, cluster).stream()
                .filter(c -> taskArn.equals(c.labels().get(EcsLabels.TASK_ARN))).findFirst().orElseThrow().id();
    }

    private void awaitReplaced(String service, String taskArn, int tasks) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            Set<String> now = runningTaskArns(service);
            if (now.size() == tasks && !now.contains(taskArn)) return;
            Thread.sleep(250);
        }
        throw new AssertionError(taskArn + " was not replaced: " + runningTaskArns(service) + "\n" + transcript());
    }

    private void awaitNotRunning(String taskArn) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (runningTaskArns(null).contains(taskArn) && System.nanoTime() < end) Thread.sleep(250);
        assertTrue(!runningTaskArns(null).contains(taskArn), taskArn + " still runs\n" + transcript());
    }
}
