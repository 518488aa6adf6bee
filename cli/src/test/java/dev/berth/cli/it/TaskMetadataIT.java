package dev.berth.cli.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.cli.CliRun;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service whose task has a role, applied for real: its container reads ECS's task metadata and
 * credentials endpoints as it starts and serves what it read; its metadata server (run in the
 * task's namespace by the engine's one metadata agent) is neither drift nor an orphan to the next
 * plan, and goes when destroy takes the task away.
 */
class TaskMetadataIT extends ClusterFixture {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROLE = "arn:aws:iam::123456789012:role/app/meta";
    /** The engine's metadata agents carry this label (their names carry their scripts' digest). */
    private static final String AGENT_LABEL = "label=dev.berth.metadata-agent=true";

    private String config() {
        return """
                resource "ecs_cluster" "main" {
                  name = "%s"
                }

                resource "ecs_task_definition" "app" {
                  family                   = "meta"
                  cpu                      = 256
                  memory                   = 512
                  network_mode             = "awsvpc"
                  requires_compatibilities = ["FARGATE"]
                  task_role_arn            = "%s"
                  container_definitions = jsonencode([{
                    name         = "app"
                    image        = "berth-example/busybox:latest"
                    essential    = true
                    entryPoint   = ["/bin/sh", "-c"]
                    command      = [join("; ", [
                      "mkdir -p /www",
                      "for i in $(seq 1 25); do wget -qO /www/task.json \\"$ECS_CONTAINER_METADATA_URI_V4/task\\" && break; sleep 0.2; done",
                      "wget -qO /www/creds.json \\"http://127.0.0.1:51679$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI\\"",
                      "exec httpd -f -p 8080 -h /www",
                    ])]
                    portMappings = [{ containerPort = 8080 }]
                  }])
                }

                resource "ecs_service" "app" {
                  name            = "app"
                  cluster         = ecs_cluster.main.id
                  task_definition = ecs_task_definition.app.arn
                  desired_count   = 1
                  launch_type     = "FARGATE"
                }

                output "url" {
                  value = "http://${ecs_service.app.endpoints[0]}/"
                }
                """.formatted(cluster, ROLE);
    }

    /** The namespaces the engine's metadata agent serves for this cluster's tasks (their documents name it). */
    private List<String> served() throws Exception {
        List<String> served = new ArrayList<>();
        for (String agent : DockerEngine.cli("ps", "-q", "--filter", AGENT_LABEL).strip().split("\\s+")) {
            if (agent.isBlank()) continue;
            try {
                DockerEngine.cli("exec", agent, "sh", "-c", "grep -lF ':task/" + cluster
                        + "/' /t/*/berth/metadata/task.json 2>/dev/null; true").lines()
                        .filter(l -> !l.isBlank()).forEach(served::add);
            } catch (AssertionError | Exception agentGone) {
                // It idled out meanwhile: it serves nothing.
            }
        }
        return served;
    }

    /** The agent stops a server within about a second of its namespace's end. */
    private List<String> servedAfterAWhile() throws Exception {
        List<String> left = served();
        for (int i = 0; i < 50 && !left.isEmpty(); i++) {
            Thread.sleep(100);
            left = served();
        }
        return left;
    }

    @Test
    void aTaskReadsItsMetadataAndCredentialsAndItsServerIsNoDriftAndGoesWithDestroy() throws Exception {
        Files.writeString(dir.resolve("main.hcl"), config());
        CliRun plan = CliRun.in(dir, "plan");
        assertEquals(0, plan.exitCode(), plan::toString);
        assertTrue(plan.out().contains("task_role_arn            = \"" + ROLE + "\""), plan::toString);

        CliRun apply = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(0, apply.exitCode(), apply::toString);
        CliRun url = CliRun.in(dir, "output", "-raw", "url");
        JsonNode task = JSON.readTree(WebExampleIT.get(url.out().trim() + "task.json"));
        assertTrue(task.get("TaskARN").asText().startsWith("arn:aws:ecs:local:000000000000:task/" + cluster + "/"),
                task::toString);
        assertEquals("meta", task.get("Family").asText());
        assertEquals("1", task.get("Revision").asText());
        assertEquals(DockerEngine.clusterArn(cluster), task.get("Cluster").asText());
        assertEquals(0.25, task.get("Limits").get("CPU").asDouble());
        assertEquals(512, task.get("Limits").get("Memory").asInt());
        assertEquals("app", task.get("ServiceName").asText());
        assertEquals("app", task.get("Containers").get(0).get("Name").asText());
        JsonNode creds = JSON.readTree(WebExampleIT.get(url.out().trim() + "creds.json"));
        assertTrue(creds.get("AccessKeyId").asText().startsWith("BERTHLOCAL"), creds::toString);
        assertEquals(ROLE, creds.get("RoleArn").asText());
        assertEquals(1, served().size());
        assertEquals(1, DockerEngine.cli("ps", "-aq", "--filter", "label=dev.berth.cluster=" + DockerEngine.clusterArn(cluster))
                .strip().lines().count(), "the task's one container, no sidecar");

        CliRun again = CliRun.in(dir, "plan", "-detailed-exitcode");
        assertEquals(0, again.exitCode(), "the metadata server is no drift and no orphan: " + again);

        CliRun destroy = CliRun.in(dir, "destroy", "-auto-approve");
        assertEquals(0, destroy.exitCode(), destroy::toString);
        assertEquals(List.of(), servedAfterAWhile());
    }
}
