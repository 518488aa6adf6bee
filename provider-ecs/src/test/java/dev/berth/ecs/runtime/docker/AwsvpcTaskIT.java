package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.PortBinding;
import dev.berth.ecs.runtime.PublishedPort;
import dev.berth.ecs.runtime.TaskLaunch;
import dev.berth.ecs.testing.NoStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A two-container Fargate-style task on the real engine, from start to stop. */
@Tag(NoStore.TAG)
class AwsvpcTaskIT extends EngineFixture {
    private static final System.Logger LOG = System.getLogger(AwsvpcTaskIT.class.getName());
    private static final long MIB = 1024L * 1024L;

    private TaskLaunch webWithSidecar(String arn) {
        ContainerLaunch web = new ContainerLaunch("web", TestEngine.IMAGE, 256, 64, 32,
                List.of(new PortBinding(80, 0, "tcp")), Map.of("GREETING", "hello from berth"), null,
                List.of("sh", "-c", "mkdir -p /www && echo \"$GREETING\" > /www/index.html && exec httpd -f -p 80 -h /www"),
                true);
        ContainerLaunch sidecar = new ContainerLaunch("sidecar", TestEngine.IMAGE, 128, null, 16, List.of(),
                Map.of(), List.of("sleep"), List.of("3600"), false);
        return engine.task(arn, "awsvpc", web, sidecar);
    }

    @Test
    void startsBothContainersInOneNamespaceAndServesHttpOnLoopback() throws Exception {
        String arn = engine.newTaskArn();
        long t0 = System.nanoTime();
        List<ContainerInfo> started = engine.runtime.startTask(webWithSidecar(arn));
        LOG.log(System.Logger.Level.INFO, "startTask of a 2-container awsvpc task took {0} ms",
                (System.nanoTime() - t0) / 1_000_000);

        assertEquals(2, started.size());
        ContainerInfo web = started.get(0);
        ContainerInfo sidecar = started.get(1);
        assertTrue(web.running() && sidecar.running());
        String shortId = arn.substring(arn.lastIndexOf('/') + 1, arn.lastIndexOf('/') + 13);
        assertEquals("berth-" + shortId + "-web", web.name());
        assertEquals("berth-" + shortId + "-sidecar", sidecar.name());
        assertEquals(1, web.ports().size());
        PublishedPort port = web.ports().get(0);
        assertEquals(80, port.containerPort());
        assertEquals("127.0.0.1", port.hostIp());
        assertTrue(port.hostPort() > 0);
        assertEquals(List.of(), sidecar.ports(), "joined containers publish nothing themselves");

        assertEquals("hello from berth", httpGet(port.hostPort()).strip());
        // The sidecar shares web's namespace, so web's httpd answers on the sidecar's localhost.
        assertEquals("hello from berth", engine.exec(sidecar.id(), "wget", "-qO-", "http://127.0.0.1:80/").strip());

        InspectContainerResponse webRaw = engine.raw.inspectContainerCmd(web.id()).exec();
        InspectContainerResponse sideRaw = engine.raw.inspectContainerCmd(sidecar.id()).exec();
        assertEquals(256, webRaw.getHostConfig().getCpuShares());
        assertEquals(64 * MIB, webRaw.getHostConfig().getMemory());
        assertEquals(32 * MIB, webRaw.getHostConfig().getMemoryReservation());
        assertEquals(128, sideRaw.getHostConfig().getCpuShares());
        assertEquals(0L, sideRaw.getHostConfig().getMemory());
        assertEquals(16 * MIB, sideRaw.getHostConfig().getMemoryReservation());
        assertEquals(engine.networkName(), webRaw.getHostConfig().getNetworkMode());
        assertEquals("container:" + web.id(), sideRaw.getHostConfig().getNetworkMode());
        // docker-java sends "no" as an empty name, which dockerd reads as "never restart".
        assertTrue(List.of("", "no").contains(webRaw.getHostConfig().getRestartPolicy().getName()));
        assertEquals(List.of("sleep"), List.of(sideRaw.getConfig().getEntrypoint()));
        assertEquals(List.of("3600"), List.of(sideRaw.getConfig().getCmd()));
        assertTrue(List.of(webRaw.getConfig().getEnv()).contains("GREETING=hello from berth"));
        Map<String, String> labels = webRaw.getConfig().getLabels();
        assertEquals(engine.runId, labels.get(TestEngine.RUN_LABEL));
        assertEquals("web", labels.get("dev.berth.container-name"));
        assertEquals(arn, labels.get("dev.berth.task-arn"));
        assertEquals("sidecar", sideRaw.getConfig().getLabels().get("dev.berth.container-name"));

        // What startTask reports agrees with what Docker enforces.
        assertEquals(256, web.cpuShares());
        assertEquals(64 * MIB, web.memoryBytes());
        assertEquals(32 * MIB, web.memoryReservationBytes());
        assertEquals("hello from berth", web.environment().get("GREETING"));
        assertEquals(engine.runId, web.labels().get(TestEngine.RUN_LABEL));
    }

