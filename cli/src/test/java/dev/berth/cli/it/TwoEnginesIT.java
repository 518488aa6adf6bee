package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import dev.berth.ecs.runtime.ContainerInfo;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The EC2 launch type on two real engines: two container instances in two zones, a bridge
 * service with dynamic ports spread 2 and 2, draining one instance moves its tasks to the other,
 * and a service needing more memory than exists is a plan error that applies nothing.
 */
class TwoEnginesIT extends TwoEngineFixture {
    private void write(String status2, int memory, String extra) throws Exception {
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
                  status      = "%3$s"
                  attributes  = { "ecs.availability-zone" = "zone-b" }
                }

                resource "ecs_task_definition" "web" {
                  family                   = "%1$s-web"
                  network_mode             = "bridge"
                  requires_compatibilities = ["EC2"]
                  container {
                    name        = "web"
                    image       = "berth-example/busybox:latest"
                    cpu         = 128
                    memory      = %4$d
                    entry_point = ["/bin/sh", "-c"]
                    command     = ["mkdir -p /www && echo ok > /www/index.html && exec httpd -f -p 80 -h /www"]
                    port_mappings {
                      container_port = 80
                    }
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
                %5$s}
                """.formatted(cluster, engine.unixHost(), status2, memory, extra));
    }

    @Test
    void spreadsOverTwoEnginesDrainsAndRefusesWhatDoesNotFit() throws Exception {
        write("ACTIVE", 64, "");
        CliRun apply = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(0, apply.exitCode(), apply::toString);
        assertEquals(2, running(local).size(), "two tasks on the local engine");
        assertEquals(2, running(second).size(), "two tasks on the second engine");
        for (ContainerInfo c : running(second)) {
            assertTrue(c.labels().getOrDefault("dev.berth.container-instance", "").contains(":container-instance/" + cluster + "/"),
                    "every container names its instance: " + c.labels());
        }
        assertAllAnswer();

        CliRun show = CliRun.of("-chdir=" + dir, "state", "show", "ecs_service.web");
        assertTrue(show.out().contains("has reached a steady state"), "events are in the state: " + show);

        write("DRAINING", 64, "");
        CliRun drain = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(0, drain.exitCode(), drain::toString);
        assertEquals(4, running(local).size(), "the drained instance's tasks moved to the other");
        assertTrue(running(second).isEmpty(), "nothing left on the draining instance");
        assertAllAnswer();

        write("ACTIVE", 4096, "");
        // A new revision's ARN is known only once registered; the service's preview needs it.
        CliRun register = CliRun.in(dir, "apply", "-auto-approve", "-target=ecs_task_definition.web");
        assertEquals(0, register.exitCode(), register::toString);
        CliRun plan = CliRun.in(dir, "plan");
        assertEquals(1, plan.exitCode(), plan::toString);
        assertTrue(plan.err().contains("service web was unable to place a task because no container instance met all of "
                + "its requirements. The closest matching container-instance "), plan::toString);
        assertTrue(plan.err().contains("has insufficient memory available."), plan::toString);
        List<ContainerInfo> before = running(local);
        CliRun refused = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(1, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("has insufficient memory available."), refused::toString);
        assertEquals(before.stream().map(ContainerInfo::id).sorted().toList(),
                running(local).stream().map(ContainerInfo::id).sorted().toList(), "nothing was applied to the service");
        assertFalse(refused.err().contains("\tat "), "no stack trace");
    }

    @Test
    void planPrintsWherePlacementPutsTasksAndPointsAtABadExpression() throws Exception {
        write("ACTIVE", 64, "");
        CliRun first = CliRun.in(dir, "apply", "-auto-approve", "-target=ecs_container_instance.a",
                "-target=ecs_container_instance.b", "-target=ecs_task_definition.web");
        assertEquals(0, first.exitCode(), first::toString);
        CliRun plan = CliRun.in(dir, "plan");
        assertEquals(0, plan.exitCode(), plan::toString);
        Matcher m = Pattern.compile("# placement: 2 tasks -> \\w+ \\(zone-\\w\\), 2 tasks -> \\w+ \\(zone-\\w\\)")
                .matcher(plan.out());
        assertTrue(m.find(), plan::toString);

        write("ACTIVE", 64, """
                  placement_constraints {
                    type       = "memberOf"
                    expression = "attribute:ecs.availability-zone in [zone-a"
                  }
                """);
        CliRun bad = CliRun.in(dir, "validate");
        assertEquals(1, bad.exitCode(), bad::toString);
        assertTrue(bad.err().contains("Invalid memberOf expression at column "), bad::toString);
        assertTrue(bad.err().contains("expression = "), "the diagnostic points at the expression: " + bad);
    }

    private void assertAllAnswer() throws Exception {
        // Draining is an apply of the instance; the service's recorded endpoints catch up on refresh.
        CliRun refresh = CliRun.in(dir, "apply", "-refresh-only", "-auto-approve");
        assertEquals(0, refresh.exitCode(), refresh::toString);
        CliRun show = CliRun.of("-chdir=" + dir, "state", "show", "ecs_service.web");
        Matcher m = Pattern.compile("127\\.0\\.0\\.1:(\\d+)").matcher(show.out());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        int seen = 0;
        while (m.find()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.group(1) + "/index.html"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), "task on port " + m.group(1) + " answers");
            seen++;
        }
        assertTrue(seen >= 4, "every task has an endpoint: " + show);
    }
}
