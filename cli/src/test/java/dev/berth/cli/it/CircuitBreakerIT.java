package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import dev.berth.ecs.runtime.ContainerInfo;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A deployment whose new tasks fail to start trips the circuit breaker; with rollback the
 * service returns to the last revision that ran, which keeps serving throughout.
 */
class CircuitBreakerIT extends ClusterFixture {
    private void write(String command) throws Exception {
        Files.writeString(dir.resolve("main.hcl"), """
                resource "ecs_cluster" "main" {
                  name = "%s"
                }

                resource "ecs_container_instance" "local" {
                  cluster    = ecs_cluster.main.id
                  cpu        = 2048
                  memory     = 2048
                  attributes = { "ecs.availability-zone" = "zone-a" }
                }

                resource "ecs_task_definition" "app" {
                  family                   = "%s-app"
                  network_mode             = "bridge"
                  requires_compatibilities = ["EC2"]
                  container {
                    name        = "app"
                    image       = "berth-example/busybox:latest"
                    memory      = 32
                    entry_point = ["/bin/sh", "-c"]
                    command     = ["%s"]
                  }
                }

                resource "ecs_service" "app" {
                  name            = "app"
                  cluster         = ecs_cluster.main.id
                  task_definition = ecs_task_definition.app.arn
                  desired_count   = 2
                  launch_type     = "EC2"
                  depends_on      = [ecs_container_instance.local]
                  deployment_circuit_breaker {
                    enable   = true
                    rollback = true
                  }
                }
                """.formatted(cluster, cluster, command));
    }

    private List<ContainerInfo> running() {
        return DockerEngine.containersOf(docker, cluster).stream().filter(ContainerInfo::running).toList();
    }

    @Test
    void failingTasksTripTheBreakerAndTheServiceRollsBack() throws Exception {
        write("sleep 600");
        CliRun good = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(0, good.exitCode(), good::toString);
        List<ContainerInfo> before = running();
        assertEquals(2, before.size());
        String goodRevision = before.get(0).labels().get("dev.berth.task-definition");
        assertTrue(goodRevision.endsWith(":1"), goodRevision);

        write("echo broken; exit 1");
        CliRun bad = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(1, bad.exitCode(), "a failed deployment is an error: " + bad);
        assertTrue(bad.err().contains("circuit breaker tripped and the service rolled back to " + goodRevision),
                bad::toString);

        List<ContainerInfo> after = running();
        assertEquals(2, after.size(), "the service still runs its desired count");
        assertTrue(after.stream().allMatch(c -> goodRevision.equals(c.labels().get("dev.berth.task-definition"))),
                "every running task is of the good revision: " + after);
        CliRun show = CliRun.of("-chdir=" + dir, "state", "show", "ecs_service.app");
        assertTrue(show.out().contains(goodRevision), "the state records the revision that runs: " + show);
        assertTrue(show.out().contains("circuit breaker") || show.out().contains("rolled back")
                || show.out().contains("rollback"), "the events tell what happened: " + show);
    }
}
