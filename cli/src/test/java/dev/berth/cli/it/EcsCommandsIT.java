package dev.berth.cli.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.cli.ecs.EcsCli;
import dev.berth.cli.ecs.EcsSession;
import dev.berth.cli.ecs.model.EcsModel;
import dev.berth.cli.wiring.EcsApis;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.docker.DockerRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * berth ecs commands against the real control plane on a store file of the test's own
 * (BERTH_ECS_STORE) and the real Docker engine: run-task starts containers, stop-task stops them
 * with the reason recorded, services run their desired count. Every container and network of
 * the test's cluster is removed afterwards, whatever happened.
 */
class EcsCommandsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMAGE = "berth-example/busybox:latest";

    @TempDir
    Path dir;
    DockerRuntime docker;
    String cluster;
    Map<String, String> env;

    record Run(int exit, String out, String err, JsonNode json) {
    }

    @BeforeEach
    void setUp() {
        docker = DockerEngine.require();
        cluster = "ecs-it-" + UUID.randomUUID().toString().substring(0, 8);
        env = new HashMap<>();
        env.put("BERTH_ECS_STORE", dev.berth.cli.TestStores.ecsStoreFor(dir.resolve("ecs.db")));
        env.put("HOME", dir.toString());
    }

    @AfterEach
    void removeEverything() {
        if (docker == null) return;
        try {
            for (ContainerInfo c : DockerEngine.containersOf(docker, cluster)) docker.removeContainer(c.id());
            DockerEngine.cleanUp(docker, cluster);
        } finally {
            docker.close();
        }
    }

    private Run ecs(String... args) throws Exception {
        EcsSession session = new EcsSession(dir, ZoneId.of("UTC"), env, false, 80);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new EcsCli(EcsModel.get(), session, new EcsApis(session))
                .run(List.of(args), new PrintWriter(out), new PrintWriter(err));
        String text = out.toString();
        JsonNode json = text.isBlank() || !text.startsWith("{") ? null : JSON.readTree(text);
        return new Run(exit, text, err.toString(), json);
    }

    private Run ok(String... args) throws Exception {
        Run r = ecs(args);
        assertEquals(0, r.exit(), "berth ecs " + String.join(" ", args) + " failed:\n" + r.err() + r.out());
        return r;
    }

    private String registerSleeper() throws Exception {
        Files.writeString(dir.resolve("containers.json"), "[{\"name\":\"main\",\"image\":\"" + IMAGE
                + "\",\"command\":[\"sleep\",\"600\"],\"memory\":32,\"essential\":true}]");
        Run r = ok("register-task-definition", "--family", cluster, "--network-mode", "awsvpc",
                "--requires-compatibilities", "FARGATE", "--cpu", "256", "--memory", "512",
                "--container-definitions", "file://containers.json");
        return r.json().get("taskDefinition").get("taskDefinitionArn").asText();
    }

    private List<ContainerInfo> running() {
        return DockerEngine.containersOf(docker, cluster).stream().filter(ContainerInfo::running).toList();
    }

    @Test
    void clustersAndTaskDefinitionsThroughTheirWholeLife() throws Exception {
        Run created = ok("create-cluster", "--cluster-name", cluster, "--tags", "key=team,value=payments");
        assertEquals("ACTIVE", created.json().get("cluster").get("status").asText());
        assertTrue(ok("list-clusters").json().get("clusterArns").toString().contains("cluster/" + cluster));
        Run described = ok("describe-clusters", "--cluster", cluster, "gone-" + cluster, "--include", "TAGS");
        assertEquals(cluster, described.json().get("clusters").get(0).get("clusterName").asText());
        assertEquals("MISSING", described.json().get("failures").get(0).get("reason").asText());
        String text = ok("describe-clusters", "--clusters", cluster, "--output", "text").out();
        assertTrue(text.startsWith("CLUSTERS\t") && text.contains("\tarn:aws:ecs:local:000000000000:cluster/" + cluster + "\t"), text);

        String arn = registerSleeper();
        assertTrue(arn.endsWith("task-definition/" + cluster + ":1"), arn);
        assertEquals(arn, ok("list-task-definitions", "--family-prefix", cluster).json().get("taskDefinitionArns").get(0).asText());
        Run td = ok("describe-task-definition", "--task-definition", cluster);
        assertEquals("sleep", td.json().get("taskDefinition").get("containerDefinitions").get(0).get("command").get(0).asText());
        assertEquals("INACTIVE", ok("deregister-task-definition", "--task-definition", cluster + ":1")
                .json().get("taskDefinition").get("status").asText());

        assertEquals("INACTIVE", ok("delete-cluster", "--cluster", cluster).json().get("cluster").get("status").asText());
        Run missing = ecs("delete-cluster", "--cluster", "gone-" + cluster);
        assertEquals(254, missing.exit());
        assertEquals("\nAn error occurred (ClusterNotFoundException) when calling the DeleteCluster operation: Cluster not found.\n",
                missing.err());
    }

    @Test
    void runTaskStartsContainersAndStopTaskStopsThemWithTheReason() throws Exception {
        ok("create-cluster", "--cluster-name", cluster);
        registerSleeper();
        Run run = ok("run-task", "--cluster", cluster, "--task-definition", cluster, "--count", "2",
                "--launch-type", "FARGATE", "--started-by", "ecs-it");
        JsonNode tasks = run.json().get("tasks");
        assertEquals(2, tasks.size(), run.out());
        assertEquals(2, running().size(), "containers: " + DockerEngine.containersOf(docker, cluster));
        Run listed = ok("list-tasks", "--cluster", cluster, "--started-by", "ecs-it");
        assertEquals(2, listed.json().get("taskArns").size(), listed.out());

        String task = tasks.get(0).get("taskArn").asText();
        Run stopped = ok("stop-task", "--cluster", cluster, "--task", task, "--reason", "done for today");
        assertEquals("UserInitiated", stopped.json().get("task").get("stopCode").asText());
        assertEquals("done for today", stopped.json().get("task").get("stoppedReason").asText());
        assertEquals(1, running().size());
        Run described = ok("describe-tasks", "--cluster", cluster, "--tasks", task);
        assertEquals("STOPPED", described.json().get("tasks").get(0).get("lastStatus").asText());
        ok("stop-task", "--cluster", cluster, "--task", tasks.get(1).get("taskArn").asText());
        assertEquals(0, running().size());
    }

    @Test
    void aServiceRunsItsDesiredCountAndFollowsUpdatesInTheGuidesSpelling() throws Exception {
        ok("create-cluster", "--cluster-name", cluster);
        registerSleeper();
        Run created = ok("create-service", "--cluster", cluster, "--service-name", "web", "--task-definition", cluster,
                "--desired-count", "1", "--launch-type", "FARGATE");
        assertEquals(1, created.json().get("service").get("desiredCount").asInt());
        assertEquals(1, running().size());
        ok("update-service", "--cluster", cluster, "--service-name", "web", "--desired-count", "2");
        assertEquals(2, running().size());
        assertEquals(2, ok("list-tasks", "--cluster", cluster, "--service-name", "web").json().get("taskArns").size());
        Run described = ok("describe-services", "--cluster", cluster, "--service", "web");
        assertEquals(2, described.json().get("services").get(0).get("runningCount").asInt());
        Run table = ok("describe-services", "--cluster", cluster, "--services", "web", "--output", "table");
        assertTrue(table.out().contains("DescribeServices"), table.out());
        ok("delete-service", "--cluster", cluster, "--service-name", "web", "--force");
        assertEquals(0, running().size());
        ok("delete-cluster", "--cluster", cluster);
    }
}
