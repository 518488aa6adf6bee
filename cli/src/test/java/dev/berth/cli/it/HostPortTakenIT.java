package dev.berth.cli.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.cli.CliRun;
import dev.berth.ecs.runtime.ContainerInfo;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fault: a static host port a task asks for is held by a process outside berth (here a plain
 * listening socket on 127.0.0.1). apply and run-task name the port and the container in one
 * sentence, nothing is left running, and once the port is free the next apply recovers.
 */
class HostPortTakenIT extends FaultFixture {
    @Test
    void portHeldOutsideBerthFailsInOneSentenceAndTheNextApplyRecoversOnceFree() throws Exception {
        ServerSocket held = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        int port = held.getLocalPort();
        try {
            Files.writeString(dir.resolve("main.hcl"), """
                    resource "ecs_cluster" "main" {
                      name = "%s"
                    }

                    resource "ecs_container_instance" "local" {
                      cluster = ecs_cluster.main.id
                      cpu     = 1024
                      memory  = 1024
                    }

                    resource "ecs_task_definition" "web" {
                      family                   = "%s-web"
                      network_mode             = "bridge"
                      requires_compatibilities = ["EC2"]
                      container {
                        name        = "web"
                        image       = "berth-example/busybox:latest"
                        memory      = 32
                        entry_point = ["/bin/sh", "-c"]
                        command     = ["exec httpd -f -p 80"]
                        port_mappings {
                          container_port = 80
                          host_port      = %d
                        }
                      }
                    }

                    resource "ecs_service" "web" {
                      name            = "web"
                      cluster         = ecs_cluster.main.id
                      task_definition = ecs_task_definition.web.arn
                      desired_count   = 1
                      launch_type     = "EC2"
                      depends_on      = [ecs_container_instance.local]
                    }
                    """.formatted(cluster, cluster, port));
            String sentence = "Host port 127.0.0.1:" + port + " is already in use, so container \"web\" of task ";

            CliRun failed = CliRun.in(dir, "apply", "-auto-approve");
            assertEquals(1, failed.exitCode(), failed::toString);
            assertTrue(failed.err().contains(sentence), failed::toString);
            assertTrue(failed.err().contains(" cannot publish port 80."), failed::toString);
            FailuresIT.assertNoStackTrace(failed);
            assertEquals(List.of(), containers(), "no container is left behind");
            assertEquals(List.of(), taskArns(), "no task runs");
            JsonNode task = describeTask(taskArns("--desired-status", "STOPPED").get(0));
            assertEquals("TaskFailedToStart", task.get("stopCode").asText(), task::toString);
            assertTrue(task.get("stoppedReason").asText().startsWith(sentence), task::toString);
            JsonNode instance = ecs("describe-container-instances", "--cluster", cluster, "--container-instances",
                    ecs("list-container-instances", "--cluster", cluster).get("containerInstanceArns").get(0).asText())
                    .get("containerInstances").get(0);
            assertEquals(0, instance.get("runningTasksCount").asInt(), "nothing holds the instance's room");

            JsonNode run = ecs("run-task", "--cluster", cluster, "--task-definition", cluster + "-web",
                    "--launch-type", "EC2").get("tasks").get(0);
            assertEquals("STOPPED", run.get("lastStatus").asText(), run::toString);
            assertEquals("TaskFailedToStart", run.get("stopCode").asText(), run::toString);
            assertTrue(run.get("stoppedReason").asText().startsWith(sentence), run::toString);
            assertEquals(List.of(), containers(), "run-task leaves no container either");

            held.close();
            CliRun recovered = CliRun.in(dir, "apply", "-auto-approve");
            assertEquals(0, recovered.exitCode(), recovered::toString);
            List<ContainerInfo> up = running();
            assertEquals(1, up.size(), "the service runs once the port is free");
            assertEquals(port, up.get(0).ports().get(0).hostPort());
            assertConverged();
        } finally {
            held.close();
        }
    }
}
