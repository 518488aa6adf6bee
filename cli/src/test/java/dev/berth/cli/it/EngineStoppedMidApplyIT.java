package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import dev.berth.cli.TestStores;
import dev.berth.ecs.api.TaskCalls.ListTasksRequest;
import dev.berth.ecs.control.ControlPlane;
import dev.berth.ecs.dockerd.SecondDockerd;
import dev.berth.ecs.runtime.docker.DockerRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Docker engine of a container instance is stopped in the middle of an apply that places a
 * service's tasks on it (a private dockerd, stopped as an operator would). The apply (a real
 * berth process) ends with one sentence naming the engine; the state opens, holds no lock and
 * names no half-made object; once the engine is started again the next apply recovers: the tasks
 * asked for run, each once, and the control plane's RUNNING tasks are exactly the containers
 * that run.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EngineStoppedMidApplyIT {
    private static final int TASKS = 3;
    private static SecondDockerd engine;
    private static DockerRuntime local;

    @TempDir
    Path dir;

    @BeforeAll
    static void startEngine() {
        local = DockerEngine.require();
        engine = SecondDockerd.plain();
    }

    @AfterAll
    static void stopEngine() {
        try {
            if (engine != null) engine.close();
        } finally {
            if (local != null) local.close();
        }
    }

    @Test
    void anEngineStoppedMidApplyIsOneSentenceAndTheNextApplyRecovers() throws Exception {
        String cluster = "stop-" + UUID.randomUUID().toString().substring(0, 8);
        Files.writeString(dir.resolve("main.hcl"), config(cluster, engine.unixHost()));
        try {
            String failed;
            try (BerthProcess apply = BerthProcess.start(dir, "apply", "-auto-approve", "-no-color")) {
                awaitFirstContainer(cluster);
                engine.stop();
                Integer code = apply.exitCode(Duration.ofSeconds(120));
                failed = apply.output();
                assertEquals(1, code, failed);
            }
            String failedRun = failed;
            assertFalse(failed.contains("Internal error") || failed.contains("\tat "), failed);
            List<String> errors = failed.lines().filter(l -> l.startsWith("Error: ")).toList();
            assertFalse(errors.isEmpty(), failed);
            System.out.println("the apply stopped mid-way said:\n" + String.join("\n", errors));
            assertTrue(errors.stream().allMatch(l -> l.contains(engine.unixHost())), "each error names the engine: "
                    + errors);

            // The state opens, is not left locked, and names what was made.
            CliRun list = CliRun.of("-chdir=" + dir, "state", "list");
            assertEquals(0, list.exitCode(), list::toString);
            assertTrue(list.out().contains("ecs_container_instance.remote"), list::toString);
            CliRun planWhileDown = CliRun.in(dir, "plan", "-lock-timeout=0s");
            assertFalse(planWhileDown.err().contains("Error acquiring the state lock"), planWhileDown::toString);

            engine.start();
            CliRun again = CliRun.in(dir, "apply", "-auto-approve");
            assertEquals(0, again.exitCode(), again::toString);
            CliRun plan = CliRun.in(dir, "plan", "-detailed-exitcode");
            assertEquals(0, plan.exitCode(), plan::toString);

            Set<String> running = runningTaskContainers(cluster);
            Set<String> recorded = runningTasks(cluster);
            assertEquals(TASKS, recorded.size(), () -> "the service runs what it asks for: " + recorded
                    + "\nfailed apply:\n" + failedRun + "\napply after restart:\n" + again + "\nservice:\n"
                    + CliRun.of("-chdir=" + dir, "state", "show", "ecs_service.app").out() + "\nengine:\n"
                    + engine.docker("ps", "-a", "--format", "{{.Names}} {{.Status}}").output());
            assertEquals(recorded, running, "RUNNING tasks are exactly the containers that run on the engine");
        } finally {
            if (!engine.running()) engine.start();
            CliRun.in(dir, "destroy", "-auto-approve", "-lock-timeout=30s");
            DockerEngine.cleanUp(local, cluster);
        }
    }

    /** Waits until the first container of the cluster exists on the private engine. */
    private static void awaitFirstContainer(String cluster) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            String ids = engine.docker("ps", "-aq", "--filter", "label=dev.berth.cluster="
                    + DockerEngine.clusterArn(cluster)).output().strip();
            if (!ids.isEmpty()) return;
            Thread.sleep(100);
        }
        throw new AssertionError("no container of " + cluster + " appeared on the engine");
    }

    /** Task ARNs of the app containers that run on the private engine. */
    private static Set<String> runningTaskContainers(String cluster) {
        String out = engine.docker("ps", "--filter", "label=dev.berth.cluster=" + DockerEngine.clusterArn(cluster),
                "--filter", "label=dev.berth.container-name=app", "--format", "{{.Label \"dev.berth.task-arn\"}}")
                .output().strip();
        return out.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(out.split("\\s+")));
    }

    /** RUNNING tasks of the service in the control plane. */
    private Set<String> runningTasks(String cluster) {
        // The control plane reads each task's containers on its own engine: the private one.
        try (var store = TestStores.openEcs(dir); DockerRuntime remote = DockerRuntime.connect(engine.unixHost())) {
            return new TreeSet<>(new ControlPlane(store, host -> host == null ? local : remote).listTasks(
                    new ListTasksRequest(cluster, null, null, null, null, null, "app", "RUNNING", null)).taskArns());
        }
    }

    /**
     * A service of three tasks on the private engine. Each task first runs "init" for a second,
     * and "app" starts once it has exited, so placing the tasks takes long enough to stop the
     * engine in the middle.
     */
    private static String config(String cluster, String host) {
        return """
                resource "ecs_cluster" "main" {
                  name = "%1$s"
                }

                resource "ecs_container_instance" "remote" {
                  cluster     = ecs_cluster.main.id
                  docker_host = "%2$s"
                  cpu         = 1024
                  memory      = 512
                }

                resource "ecs_task_definition" "app" {
                  family                   = "%1$s-app"
                  network_mode             = "bridge"
                  requires_compatibilities = ["EC2"]
                  container {
                    name        = "init"
                    image       = "berth-example/busybox:latest"
                    memory      = 16
                    essential   = false
                    entry_point = ["/bin/sh", "-c"]
                    command     = ["sleep 1"]
                  }
                  container {
                    name        = "app"
                    image       = "berth-example/busybox:latest"
                    cpu         = 128
                    memory      = 32
                    entry_point = ["/bin/sh", "-c"]
                    command     = ["trap 'exit 0' TERM; while :; do sleep 1 & wait $!; done"]
                    depends_on {
                      container_name = "init"
                      condition      = "COMPLETE"
                    }
                  }
                }

                resource "ecs_service" "app" {
                  name            = "app"
                  cluster         = ecs_cluster.main.id
                  task_definition = ecs_task_definition.app.arn
                  desired_count   = %3$d
                  launch_type     = "EC2"
                  depends_on      = [ecs_container_instance.remote]
                }
                """.formatted(cluster, host, TASKS);
    }
}
