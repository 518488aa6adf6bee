package dev.berth.cli.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.cli.CliRun;
import dev.berth.ecs.api.EcsJson;
import dev.berth.ecs.runtime.docker.DockerRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** provider "ecs" { endpoint }: a configuration as a client of berth server, sharing its world. */
class ServerEndpointIT {
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
        cluster = "ep-" + UUID.randomUUID().toString().substring(0, 8);
        server = ServerProcess.start(serverDir.resolve("ecs.db"));
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

    private void configure(String endpoint, String extra) throws Exception {
        Files.writeString(dir.resolve("main.hcl"), """
                provider "ecs" {
                  endpoint = "%s"
                }

                resource "ecs_cluster" "main" {
                  name = "%s"
                }

                resource "ecs_task_definition" "web" {
                  family                   = "%s-web"
                  cpu                      = 256
                  memory                   = 512
                  network_mode             = "awsvpc"
                  requires_compatibilities = ["FARGATE"]
                  container_definitions = jsonencode([{
                    name      = "web"
                    image     = "berth-example/busybox:latest"
                    essential = true
                    command   = ["sleep", "600"]
                  }])
                }
                %s
                """.formatted(endpoint, cluster, cluster, extra));
    }

    @Test
    void aConfigurationAppliesThroughTheServerIntoItsWorld() throws Exception {
        configure(server.endpoint(), "");
        CliRun applied = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(0, applied.exitCode(), applied::toString);
        assertFalse(Files.exists(dir.resolve("ecs.db")), "the configuration opened no control plane of its own");

        AwsCli aws = new AwsCli(server.endpoint());
        AwsCli.Result described = aws.ecs("describe-clusters", "--clusters", cluster);
        assertEquals(0, described.exitCode(), described.stderr());
        JsonNode c = EcsJson.MAPPER.readTree(described.stdout()).get("clusters").get(0);
        assertEquals("ACTIVE", c.get("status").asText(), described.stdout());
        AwsCli.Result td = aws.ecs("describe-task-definition", "--task-definition", cluster + "-web");
        assertEquals(0, td.exitCode(), td.stderr());
        assertEquals(1, EcsJson.MAPPER.readTree(td.stdout()).get("taskDefinition").get("revision").asInt());

        CliRun plan = CliRun.in(dir, "plan", "-detailed-exitcode");
        assertEquals(0, plan.exitCode(), plan::toString);

        CliRun destroyed = CliRun.in(dir, "destroy", "-auto-approve");
        assertEquals(0, destroyed.exitCode(), destroyed::toString);
        AwsCli.Result gone = aws.ecs("describe-clusters", "--clusters", cluster);
        JsonNode after = EcsJson.MAPPER.readTree(gone.stdout());
        assertTrue(after.get("clusters").isEmpty() || "INACTIVE".equals(after.get("clusters").get(0).get("status").asText()),
                gone.stdout());
    }

    @Test
    void anEndpointThatDoesNotAnswerIsOneSentence() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        configure("http://127.0.0.1:" + port, "");
        // A plan of creates asks the world nothing; the apply's first create does.
        CliRun plan = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(1, plan.exitCode(), plan::toString);
        assertTrue(plan.err().contains("Could not connect to the endpoint URL: \"http://127.0.0.1:" + port + "/\""),
                plan::toString);
        assertFalse(plan.err().contains("Exception"), plan::toString);
    }
}
