package dev.berth.cli.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.ecs.api.EcsJson;
import dev.berth.ecs.resource.EcsLabels;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.docker.DockerRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deployments behind the call, as ECS runs them: through the real AWS CLI, berth server's
 * create-service answers at once with its PRIMARY deployment IN_PROGRESS and no task running,
 * {@code aws ecs wait services-stable} then succeeds, and describe-services shows the rollout
 * COMPLETED with every desired task running (checked with Docker too).
 */
class ServerRolloutIT {
    private static final int DESIRED = 6;

    @TempDir
    Path dir;
    private DockerRuntime docker;
    private ServerProcess server;
    private AwsCli aws;
    private String cluster;

    @BeforeEach
    void setUp() throws Exception {
        docker = DockerEngine.require();
        cluster = "roll-" + UUID.randomUUID().toString().substring(0, 8);
        server = ServerProcess.start(dir.resolve("ecs.db"));
        aws = new AwsCli(server.endpoint());
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            if (server != null) {
                aws.ecs("delete-service", "--cluster", cluster, "--service", "web", "--force");
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
    void createServiceReturnsBeforeItsTasksRunAndWaitServicesStableSeesTheRolloutComplete() throws Exception {
        ok("create-cluster", "--cluster-name", cluster);
        ok("register-task-definition", "--family", cluster + "-web", "--network-mode", "awsvpc",
                "--requires-compatibilities", "FARGATE", "--cpu", "256", "--memory", "512", "--container-definitions",
                "[{\"name\":\"web\",\"image\":\"berth-example/busybox:latest\",\"essential\":true,\"memory\":32,"
                        + "\"entryPoint\":[\"/bin/sh\",\"-c\"],\"command\":[\"exec sleep 600\"]}]");

        long start = System.nanoTime();
        JsonNode created = ok("create-service", "--cluster", cluster, "--service-name", "web", "--task-definition",
                cluster + "-web", "--desired-count", String.valueOf(DESIRED), "--launch-type", "FARGATE").get("service");
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        JsonNode primary = created.get("deployments").get(0);
        assertEquals("ACTIVE", created.get("status").asText(), created::toString);
        assertEquals("PRIMARY", primary.get("status").asText(), created::toString);
        assertEquals("IN_PROGRESS", primary.get("rolloutState").asText(), created::toString);
        assertEquals(0, created.get("runningCount").asInt(), created::toString);
        assertEquals(0, primary.get("runningCount").asInt(), created::toString);
        assertEquals(DESIRED, primary.get("desiredCount").asInt(), created::toString);
        System.out.println("create-service of " + DESIRED + " tasks answered in " + tookMs + " ms");

        AwsCli.Result stable = aws.ecs("wait", "services-stable", "--cluster", cluster, "--services", "web");
        assertEquals(0, stable.exitCode(), stable::toString);

        JsonNode web = ok("describe-services", "--cluster", cluster, "--services", "web").get("services").get(0);
        assertEquals(1, web.get("deployments").size(), web::toString);
        assertEquals("COMPLETED", web.get("deployments").get(0).get("rolloutState").asText(), web::toString);
        assertEquals(DESIRED, web.get("runningCount").asInt(), web::toString);
        assertEquals(DESIRED, web.get("desiredCount").asInt(), web::toString);
        assertTrue(web.get("events").get(0).get("message").asText().contains("has reached a steady state"),
                web::toString);
        assertEquals(DESIRED, DockerEngine.containersOf(docker, cluster).stream().filter(ContainerInfo::running)
                .filter(c -> "web".equals(c.labels().get(EcsLabels.CONTAINER_NAME))).count());
    }

    private JsonNode ok(String... args) throws Exception {
        AwsCli.Result r = aws.ecs(args);
        assertEquals(0, r.exitCode(), () -> "aws ecs " + String.join(" ", args) + "\n" + r);
        return EcsJson.MAPPER.readTree(r.stdout());
    }
}
