package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import dev.berth.ecs.runtime.ContainerInfo;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * examples/bridge-links applied for real: the client container of the bridge task reaches web by
 * name and by its link's alias, the options hold inside it, and the next plan is empty. And an
 * environment file's values reach the container but never the state or the control plane.
 */
class BridgeLinksExampleIT extends ClusterFixture {
    static final Path EXAMPLE = Path.of("..", "examples", "bridge-links", "main.hcl");

    @Override
    String[] destroyArgs() {
        return new String[]{"destroy", "-auto-approve", "-lock-timeout=30s", "-var", "cluster_name=" + cluster};
    }

    private CliRun berth(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("-var");
        all.add("cluster_name=" + cluster);
        return CliRun.in(dir, all.toArray(String[]::new));
    }

    private String running(String container) {
        return DockerEngine.containersOf(docker, cluster).stream()
                .filter(c -> container.equals(c.labels().get("dev.berth.container-name")))
                .filter(ContainerInfo::running).map(ContainerInfo::id).findFirst()
                .orElseThrow(() -> new AssertionError("no running " + container));
    }

    @Test
    void theBridgePairTalksByNameAndTheNextPlanIsEmpty() throws Exception {
        Files.copy(EXAMPLE, dir.resolve("main.hcl"));
        CliRun applied = berth("apply", "-auto-approve");
        assertEquals(0, applied.exitCode(), applied::toString);

        String client = running("client");
        assertEquals("hello from web", DockerEngine.cli("exec", client, "wget", "-qO-", "http://web:8080/"));
        assertEquals("hello from web", DockerEngine.cli("exec", client, "wget", "-qO-", "http://frontend:8080/"));
        // The task's own process, not a shell exec'd beside it: an exec'd process's limits are the
        // engine's choice (Docker 20.10.24 with containerd 1.6.20 on one CI machine gave it 8192 for both).
        assertEquals("4096 8192", DockerEngine.cli("exec", client, "sh", "-c",
                "grep 'Max open files' /proc/1/limits | tr -s ' ' | cut -d' ' -f4,5"));
        assertEquals("docker-init", DockerEngine.cli("exec", client, "cat", "/proc/1/comm"));
        assertEquals("payments", DockerEngine.cli("inspect", "-f", "{{index .Config.Labels \"team\"}}", client));
        assertTrue(DockerEngine.cli("exec", client, "sh", "-c", "touch /x 2>&1 || true").contains("Read-only"));

        CliRun plan = berth("plan", "-detailed-exitcode");
        assertEquals(0, plan.exitCode(), plan::toString);
    }

    @Test
    void environmentFileValuesReachTheContainerButNoStore() throws Exception {
        Path envFile = dir.resolve("app.env");
        Files.writeString(envFile, "# read at task start\nFROM_FILE=envfile-value-7f3a91\nMODE=file\n");
        Files.writeString(dir.resolve("main.hcl"), """
                variable "cluster_name" { type = string }
                resource "ecs_cluster" "main" { name = var.cluster_name }
                resource "ecs_task_definition" "app" {
                  family                   = "${var.cluster_name}-app"
                  network_mode             = "awsvpc"
                  requires_compatibilities = ["FARGATE"]
                  cpu                      = 256
                  memory                   = 512
                  container_definitions = jsonencode([{
                    name             = "app"
                    image            = "berth-example/busybox:latest"
                    entryPoint       = ["/bin/sh", "-c"]
                    command          = ["sleep 600"]
                    environment      = [{ name = "MODE", value = "definition" }]
                    environmentFiles = [{ value = "%s", type = "s3" }]
                  }])
                }
                resource "ecs_service" "app" {
                  name            = "app"
                  cluster         = ecs_cluster.main.name
                  task_definition = ecs_task_definition.app.arn
                  desired_count   = 1
                  launch_type     = "FARGATE"
                }
                """.formatted(envFile.toAbsolutePath()));
        CliRun applied = berth("apply", "-auto-approve");
        assertEquals(0, applied.exitCode(), applied::toString);

        String env = DockerEngine.cli("exec", running("app"), "env");
        assertTrue(env.contains("FROM_FILE=envfile-value-7f3a91"), env);
        assertTrue(env.contains("MODE=definition"), "the definition's environment wins: " + env);
        CliRun plan = berth("plan", "-detailed-exitcode");
        assertEquals(0, plan.exitCode(), plan::toString);

        assertFalse(applied.out().contains("envfile-value-7f3a91") || plan.out().contains("envfile-value-7f3a91"));
        assertFalse(berth("show", "-json").out().contains("envfile-value-7f3a91"), "not in the state");
        String stored = dev.berth.cli.TestStores.storedText(dir);
        assertTrue(stored.contains(cluster), "the stores hold the cluster, so the search can find things");
        assertFalse(stored.contains("envfile-value-7f3a91"), "not in the state or the control plane");
    }
}
