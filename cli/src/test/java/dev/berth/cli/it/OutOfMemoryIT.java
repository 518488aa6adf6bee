package dev.berth.cli.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.cli.CliRun;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fault: the kernel kills a container for exceeding its {@code memory} limit. The task stops
 * in ECS's words (EssentialContainerExited, "Essential container in task exited"; the container
 * "OutOfMemoryError: Container killed due to memory usage" with exit code 137), for a RunTask
 * task and a service's task alike, and a service's task is replaced by the next apply. The
 * container allocates 200 MiB through a pipe under a 32 MiB limit, two seconds after it starts
 * (so its start succeeds) and only once per test: a file in a host directory marks that it did.
 */
class OutOfMemoryIT extends FaultFixture {
    static final String OOM_REASON = "OutOfMemoryError: Container killed due to memory usage";

    private void write() throws Exception {
        Files.writeString(dir.resolve("main.hcl"), """
                resource "ecs_cluster" "main" {
                  name = "%s"
                }

                resource "ecs_container_instance" "local" {
                  cluster = ecs_cluster.main.id
                  cpu     = 1024
                  memory  = 1024
                }

                resource "ecs_task_definition" "hog" {
                  family                   = "%s-hog"
                  network_mode             = "bridge"
                  requires_compatibilities = ["EC2"]
                  volume {
                    name      = "marks"
                    host_path = abspath("${path.module}/marks")
                  }
                  container {
                    name        = "hog"
                    image       = "berth-example/busybox:latest"
                    memory      = 32
                    entry_point = ["/bin/sh", "-c"]
                    command     = ["[ -e /marks/done ] && exec sleep 600; touch /marks/done; sleep 2; head -c 200m /dev/zero | tail"]
                    mount_points {
                      source_volume  = "marks"
                      container_path = "/marks"
                    }
                  }
                }

                resource "ecs_service" "hog" {
                  name            = "hog"
                  cluster         = ecs_cluster.main.id
                  task_definition = ecs_task_definition.hog.arn
                  desired_count   = var.count
                  launch_type     = "EC2"
                  depends_on      = [ecs_container_instance.local]
                }

                variable "count" {
                  type = number
                }
                """.formatted(cluster, cluster));
        Files.createDirectories(dir.resolve("marks"));
    }

    @Override
    String[] destroyArgs() {
        return new String[]{"destroy", "-auto-approve", "-lock-timeout=30s", "-var=count=0"};
    }

    private static boolean stopped(JsonNode task) {
        return "STOPPED".equals(task.get("lastStatus").asText());
    }

    private static void assertKilledForMemory(JsonNode task) {
        assertEquals("STOPPED", task.get("lastStatus").asText(), task::toString);
        assertEquals("EssentialContainerExited", task.get("stopCode").asText(), task::toString);
        assertEquals("Essential container in task exited", task.get("stoppedReason").asText(), task::toString);
        JsonNode hog = task.get("containers").get(0);
        assertEquals(OOM_REASON, hog.path("reason").asText(), task::toString);
        assertEquals(137, hog.path("exitCode").asInt(), task::toString);
    }

    @Test
    void aRunTaskTaskKilledForItsMemoryStopsInEcsWords() throws Exception {
        write();
        CliRun applied = CliRun.in(dir, "apply", "-auto-approve", "-var=count=0");
        assertEquals(0, applied.exitCode(), applied::toString);

        String arn = ecs("run-task", "--cluster", cluster, "--task-definition", cluster + "-hog",
                "--launch-type", "EC2").get("tasks").get(0).get("taskArn").asText();
        JsonNode task = describeUntil(arn, OutOfMemoryIT::stopped, 20);
        assertKilledForMemory(task);
        assertEquals(List.of(), containers(), "the stopped task's container is removed");
        assertKilledForMemory(describeTask(arn));
    }

    @Test
    void aServiceTaskKilledForItsMemoryIsShownInEcsWordsAndReplaced() throws Exception {
        write();
        CliRun applied = CliRun.in(dir, "apply", "-auto-approve", "-var=count=1");
        assertEquals(0, applied.exitCode(), applied::toString);
        String first = taskArns().get(0);

        // Before anything replaces it, the task is described as its engine shows it.
        assertKilledForMemory(describeUntil(first, OutOfMemoryIT::stopped, 20));

        CliRun repaired = CliRun.in(dir, "apply", "-auto-approve", "-var=count=1");
        assertEquals(0, repaired.exitCode(), repaired::toString);
        List<String> now = taskArns();
        assertEquals(1, now.size(), now::toString);
        assertNotEquals(first, now.get(0), "the killed task is replaced");
        assertEquals(1, running().size());
        assertTrue(containers().stream().noneMatch(c -> first.equals(c.labels().get("dev.berth.task-arn"))),
                "the killed task's container is removed");
        // Its end survives its container.
        assertKilledForMemory(describeTask(first));
        assertConverged("-var=count=1");
    }
}
