package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import dev.berth.ecs.runtime.ContainerInfo;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What plan shows before it changes anything: the placement of a new task definition revision
 * (its ARN unknown until apply), and ECS's "unable to place" error for a running FARGATE service
 * turned EC2 in a cluster without container instances, which leaves its tasks running.
 */
class Ec2PreviewIT extends ClusterFixture {
    private void write(String launchType, boolean instance, int memory) throws Exception {
        Files.writeString(dir.resolve("main.hcl"), """
                resource "ecs_cluster" "main" {
                  name = "%1$s"
                }
                %2$s
                resource "ecs_task_definition" "app" {
                  family                   = "%1$s-app"
                  network_mode             = "%3$s"
                  requires_compatibilities = ["%4$s"]
                  container {
                    name        = "app"
                    image       = "berth-example/busybox:latest"
                    memory      = %5$d
                    entry_point = ["/bin/sh", "-c"]
                    command     = ["sleep 600"]
                  }
                }

                resource "ecs_service" "app" {
                  name            = "app"
                  cluster         = ecs_cluster.main.id
                  task_definition = ecs_task_definition.app.arn
                  desired_count   = 2
                  launch_type     = "%4$s"
                }
                """.formatted(cluster, instance ? """
                resource "ecs_container_instance" "a" {
                  cluster    = ecs_cluster.main.id
                  cpu        = 1024
                  memory     = 256
                  attributes = { "ecs.availability-zone" = "zone-a" }
                }
                """ : "", launchType.equals("EC2") ? "bridge" : "awsvpc", launchType, memory));
    }

    private List<ContainerInfo> running() {
        return DockerEngine.containersOf(docker, cluster).stream().filter(ContainerInfo::running).toList();
    }

    @Test
    void aNewRevisionShowsItsPlacementOrWhyItCannotBePlaced() throws Exception {
        write("EC2", true, 32);
        CliRun applied = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(0, applied.exitCode(), applied::toString);

        write("EC2", true, 64);
        CliRun plan = CliRun.in(dir, "plan");
        assertEquals(0, plan.exitCode(), plan::toString);
        assertTrue(plan.out().contains("# placement: 2 tasks -> "), plan::toString);
        assertTrue(!plan.out().contains("decided at apply"), plan::toString);

        write("EC2", true, 200);
        CliRun tooBig = CliRun.in(dir, "plan");
        assertEquals(1, tooBig.exitCode(), tooBig::toString);
        assertTrue(tooBig.err().contains("service app was unable to place a task because no container instance met all "
                + "of its requirements."), tooBig::toString);
    }

    @Test
    void turningARunningFargateServiceEc2WithoutInstancesIsAPlanErrorAndNothingStops() throws Exception {
        write("FARGATE", false, 32);
        CliRun applied = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(0, applied.exitCode(), applied::toString);
        List<String> before = running().stream().map(ContainerInfo::id).sorted().toList();
        assertEquals(2, before.size());

        write("EC2", false, 32);
        CliRun apply = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(1, apply.exitCode(), apply::toString);
        assertTrue(apply.err().contains("service app was unable to place a task because no container instance met all "
                + "of its requirements. Reason: No Container Instances were found in your cluster."), apply::toString);
        assertTrue(!apply.out().contains("Destroying..."), apply::toString);
        assertEquals(before, running().stream().map(ContainerInfo::id).sorted().toList(), "the FARGATE tasks still run");
    }

    @Override
    String[] destroyArgs() {
        return new String[]{"destroy", "-auto-approve", "-lock-timeout=30s"};
    }
}
