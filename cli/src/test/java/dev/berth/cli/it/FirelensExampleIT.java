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

        CliRun plan = berth("plan", "-detailed-exitcode");
        assertEquals(0, plan.exitCode(), plan::toString);
    }

    private static String routed_(Path dir) {
        return CliRun.in(dir, "logs", "web-firelens").toString();
    }
}
