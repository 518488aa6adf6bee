package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * examples/firelens applied for real with berth's stand-in router (berth/firelens-router): what
 * the web container writes goes through Docker's fluentd driver to the router's socket, the
 * router prints it with the ECS metadata fields, and that output, kept through the router's own
 * awslogs configuration, comes back from {@code berth logs}. The next plan is empty.
 */
class FirelensExampleIT extends ClusterFixture {
    static final Path EXAMPLE = Path.of("..", "examples", "firelens", "main.tf");

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

    @Test
    void theWebContainersOutputReachesTheRouterAndBerthLogs() throws Exception {
        Files.copy(EXAMPLE, dir.resolve("main.tf"));
        CliRun applied = berth("apply", "-auto-approve");
        assertEquals(0, applied.exitCode(), applied::toString);

        String routed = "";
        for (int i = 0; i < 50; i++) {
            routed = CliRun.in(dir, "logs", "web-firelens", "--cluster", cluster, "--container", "log_router").out();
            if (routed.contains("web is serving on 8080") && routed.contains("output cloudwatch not available")) break;
            Thread.sleep(200);
        }
        String line = routed.lines().filter(l -> l.contains("web is serving on 8080")).findFirst()
                .orElseThrow(() -> new AssertionError("the router printed no line of web's: " + routed_(dir)));
        assertTrue(line.contains("[web-firelens-"), "tagged <container>-firelens-<task id>: " + line);
        assertTrue(line.contains("\"ecs_cluster\":\"" + cluster + "\""), line);
        assertTrue(line.contains("\"ecs_task_definition\":\"" + cluster + "-web:1\""), line);
        assertTrue(line.contains("\"ecs_task_arn\":\"arn:aws:ecs:local:000000000000:task/" + cluster + "/"), line);
        assertTrue(routed.contains("output cloudwatch not available in berth's test router"),
                "the probe's cloudwatch output is named, not dropped silently: " + routed);

        CliRun web = CliRun.in(dir, "logs", "web-firelens", "--cluster", cluster, "--container", "web");
        assertTrue(web.err().contains("sends its output to the task's FireLens log router"), web::toString);

        // In awsvpc the router also listens on 127.0.0.1:24224 in the task's namespace, where
        // FLUENT_HOST and FLUENT_PORT point: one forward-protocol Message, [tag, time, {log}], by hand.
        String probe = running("probe");
        String env = DockerEngine.cli("exec", probe, "env");
        assertTrue(env.contains("FLUENT_HOST=127.0.0.1") && env.contains("FLUENT_PORT=24224"), env);
        DockerEngine.cli("exec", probe, "sh", "-c",
                "printf '\\x93\\xb0web-firelens-tcp\\x00\\x81\\xa3log\\xa9via-tcp-1' | nc -w 1 $FLUENT_HOST $FLUENT_PORT");
        String viaTcp = "";
        for (int i = 0; i < 50 && !viaTcp.contains("[web-firelens-tcp] {\"log\":\"via-tcp-1\""); i++) {
            Thread.sleep(200);
            viaTcp = CliRun.in(dir, "logs", "web-firelens", "--cluster", cluster, "--container", "log_router").out();
        }
        assertTrue(viaTcp.contains("[web-firelens-tcp] {\"log\":\"via-tcp-1\""), viaTcp);

        CliRun plan = berth("plan", "-detailed-exitcode");
        assertEquals(0, plan.exitCode(), plan::toString);
    }

    /**
     * Bridge mode, written as container blocks: the router listens on 0.0.0.0:24224 and
     * FLUENT_HOST names it, so a container of the task reaches it by name; the router's file
     * output writes to a task volume the app also mounts, and a plan after apply is empty.
     */
    @Test
    void inBridgeModeTheRouterIsReachedByNameAndItsFileOutputWrites() throws Exception {
        Files.writeString(dir.resolve("main.tf"), """
                variable "cluster_name" { type = string }
                resource "ecs_cluster" "main" { name = var.cluster_name }
                resource "ecs_container_instance" "local" {
                  cluster = ecs_cluster.main.id
                  cpu     = 1024
                  memory  = 1024
                }
                resource "ecs_task_definition" "pair" {
                  family       = "${var.cluster_name}-pair"
                  network_mode             = "bridge"
                  requires_compatibilities = ["EC2"]
                  volume { name = "out" }
                  container {
                    name   = "router"
                    image  = "berth/firelens-router:latest"
                    memory = 64
                    firelens_configuration { type = "fluentbit" }
                    mount_points {
                      source_volume  = "out"
                      container_path = "/out"
                    }
                  }
                  container {
                    name       = "app"
                    image      = "berth-example/busybox:latest"
                    memory     = 32
                    entry_point = ["/bin/sh", "-c"]
                    command    = ["echo to-the-file; printf '\\\\x93\\\\xb3app-firelens-byname\\\\x00\\\\x81\\\\xa3log\\\\xa7by-name' | nc -w 1 $FLUENT_HOST $FLUENT_PORT; exec sleep 600"]
                    log_configuration {
                      log_driver = "awsfirelens"
                      options    = { Name = "file", Path = "/out", File = "app.log" }
                    }
                    mount_points {
                      source_volume  = "out"
                      container_path = "/out"
                      read_only      = true
                    }
                  }
                }
                resource "ecs_service" "pair" {
                  name            = "pair"
                  cluster         = ecs_cluster.main.id
                  task_definition = ecs_task_definition.pair.arn
                  desired_count   = 1
                  launch_type     = "EC2"
                  depends_on      = [ecs_container_instance.local]
                }
                """);
        CliRun applied = berth("apply", "-auto-approve");
        assertEquals(0, applied.exitCode(), applied::toString);
        // The router's image has no shell; the app reads the shared volume.
        String app = running("app");
        String file = "";
        for (int i = 0; i < 50 && !(file.contains("to-the-file") && file.contains("by-name")); i++) {
            Thread.sleep(200);
            file = DockerEngine.cli("exec", app, "sh", "-c", "cat /out/app.log 2>/dev/null || true");
        }
        assertTrue(file.contains("\"log\":\"to-the-file\""), "Docker's fluentd driver, through the socket: " + file);
        assertTrue(file.contains("app-firelens-byname: ["), "sent by name over TCP: " + file);
        assertTrue(DockerEngine.cli("exec", app, "env").contains("FLUENT_HOST=router"));

        CliRun plan = berth("plan", "-detailed-exitcode");
        assertEquals(0, plan.exitCode(), plan::toString);
    }

    private String running(String container) {
        return DockerEngine.containersOf(docker, cluster).stream()
                .filter(c -> container.equals(c.labels().get("dev.berth.container-name")))
                .filter(dev.berth.ecs.runtime.ContainerInfo::running).map(dev.berth.ecs.runtime.ContainerInfo::id)
                .findFirst().orElseThrow(() -> new AssertionError("no running " + container));
    }

    private static String routed_(Path dir) {
        return CliRun.in(dir, "logs", "web-firelens").toString();
    }
}
