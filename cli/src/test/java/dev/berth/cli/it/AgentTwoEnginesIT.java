package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent with two container instances on two real engines: when the second engine stops,
 * its instance is recorded disconnected and its tasks start on the first; when it comes back,
 * the containers of the replaced tasks are removed from it.
 */
class AgentTwoEnginesIT extends TwoEngineFixture {
    @BeforeEach
    void writeConfig() throws Exception {
        Files.writeString(dir.resolve("main.hcl"), """
                resource "ecs_cluster" "main" {
                  name = "%1$s"
                }
                resource "ecs_container_instance" "a" {
                  cluster    = ecs_cluster.main.id
                  cpu        = 2048
                  memory     = 1024
                  attributes = { "ecs.availability-zone" = "zone-a" }
                }
                resource "ecs_container_instance" "b" {
                  cluster     = ecs_cluster.main.id
                  docker_host = "%2$s"
                  cpu         = 2048
                  memory      = 1024
                  attributes  = { "ecs.availability-zone" = "zone-b" }
                }
                resource "ecs_task_definition" "web" {
                  family                   = "%1$s-web"
                  network_mode             = "bridge"
                  requires_compatibilities = ["EC2"]
                  container {
                    name    = "web"
                    image   = "berth-example/busybox:latest"
                    cpu     = 128
                    memory  = 64
                    command = ["sleep", "3600"]
                  }
                }
                resource "ecs_service" "web" {
                  name            = "web"
                  cluster         = ecs_cluster.main.id
                  task_definition = ecs_task_definition.web.arn
                  desired_count   = 4
                  launch_type     = "EC2"
                  depends_on      = [ecs_container_instance.a, ecs_container_instance.b]
                  deployment_minimum_healthy_percent = 50
                }
                """.formatted(cluster, engine.unixHost()));
    }

    /** The test stops the second engine; it must answer again for the destroy. */
    @Override
    void beforeDestroy() {
        engine.start();
    }

    @Test
    void movesTasksOffAStoppedEngineAndCleansItWhenItReturns() throws Exception {
        CliRun apply = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(0, apply.exitCode(), apply::toString);
        assertEquals(2, running(local).size());
        assertEquals(2, running(second).size());
        List<String> stale = running(second).stream().map(c -> c.labels().get("dev.berth.task-arn")).toList();

        try (AgentProcess agent = AgentProcess.start(dir)) {
            engine.stop();
            await(() -> running(local).size() == 4, Duration.ofSeconds(40), "four tasks on the first engine", agent);
            agent.await(l -> l.contains("service web: 4 tasks running; state saved"), Duration.ofSeconds(10));
            CliRun b = CliRun.in(dir, "state", "show", "ecs_container_instance.b");
            assertTrue(b.out().matches("(?s).*agent_connected\\s+= false.*"), b.toString());
            CliRun web = CliRun.in(dir, "state", "show", "ecs_service.web");
            for (String task : stale) assertTrue(web.out().contains(task), "the lost task is recorded STOPPED: " + web);
            assertTrue(web.out().contains("Container instance agent disconnected"), web.toString());

            engine.start();
            await(() -> DockerEngine.containersOf(second, cluster).isEmpty(), Duration.ofSeconds(40),
                    "the replaced tasks' containers removed from the returning engine", agent);
            agent.await(l -> l.contains("answers again"), Duration.ofSeconds(5));
            await(() -> CliRun.in(dir, "state", "show", "ecs_container_instance.b").out()
                    .matches("(?s).*agent_connected\\s+= true.*"), Duration.ofSeconds(40), "instance b connected", agent);
            assertEquals(4, running(local).size(), "the tasks stay where they were replaced");
            assertEquals(0, agent.terminate(Duration.ofSeconds(5)), agent.output());
        }
    }

    private static void await(BooleanSupplier done, Duration within, String what, AgentProcess agent)
            throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            try {
                if (done.getAsBoolean()) return;
            } catch (RuntimeException engineAway) {
                // An engine that is stopping or starting may refuse a listing; ask again.
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not within " + within + ": " + what + "; the agent printed:\n" + agent.output());
    }
}
