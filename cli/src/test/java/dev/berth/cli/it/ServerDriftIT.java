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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A change made with the AWS CLI through {@code berth server} is drift for a configuration on
 * the same control plane: plan shows it and exits 2, apply undoes it.
 */
class ServerDriftIT {
    @TempDir
    Path dir;
    private DockerRuntime docker;
    private ServerProcess server;
    private String cluster;

    @BeforeEach
    void setUp() throws Exception {
        docker = DockerEngine.require();
        cluster = "drift-" + UUID.randomUUID().toString().substring(0, 8);
        Files.writeString(dir.resolve("main.hcl"), """
                provider "ecs" {
                  store = "%3$s"
                }

                resource "ecs_cluster" "main" {
                  name = "%1$s"
                }

                resource "ecs_task_definition" "web" {
                  family                   = "%s-web"
                  cpu                      = 256
                  memory                   = 512
                  network_mode             = "awsvpc"
                  requires_compatibilities = ["FARGATE"]
                  container_definitions = jsonencode([{
                    name       = "web"
                    image      = "berth-example/busybox:latest"
                    cpu        = 64
                    memory     = 64
                    essential  = true
                    entryPoint = ["/bin/sh", "-c"]
                    command    = ["exec sleep 600"]
                  }])
                }

                resource "ecs_service" "web" {
                  name            = "web"
                  cluster         = ecs_cluster.main.id
                  task_definition = ecs_task_definition.web.arn
                  desired_count   = 2
                  launch_type     = "FARGATE"
                }
                """.formatted(cluster, cluster,
                // The server's world, which the pass keeps in a file or a PostgreSQL schema.
                dev.berth.cli.TestStores.ecsStoreFor(dir.resolve("ecs.db"))));
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            if (server != null) server.close();
        } finally {
            try {
                if (docker != null) CliRun.in(dir, "destroy", "-auto-approve");
            } finally {
                if (docker != null) {
                    DockerEngine.cleanUp(docker, cluster);
                    docker.close();
                }
            }
        }
    }

    @Test
    void anAwsCliChangeIsDriftThatApplyUndoes() throws Exception {
        CliRun applied = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(0, applied.exitCode(), applied::toString);
        assertEquals(2, runningWebTasks());

        server = ServerProcess.start(dir.resolve("ecs.db"));
        AwsCli aws = new AwsCli(server.endpoint());
        AwsCli.Result scaled = aws.ecs("update-service", "--cluster", cluster, "--service", "web", "--desired-count", "3");
        assertEquals(0, scaled.exitCode(), scaled.stderr());
        assertEquals(3, EcsJson.MAPPER.readTree(scaled.stdout()).get("service").get("desiredCount").asInt());
        awaitRunningWebTasks(3);

        CliRun plan = CliRun.in(dir, "plan", "-detailed-exitcode");
        assertEquals(2, plan.exitCode(), plan::toString);
        assertTrue(plan.out().matches("(?s).*Objects have changed outside of berth.*desired_count += 2 -> 3.*"),
                plan::toString);
        assertTrue(plan.out().matches("(?s).*ecs_service\\.web will be updated in-place.*~ desired_count += 3 -> 2.*"),
                plan::toString);

        CliRun back = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(0, back.exitCode(), back::toString);
        awaitRunningWebTasks(2);
        JsonNode web = EcsJson.MAPPER.readTree(aws.ecs("describe-services", "--cluster", cluster, "--services", "web")
                .stdout()).get("services").get(0);
        assertEquals(2, web.get("desiredCount").asInt());
        CliRun quiet = CliRun.in(dir, "plan", "-detailed-exitcode");
        assertEquals(0, quiet.exitCode(), quiet::toString);
    }

    private int runningWebTasks() {
        return (int) DockerEngine.containersOf(docker, cluster).stream().filter(ContainerInfo::running)
                .filter(c -> "web".equals(c.labels().get(EcsLabels.CONTAINER_NAME))).count();
    }

    private void awaitRunningWebTasks(int n) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (runningWebTasks() != n && System.nanoTime() < end) Thread.sleep(250);
        assertEquals(n, runningWebTasks(), "running web tasks");
    }
}
