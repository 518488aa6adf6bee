package dev.berth.cli.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.cli.CliRun;
import dev.berth.ecs.api.EcsJson;
import dev.berth.ecs.resource.EcsLabels;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.docker.DockerRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ecs_service} through {@code provider "ecs" { endpoint }}: the configuration is a client
 * of berth server and nothing else, as terraform-provider-aws is of ECS. Its plan shows where the
 * server would place the tasks, apply starts them on the server's engine, a change made with the
 * AWS CLI is drift, and destroy leaves nothing.
 */
class ServerEndpointServiceIT {
    @TempDir
    Path dir;
    @TempDir
    Path serverDir;
    private DockerRuntime docker;
    private ServerProcess server;
    private String cluster;

    @BeforeEach
    void setUp() throws Exception {
        docker = DockerEngine.require();
        cluster = "eps-" + UUID.randomUUID().toString().substring(0, 8);
        server = ServerProcess.start(serverDir.resolve("ecs.db"));
        Files.writeString(dir.resolve("main.hcl"), """
                provider "ecs" {
                  endpoint = "%1$s"
                }

                resource "ecs_cluster" "main" {
                  name = "%2$s"
                }

                resource "ecs_container_instance" "a" {
                  cluster    = ecs_cluster.main.id
                  cpu        = 1024
                  memory     = 256
                  attributes = { "ecs.availability-zone" = "zone-a" }
                }

                resource "ecs_task_definition" "app" {
                  family                   = "%2$s-app"
                  network_mode             = "bridge"
                  requires_compatibilities = ["EC2"]
                  container {
                    name        = "app"
                    image       = "berth-example/busybox:latest"
                    memory      = 32
                    entry_point = ["/bin/sh", "-c"]
                    command     = ["exec sleep 600"]
                  }
                }

                resource "ecs_service" "app" {
                  name            = "app"
                  cluster         = ecs_cluster.main.id
                  task_definition = ecs_task_definition.app.arn
                  desired_count   = 2
                  launch_type     = "EC2"
                }
                """.formatted(server.endpoint(), cluster));
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            if (server != null) {
                CliRun.in(dir, "destroy", "-auto-approve");
                server.close();
            }
        } finally {
            if (docker != null) {
                DockerEngine.cleanUp(docker, cluster);
                docker.close();
            }
        }
    }

    @Test
    void aServicePlansAppliesDriftsAndIsDestroyedThroughTheServer() throws Exception {
        CliRun instance = CliRun.in(dir, "apply", "-auto-approve", "-target=ecs_container_instance.a");
        assertEquals(0, instance.exitCode(), instance::toString);

        CliRun plan = CliRun.in(dir, "plan");
        assertEquals(0, plan.exitCode(), plan::toString);
        assertTrue(plan.out().contains("# placement: 2 tasks -> "), plan::toString);
        assertTrue(plan.out().contains("(zone-a)"), plan::toString);
        assertEquals(0, runningApp(), "a plan starts nothing");

        CliRun applied = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(0, applied.exitCode(), applied::toString);
        assertFalse(Files.exists(dir.resolve("ecs.db")), "the configuration opened no control plane of its own");
        assertEquals(2, runningApp());
        CliRun show = CliRun.in(dir, "state", "show", "ecs_service.app");
        assertTrue(show.out().matches("(?s).*running_count\\s+= 2\\b.*"), show::toString);

        CliRun quiet = CliRun.in(dir, "plan", "-detailed-exitcode");
        assertEquals(0, quiet.exitCode(), quiet::toString);

        AwsCli aws = new AwsCli(server.endpoint());
        AwsCli.Result scaled = aws.ecs("update-service", "--cluster", cluster, "--service", "app", "--desired-count", "3");
        assertEquals(0, scaled.exitCode(), scaled.stderr());
        awaitRunningApp(3);
        CliRun drift = CliRun.in(dir, "plan", "-detailed-exitcode");
        assertEquals(2, drift.exitCode(), drift::toString);
        assertTrue(drift.out().matches("(?s).*Objects have changed outside of berth.*desired_count += 2 -> 3.*"),
                drift::toString);
        assertTrue(drift.out().matches("(?s).*ecs_service\\.app will be updated in-place.*~ desired_count += 3 -> 2.*"),
                drift::toString);

        CliRun destroyed = CliRun.in(dir, "destroy", "-auto-approve");
        assertEquals(0, destroyed.exitCode(), destroyed::toString);
        assertTrue(DockerEngine.containersOf(docker, cluster).isEmpty(), "no container is left");
        // The cluster went with its service: asking for the service is ECS's ClusterNotFoundException.
        AwsCli.Result service = aws.ecs("describe-services", "--cluster", cluster, "--services", "app");
        assertTrue(service.exitCode() != 0 && service.stderr().contains("ClusterNotFoundException"), service::toString);
        JsonNode clusters = EcsJson.MAPPER.readTree(aws.ecs("describe-clusters", "--clusters", cluster).stdout());
        assertTrue(clusters.get("clusters").isEmpty()
                || "INACTIVE".equals(clusters.get("clusters").get(0).get("status").asText()), clusters::toString);
    }

    private int runningApp() {
        return (int) DockerEngine.containersOf(docker, cluster).stream().filter(ContainerInfo::running)
                .filter(c -> "app".equals(c.labels().get(EcsLabels.CONTAINER_NAME))).count();
    }

    private void awaitRunningApp(int n) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (runningApp() != n && System.nanoTime() < end) Thread.sleep(250);
        assertEquals(n, runningApp(), "running app tasks");
    }
}
