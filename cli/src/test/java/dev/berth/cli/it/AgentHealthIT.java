package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A container whose health check always fails ({@code exit 1}, checked every 5 s, one retry)
 * turns unhealthy; the agent stops its task with ECS's reason and starts another.
 */
class AgentHealthIT extends ClusterFixture {
    @BeforeEach
    void writeConfig() throws Exception {
        Files.writeString(dir.resolve("main.hcl"), """
                resource "ecs_cluster" "main" {
                  name = "%s"
                }
                resource "ecs_task_definition" "sick" {
                  family                   = "sick"
                  cpu                      = 256
                  memory                   = 512
                  network_mode             = "awsvpc"
                  requires_compatibilities = ["FARGATE"]
                  container {
                    name    = "app"
                    image   = "berth-example/busybox:latest"
                    command = ["sleep", "3600"]
                    health_check {
                      command  = ["CMD-SHELL", "exit 1"]
                      interval = 5
                      timeout  = 2
                      retries  = 1
                    }
                  }
                }
                resource "ecs_service" "sick" {
                  name            = "sick"
                  cluster         = ecs_cluster.main.id
                  task_definition = ecs_task_definition.sick.arn
                  desired_count   = 1
                }
                """.formatted(cluster));
    }

    @Test
    void replacesATaskWhoseContainerTurnsUnhealthy() throws Exception {
        CliRun applied = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(0, applied.exitCode(), applied.toString());
        String inspect = DockerEngine.cli("inspect", "--format", "{{json .Config.Healthcheck}}",
                DockerEngine.containersOf(docker, cluster).get(0).id());
        assertTrue(inspect.contains("\"Interval\":5000000000") && inspect.contains("\"Retries\":1"), inspect);
        try (AgentProcess agent = AgentProcess.start(dir)) {
            String stopped = agent.await(l -> l.contains("STOPPED (ServiceSchedulerInitiated: Task failed container "
                    + "health checks); starting a replacement"), Duration.ofSeconds(30));
            String task = stopped.substring(stopped.indexOf("task arn:") + 5, stopped.indexOf(" STOPPED"));
            agent.await(l -> l.contains("service sick: 1 tasks running; state saved"), Duration.ofSeconds(15));
            CliRun show = CliRun.in(dir, "state", "show", "ecs_service.sick");
            assertTrue(show.out().contains(task) && show.out().contains(
                    "\"stopped_reason\" = \"Task failed container health checks\""), show.toString());
            assertTrue(DockerEngine.containersOf(docker, cluster).stream()
                    .noneMatch(c -> task.equals(c.labels().get("dev.berth.task-arn"))), "the unhealthy task's "
                    + "container must be gone");
            assertEquals(0, agent.terminate(Duration.ofSeconds(5)), agent.output());
        }
    }
}
