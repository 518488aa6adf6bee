package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import dev.berth.ecs.runtime.ContainerInfo;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A container instance on the local engine and an EC2 service placed on it. The instance is
 * applied before the service places its tasks, yet what the state says about it right after the
 * apply is what a refresh reads: the plan after an apply is empty, refresh-only included, while
 * a change made by hand still shows.
 */
class InstanceAfterApplyIT extends ClusterFixture {
    private void write() throws Exception {
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
                    name    = "app"
                    image   = "berth-example/busybox:latest"
                    cpu     = 128
                    memory  = 32
                    command = ["sleep", "600"]
                  }
                }

                resource "ecs_service" "app" {
                  name            = "app"
                  cluster         = ecs_cluster.main.id
                  task_definition = ecs_task_definition.app.arn
                  desired_count   = 2
                  launch_type     = "EC2"
                  depends_on      = [ecs_container_instance.local]
                }
                """.formatted(cluster, cluster));
    }

    private static void assertLine(String text, String regex, CliRun run) {
        assertTrue(text.matches("(?s).*" + regex + ".*"), () -> "no line matching " + regex + " in\n" + run);
    }

    @Test
    void theInstanceInStateIsWhatARefreshReadsSoThePlansAfterAnApplyAreEmpty() throws Exception {
        write();
        CliRun apply = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(0, apply.exitCode(), apply::toString);

        CliRun refreshOnly = CliRun.in(dir, "plan", "-refresh-only", "-detailed-exitcode");
        assertEquals(0, refreshOnly.exitCode(), refreshOnly::toString);
        assertTrue(refreshOnly.out().contains("No changes."), refreshOnly::toString);
        CliRun plan = CliRun.in(dir, "plan", "-detailed-exitcode");
        assertEquals(0, plan.exitCode(), plan::toString);
        assertTrue(plan.out().contains("No changes."), plan::toString);

        CliRun show = CliRun.of("-chdir=" + dir, "state", "show", "ecs_container_instance.local");
        assertLine(show.out(), "running_tasks_count\\s+= 2\\n", show);
        assertLine(show.out(), "remaining_cpu\\s+= 1792\\n", show);
        assertLine(show.out(), "remaining_memory\\s+= 1984\\n", show);
        assertLine(show.out(), "\"ecs.os-type\"\\s+= \"linux\"", show);
        assertLine(show.out(), "\"ecs.availability-zone\"\\s+= \"zone-a\"", show);
    }

    @Test
    void aTaskStoppedByHandStillShowsAsDrift() throws Exception {
        write();
        CliRun apply = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(0, apply.exitCode(), apply::toString);
        List<ContainerInfo> running = DockerEngine.containersOf(docker, cluster).stream()
                .filter(ContainerInfo::running).toList();
        assertEquals(2, running.size());
        DockerEngine.cli("stop", "-t", "0", running.get(0).id());

        CliRun refreshOnly = CliRun.in(dir, "plan", "-refresh-only", "-detailed-exitcode");
        assertEquals(2, refreshOnly.exitCode(), refreshOnly::toString);
        assertTrue(refreshOnly.out().contains("# ecs_service.app has changed"), refreshOnly::toString);
        assertLine(refreshOnly.out(), "~ state\\s+= \"running\" -> \"exited\"\\n", refreshOnly);
    }
}
