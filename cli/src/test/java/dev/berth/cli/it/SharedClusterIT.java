package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import dev.berth.cli.TestStores;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.docker.DockerRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two configurations in two directories share one control plane (this test's own file): one
 * defines the cluster and its container instance, the other finds the cluster through
 * {@code data "ecs_cluster"} and runs an EC2 service on that instance, on the real engine.
 */
class SharedClusterIT {
    @TempDir
    Path root;
    Path infra, app;
    DockerRuntime docker;
    String cluster;
    Map<String, String> env;

    @BeforeEach
    void setUp() throws Exception {
        docker = DockerEngine.require();
        cluster = "it-" + UUID.randomUUID().toString().substring(0, 8);
        infra = Files.createDirectories(root.resolve("infra"));
        app = Files.createDirectories(root.resolve("app"));
        env = new HashMap<>(System.getenv());
        env.put(TestStores.ENV, TestStores.ecsStoreFor(root.resolve("ecs.db")));
    }

    @AfterEach
    void tearDown() {
        if (docker == null) return;
        try {
            berth(app, "destroy", "-auto-approve");
            berth(infra, "destroy", "-auto-approve");
        } finally {
            DockerEngine.cleanUp(docker, cluster);
            docker.close();
        }
    }

    private CliRun berth(Path dir, String... args) {
        List<String> all = new ArrayList<>(List.of("-chdir=" + dir));
        all.addAll(List.of(args));
        all.add("-no-color");
        // One world for both configurations, each with its own state (a schema in the PostgreSQL pass).
        Map<String, String> withState = new HashMap<>(env);
        withState.putAll(TestStores.stateEnv(dir));
        return CliRun.withEnv(withState, all.toArray(String[]::new));
    }

    private void writeConfigurations() throws Exception {
        Files.writeString(infra.resolve("main.hcl"), """
                resource "ecs_cluster" "main" {
                  name = "%s"
                  tags = { owner = "infra" }
                }

                resource "ecs_container_instance" "a" {
                  cluster    = ecs_cluster.main.arn
                  cpu        = 1024
                  memory     = 1024
                  attributes = { "ecs.availability-zone" = "zone-a" }
                }

                output "instance" {
                  value = ecs_container_instance.a.arn
                }
                """.formatted(cluster));
        Files.writeString(app.resolve("main.hcl"), """
                data "ecs_cluster" "shared" {
                  cluster_name = "%s"
                }

                resource "ecs_task_definition" "app" {
                  family       = "%s-app"
                  network_mode = "bridge"
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
                  cluster         = data.ecs_cluster.shared.arn
                  task_definition = ecs_task_definition.app.arn
                  desired_count   = 1
                  launch_type     = "EC2"
                }

                output "instances" {
                  value = data.ecs_cluster.shared.registered_container_instances_count
                }

                output "owner" {
                  value = data.ecs_cluster.shared.tags["owner"]
                }
                """.formatted(cluster, cluster));
    }

    @Test
    void aServiceInOneConfigurationRunsOnTheClusterAndInstanceOfAnother() throws Exception {
        writeConfigurations();
        CliRun infraApply = berth(infra, "apply", "-auto-approve");
        assertEquals(0, infraApply.exitCode(), infraApply::toString);
        String instance = berth(infra, "output", "-raw", "instance").out().trim();

        CliRun appApply = berth(app, "apply", "-auto-approve");
        assertEquals(0, appApply.exitCode(), appApply::toString);
        assertEquals("1", berth(app, "output", "-raw", "instances").out().trim());
        assertEquals("infra", berth(app, "output", "-raw", "owner").out().trim());
        List<ContainerInfo> running = DockerEngine.containersOf(docker, cluster).stream()
                .filter(ContainerInfo::running).toList();
        assertEquals(1, running.size(), running::toString);
        assertEquals(instance, running.get(0).labels().get("dev.berth.container-instance"),
                "the task runs on the other configuration's instance");

        CliRun appPlan = berth(app, "plan", "-detailed-exitcode");
        assertEquals(0, appPlan.exitCode(), appPlan::toString);

        // The cluster's configuration cannot pull the instance away from under the other's service.
        CliRun early = berth(infra, "destroy", "-auto-approve");
        assertEquals(1, early.exitCode(), early::toString);
        assertTrue(early.err().contains("Found running tasks on the instance."), early::toString);
        assertEquals(1, DockerEngine.containersOf(docker, cluster).stream().filter(ContainerInfo::running).count());
    }
}