    @Test
    void twoTasksWhoseHostPortIsTheirContainerPortRunSideBySide() throws Exception {
        // ECS fills an awsvpc hostPort in with the containerPort: it names the task's own address,
        // so two copies of the task on one engine each get a loopback port of their own.
        ContainerLaunch web = new ContainerLaunch("web", TestEngine.IMAGE, 128, 64, null,
                List.of(new PortBinding(80, 80, "tcp")), Map.of("GREETING", "same port, own address"), null,
                List.of("sh", "-c", "mkdir -p /www && echo \"$GREETING\" > /www/index.html && exec httpd -f -p 80 -h /www"),
                true);
        List<ContainerInfo> first = engine.runtime.startTask(engine.task(engine.newTaskArn(), "awsvpc", web));
        List<ContainerInfo> second = engine.runtime.startTask(engine.task(engine.newTaskArn(), "awsvpc", web));
        int a = first.get(0).ports().get(0).hostPort();
        int b = second.get(0).ports().get(0).hostPort();
        assertTrue(a > 0 && b > 0 && a != b, a + " and " + b);
        assertEquals("same port, own address", httpGet(a).strip());
        assertEquals("same port, own address", httpGet(b).strip());
    }

    @Test
    void stopTaskStopsAllContainersTogetherAndRemovesThem() {
        String arn = engine.newTaskArn();
        long t0 = System.nanoTime();
        engine.runtime.startTask(webWithSidecar(arn));
        LOG.log(System.Logger.Level.INFO, "startTask of a 2-container awsvpc task (warm JVM) took {0} ms",
                (System.nanoTime() - t0) / 1_000_000);
        assertEquals(2, engine.containersOf(arn).size());

        // busybox as PID 1 ignores SIGTERM, so both containers need the kill after the grace.
        t0 = System.nanoTime();
        engine.runtime.stopTask(arn, Duration.ofSeconds(2));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        LOG.log(System.Logger.Level.INFO, "stopTask of a 2-container task with a 2 s grace took {0} ms", millis);

        assertEquals(List.of(), engine.containersOf(arn));
        assertTrue(millis >= 1900, "the grace period is honoured before killing, took " + millis + " ms");
        assertTrue(millis < 3900, "containers are stopped in parallel, not one grace each, took " + millis + " ms");

        // Stopping a task that is already gone is not an error.
        engine.runtime.stopTask(arn, Duration.ofSeconds(1));
    }

    @Test
    void stopTaskWithoutGraceKillsAtOnceAndStopTaskOfExitedTaskWorks() {
        String arn = engine.newTaskArn();
        engine.runtime.startTask(webWithSidecar(arn));
        engine.raw.killContainerCmd(engine.containersOf(arn).stream()
                .filter(c -> c.getLabels().get("dev.berth.container-name").equals("sidecar"))
                .findFirst().orElseThrow().getId()).exec();

        long t0 = System.nanoTime();
        engine.runtime.stopTask(arn, Duration.ZERO);
        long millis = (System.nanoTime() - t0) / 1_000_000;

        assertEquals(List.of(), engine.containersOf(arn));
        assertTrue(millis < 1500, "no grace means no wait, took " + millis + " ms");
    }

    @Test
    void stopTaskSignalsFirstSoAContainerThatHandlesItStopsBeforeTheGraceEnds() {
        String arn = engine.newTaskArn();
        engine.runtime.startTask(engine.task(arn, "awsvpc", TestEngine.container("graceful", List.of(),
                "trap 'exit 0' TERM; while true; do sleep 0.1; done")));

        long t0 = System.nanoTime();
        engine.runtime.stopTask(arn, Duration.ofSeconds(20));
        long millis = (System.nanoTime() - t0) / 1_000_000;

        assertEquals(List.of(), engine.containersOf(arn));
        assertTrue(millis < 5000, "SIGTERM was delivered and handled, took " + millis + " ms");
    }

    private static String httpGet(int port) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }
}
