package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import dev.berth.ecs.runtime.ContainerInfo;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An EC2 service, its cluster and two container instances on the local engine, written without
 * depends_on and with the service naming its cluster by a plain string: apply registers the
 * instances before the service places its tasks, and destroy deletes the service before the
 * instances and the cluster its tasks run on.
 */
class Ec2OrderIT extends ClusterFixture {

    @Test
    void applyAndDestroyOrderTheServiceAfterItsInstancesWithoutDependsOn() throws Exception {
        Files.writeString(dir.resolve("main.hcl"), """
                resource "ecs_cluster" "main" {
                  name = "%1$s"
                }

                resource "ecs_container_instance" "a" {
                  cluster    = ecs_cluster.main.name
                  cpu        = 1024
                  memory     = 256
                  attributes = { "ecs.availability-zone" = "zone-a" }
                }

                resource "ecs_container_instance" "b" {
                  cluster    = ecs_cluster.main.arn
                  cpu        = 1024
                  memory     = 256
                  attributes = { "ecs.availability-zone" = "zone-b" }
                }

                resource "ecs_task_definition" "app" {
                  family       = "%1$s-app"
                  network_mode = "bridge"
                  container {
                    name        = "app"
                    image       = "berth-example/busybox:latest"
                    memory      = 32
                    entry_point = ["/bin/sh", "-c"]
                    command     = ["sleep 600"]
                  }
                }

                resource "ecs_service" "app" {
                  name            = "app"
                  cluster         = "%1$s"
                  task_definition = ecs_task_definition.app.arn
                  desired_count   = 2
                  launch_type     = "EC2"
                  placement_constraints { type = "distinctInstance" }
                }
                """.formatted(cluster));

        CliRun applied = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(0, applied.exitCode(), applied::toString);
        List<ContainerInfo> running = DockerEngine.containersOf(docker, cluster).stream()
                .filter(ContainerInfo::running).toList();
        assertEquals(2, running.size(), applied::toString);
        assertEquals(2, running.stream().map(c -> c.labels().get("dev.berth.container-instance")).distinct().count(),
                "one task on each instance");

        CliRun destroyed = CliRun.in(dir, "destroy", "-auto-approve");
        assertEquals(0, destroyed.exitCode(), destroyed::toString);
        assertTrue(destroyed.out().contains("Destroy complete! Resources: 5 destroyed."), destroyed::toString);
        assertEquals(List.of(), DockerEngine.containersOf(docker, cluster), "no container is left");
        CliRun list = CliRun.in(dir, "state", "list");
        assertEquals("", list.out().strip(), "nothing is left in the state");
    }
}
