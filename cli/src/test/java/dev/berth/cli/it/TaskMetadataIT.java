package dev.berth.cli.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.cli.CliRun;
import dev.berth.ecs.runtime.ContainerInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service whose task has a role, applied for real: its container reads ECS's task metadata and
 * credentials endpoints as it starts and serves what it read; the metadata sidecar is neither
 * drift nor an orphan to the next plan, and destroy takes it away with the task.
 */
class TaskMetadataIT extends ClusterFixture {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROLE = "arn:aws:iam::123456789012:role/app/meta";
    private static final String SIDECAR_LABEL = "dev.berth.metadata-for";

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

    @AfterEach
    void removeLeftSidecars() {
        if (docker == null) return;
        for (ContainerInfo c : sidecars()) docker.removeContainer(c.id());
    }

    private List<ContainerInfo> sidecars() {
        return docker.listSummaries(List.of(SIDECAR_LABEL)).stream()
                .filter(c -> c.labels().get(SIDECAR_LABEL).contains("/" + cluster + "/")).toList();
    }

    @Test
    void aTaskReadsItsMetadataAndCredentialsAndItsSidecarIsNoDriftAndGoesWithDestroy() throws Exception {
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
        assertEquals(1, sidecars().size());

        CliRun again = CliRun.in(dir, "plan", "-detailed-exitcode");
        assertEquals(0, again.exitCode(), "the sidecar is no drift and no orphan: " + again);

        CliRun destroy = CliRun.in(dir, "destroy", "-auto-approve");
        assertEquals(0, destroy.exitCode(), destroy::toString);
        assertEquals(List.of(), sidecars());
    }
}
