package dev.berth.cli.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.ecs.api.ClusterCalls.CreateClusterRequest;
import dev.berth.ecs.api.ClusterCalls.DeleteClusterRequest;
import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.InstanceCalls.DeregisterContainerInstanceRequest;
import dev.berth.ecs.api.InstanceCalls.RegisterContainerInstanceRequest;
import dev.berth.ecs.api.ServiceCalls.CreateServiceRequest;
import dev.berth.ecs.api.ServiceCalls.DeleteServiceRequest;
import dev.berth.ecs.api.ServiceCalls.UpdateServiceRequest;
import dev.berth.ecs.api.Shapes.Attribute;
import dev.berth.ecs.api.Shapes.Resource;
import dev.berth.ecs.api.TaskCalls.ListTasksRequest;
import dev.berth.ecs.api.TaskCalls.StopTaskRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.RegisterTaskDefinitionRequest;
import dev.berth.ecs.http.EcsHttpClient;
import dev.berth.ecs.runtime.docker.DockerRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * berth server's console in a real headless Chromium: the page loads and draws the cluster's two
 * zones and instances; scaling a service from 2 to 4 shows 4 running tasks without the page
 * being reloaded; a task stopped with a reason shows that reason; a task opened shows its
 * containers and the tail of its logs. One server and one browser serve the whole class; the
 * page is photographed at the end, whatever happened, to
 * {@code cli/target/console-it/console.png} (CI keeps it as an artifact).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {
    static final Path SCREENSHOT = Path.of("target", "console-it", "console.png");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String STOP_REASON = "Stopped by the console test";

    private Path dir;
    private DockerRuntime docker;
    private ServerProcess server;
    private Chromium browser;
    private EcsApi api;
    private String cluster;
    private final List<String> instances = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        docker = DockerEngine.require();
        dir = Files.createTempDirectory("berth-console-it-");
        cluster = "console-" + UUID.randomUUID().toString().substring(0, 6);
        server = ServerProcess.start(dir.resolve("ecs.db"));
        api = EcsHttpClient.connect(server.endpoint());
        browser = Chromium.start();
        api.createCluster(new CreateClusterRequest(cluster, null, null));
        for (String[] zone : new String[][]{{"us-east-1a", "m5.large", "2048"}, {"us-east-1b", "c5.xlarge", "4096"}}) {
            instances.add(api.registerContainerInstance(new RegisterContainerInstanceRequest(cluster,
                    List.of(Resource.integer("CPU", Integer.parseInt(zone[2])), Resource.integer("MEMORY", 3072)), null,
                    null, List.of(new Attribute("ecs.availability-zone", zone[0]), new Attribute("ecs.instance-type", zone[1])),
                    null, null, null)).containerInstance().containerInstanceArn());
        }
        api.registerTaskDefinition(definition("web", "bridge", "EC2", "echo hello from the web task"));
        api.registerTaskDefinition(definition("worker", "awsvpc", "FARGATE", "echo worker ready"));
        api.createService(new CreateServiceRequest(cluster, "web", "web", 2, null, "EC2", null, null, null, null, null));
        api.createService(new CreateServiceRequest(cluster, "worker", "worker", 1, null, "FARGATE", null, null, null, null, null));
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (browser != null) {
                try {
                    System.out.println("Console screenshot: " + browser.screenshot(SCREENSHOT).toAbsolutePath());
                } finally {
                    browser.close();
                }
            }
        } finally {
            try {
                if (api != null) {
                    for (String s : List.of("web", "worker")) {
                        try {
                            api.deleteService(new DeleteServiceRequest(cluster, s, true));
                        } catch (RuntimeException gone) {
                            // never created, or already gone
                        }
                    }
                }
                if (server != null) server.close();
            } finally {
                if (docker != null) {
                    DockerEngine.cleanUp(docker, cluster);
                    // Whatever the server's loop started while it was being stopped goes too.
                    for (var c : DockerEngine.containersOf(docker, cluster)) DockerEngine.cli("rm", "-f", c.id());
                    docker.removeNetwork("berth-" + cluster);
                    docker.close();
                }
                if (dir != null) {
                    try (var files = Files.walk(dir)) {
                        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                    }
                }
            }
        }
    }

    @Test
    @Order(1)
    void thePageLoadsAndDrawsTheClusterItsZonesAndItsInstances() throws Exception {
        browser.open(server.endpoint() + "/");
        browser.await("the cluster in its navigation", "return [...document.querySelectorAll('[data-cluster]')]"
                + ".map(e => e.getAttribute('data-cluster'));", v -> v.toString().contains(cluster), WAIT);
        JsonNode zones = browser.execute("return [...document.querySelectorAll('.lane')].map(e => e.getAttribute('data-zone'));");
        assertTrue(zones.toString().contains("us-east-1a") && zones.toString().contains("us-east-1b"), zones::toString);
        JsonNode boxes = browser.execute("return document.querySelectorAll('.box:not(.fargate)').length;");
        assertEquals(2, boxes.asInt(), "one box per container instance");
        browser.await("2 running web tasks", runningOf("web"), v -> v.asInt() == 2, WAIT);
    }

    @Test
    @Order(2)
    void aServiceScaledFromTwoToFourShowsFourTasksWithoutAReload() throws Exception {
        long loadedAt = browser.execute("return window.__consoleLoadedAt;").asLong();
        browser.await("2 running web tasks", runningOf("web"), v -> v.asInt() == 2, WAIT);
        api.updateService(new UpdateServiceRequest(cluster, "web", 4, null, null, null, null, null));
        browser.await("4 running web tasks", runningOf("web"), v -> v.asInt() == 4, WAIT);
        JsonNode chips = browser.execute("return document.querySelectorAll('.box:not(.fargate) .chip').length;");
        assertTrue(chips.asInt() >= 4, "the 4 web tasks are drawn inside the instance boxes: " + chips);
        browser.await("the service's counts 4 of 4", "const c = document.querySelector('.card[data-service=\"web\"]');"
                + " return c && c.getAttribute('data-desired') + '/' + c.getAttribute('data-running');",
                v -> v.asText().equals("4/4"), WAIT);
        assertEquals(loadedAt, browser.execute("return window.__consoleLoadedAt;").asLong(), "the page was not reloaded");
    }

    @Test
    @Order(3)
    void aStoppedTaskShowsItsStopReason() throws Exception {
        String task = api.listTasks(new ListTasksRequest(cluster, null, null, null, null, null, "web", "RUNNING", null))
                .taskArns().get(0);
        String id = task.substring(task.lastIndexOf('/') + 1);
        api.stopTask(new StopTaskRequest(cluster, task, STOP_REASON));
        String row = "const r = document.querySelector('#tasks tr.task[data-task-id=\"" + id + "\"]');";
        browser.await("the stopped task's reason", row + " return r ? r.getAttribute('data-status') + ' | '"
                + " + r.querySelector('[data-stop-reason]').textContent : 'absent';",
                v -> v.asText().equals("STOPPED | UserInitiated: " + STOP_REASON), WAIT);
        browser.await("4 running web tasks again", runningOf("web"), v -> v.asInt() == 4, WAIT);
    }

    @Test
    @Order(4)
    void anOpenedTaskShowsItsContainersAndTheTailOfItsLogs() throws Exception {
        browser.execute("document.querySelector('#tasks tr.task[data-service=\"web\"][data-status=\"RUNNING\"]').click();");
        browser.await("the web task's log line", "const p = document.querySelector('pre.logs'); return p ? p.textContent : '';",
                v -> v.asText().contains("hello from the web task"), WAIT);
        JsonNode containers = browser.execute("return [...document.querySelectorAll('tr.detail table tr td b')].map(b => b.textContent);");
        assertEquals("[\"web\"]", containers.toString());
    }

    @Test
    @Order(5)
    void clusterShowPrintsTheSamePictureFromTheServer() throws Exception {
        try (BerthProcess show = BerthProcess.startWith(Map.of("COLUMNS", "160"), "cluster", "show", cluster,
                "--endpoint-url", server.endpoint())) {
            assertEquals(0, show.exitCode(WAIT), show.output());
            String text = show.output();
            assertTrue(text.startsWith("Cluster " + cluster + " (ACTIVE): 2 instances, 2 services, 5 running"), text);
            assertTrue(text.contains("\nzone us-east-1a\n") && text.contains("\nzone us-east-1b\n"), text);
            assertTrue(text.contains("| CPU ["), "plain ASCII bars when not a terminal:\n" + text);
            assertEquals(4, text.lines().filter(l -> l.matches("\\|.* web [0-9a-f]{8} RUNNING .*")).count(), text);
            assertTrue(text.contains("UserInitiated: " + STOP_REASON), text);
        }
    }

    private static String runningOf(String service) {
        return "return document.querySelectorAll('#tasks tr.task[data-service=\"" + service + "\"][data-status=\"RUNNING\"]').length;";
    }

    private RegisterTaskDefinitionRequest definition(String family, String networkMode, String compatibility, String greeting) {
        Map<String, Object> container = Map.of("name", family, "image", "berth-example/busybox:latest", "essential", true,
                "memory", 64, "cpu", 256,
                "entryPoint", List.of("/bin/sh", "-c"),
                "command", List.of(greeting + "; trap 'exit 0' TERM; sleep 600 & wait"),
                "logConfiguration", Map.of("logDriver", "awslogs", "options", Map.of("awslogs-group", "/console-it/" + cluster,
                        "awslogs-create-group", "true", "awslogs-stream-prefix", family, "awslogs-region", "local")));
        return new RegisterTaskDefinitionRequest(family, null, null, networkMode, List.of(container), null,
                List.of(compatibility), "FARGATE".equals(compatibility) ? "256" : null,
                "FARGATE".equals(compatibility) ? "512" : null, null);
    }
}
