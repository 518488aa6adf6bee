package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import dev.berth.ecs.runtime.ContainerInfo;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Containers' log configurations on the real engine, and what berth logs reads back. */
class LogsIT extends ClusterFixture {
    private String group() {
        return "/it/" + cluster;
    }

    private void write(String version, String logConfiguration) throws Exception {
        Files.writeString(dir.resolve("main.hcl"), FargateApp.clusterAndApp(cluster, FargateApp.IMAGE, 64,
                "trap 'echo bye from %s; exit 0' TERM; echo hello from %s; echo oops from %s >&2; while true; do sleep 1; done"
                        .formatted(version, version, version), logConfiguration, "")
                + FargateApp.service("app", 1, null));
    }

    private String awslogs(boolean createGroup) {
        return """
                log_configuration {
                      log_driver = "awslogs"
                      options = {
                        "awslogs-group"         = "%s"
                        "awslogs-region"        = "us-east-1"
                        "awslogs-stream-prefix" = "web"%s
                      }
                    }""".formatted(group(), createGroup ? "\n                        \"awslogs-create-group\" = \"true\"" : "");
    }

    @Test
    void whatAnAwslogsContainerWritesComesBackFromBerthLogsAlsoAfterItsTaskIsReplaced() throws Exception {
        write("v1", awslogs(true));
        CliRun apply = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(0, apply.exitCode(), apply::toString);

        CliRun logs = CliRun.in(dir, "logs", "app");
        assertEquals(0, logs.exitCode(), logs::toString);
        assertTrue(logs.out().matches("(?s).*Z app/[0-9a-f]{8} hello from v1\n.*"), logs::toString);
        assertTrue(logs.out().contains(" oops from v1"), "standard error is kept too: " + logs);

        // Following: the replacement task's lines appear, and the old container's last words, written
        // as it was stopped and copied only when it was removed, too.
        try (BerthProcess follower = BerthProcess.start(dir, "logs", "app", "-f")) {
            follower.await(l -> l.endsWith(" hello from v1"), java.time.Duration.ofSeconds(30));
            write("v2", awslogs(true));
            CliRun replace = CliRun.in(dir, "apply", "-auto-approve");
            assertEquals(0, replace.exitCode(), replace::toString);
            follower.await(l -> l.endsWith(" hello from v2"), java.time.Duration.ofSeconds(30));
            follower.await(l -> l.endsWith(" bye from v1"), java.time.Duration.ofSeconds(30));
            follower.signal("INT");
            assertEquals(0, follower.exitCode(java.time.Duration.ofSeconds(10)), follower::output);
        }
        List<ContainerInfo> running = DockerEngine.containersOf(docker, cluster);
        assertEquals(1, running.size(), "the v1 task's container is gone: " + running);

        CliRun after = CliRun.in(dir, "logs", "app", "--since", "10m", "--container", "app");
        assertEquals(0, after.exitCode(), after::toString);
        assertTrue(after.out().contains(" hello from v1"), "the replaced task's lines are kept: " + after);
        assertTrue(after.out().contains(" bye from v1"), "what it wrote while stopping is kept: " + after);
        assertTrue(after.out().contains(" hello from v2"), after::toString);
        assertTrue(after.out().indexOf("hello from v1") < after.out().indexOf("hello from v2"), after::toString);

        // ECS's stream names: prefix/container/task-id, one stream per task, in the group's own directory.
        try (Stream<Path> streams = Files.list(dir.resolve("ecs-logs").resolve("%2Fit%2F" + cluster))) {
            List<String> names = streams.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(2, names.size(), names::toString);
            for (String n : names) assertTrue(n.matches("web%2Fapp%2F[0-9a-f]{32}\\.log"), n);
            // A stopped task is found by its id, and by its ARN, within the hour ECS keeps it.
            String first = names.stream().map(n -> n.substring("web%2Fapp%2F".length(), n.length() - 4))
                    .filter(id -> {
                        CliRun byId = CliRun.in(dir, "logs", id);
                        return byId.exitCode() == 0 && byId.out().contains(" hello from v1");
                    }).findFirst().orElseThrow(() -> new AssertionError("no task id reads back v1's lines"));
            CliRun byArn = CliRun.in(dir, "logs", "arn:aws:ecs:local:000000000000:task/" + cluster + "/" + first);
            assertTrue(byArn.out().contains(" bye from v1") && !byArn.out().contains("v2"), byArn::toString);
        }
        CliRun unknown = CliRun.in(dir, "logs", "nosuch");
        assertEquals(1, unknown.exitCode(), unknown::toString);
        assertTrue(unknown.err().contains("No service or task named \"nosuch\" in any cluster."), unknown::toString);
        CliRun none = CliRun.in(dir, "logs", "app", "--container", "nope");
        assertEquals(1, none.exitCode(), none::toString);
        assertTrue(none.err().contains("No container named \"nope\""), none::toString);
    }

    @Test
    void aMissingGroupWithoutCreateGroupStopsTheTaskWithEcssReason() throws Exception {
        write("v1", awslogs(false));
        CliRun apply = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(1, apply.exitCode(), apply::toString);
        assertTrue(apply.err().contains("ResourceNotFoundException: The specified log group does not exist."),
                apply::toString);
        assertTrue(DockerEngine.containersOf(docker, cluster).isEmpty());

        CliRun create = CliRun.in(dir, "logs", "--create-group", group());
        assertEquals(0, create.exitCode(), create::toString);
        CliRun again = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(0, again.exitCode(), again::toString);
    }

    @Test
    void jsonFileIsDockersJsonFileDriverWithItsOptions() throws Exception {
        write("v1", """
                log_configuration {
                      log_driver = "json-file"
                      options    = { "max-size" = "10m", "max-file" = "3" }
                    }""");
        CliRun apply = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(0, apply.exitCode(), apply::toString);
        List<ContainerInfo> running = DockerEngine.containersOf(docker, cluster);
        assertEquals(1, running.size());
        Process p = new ProcessBuilder("docker", "inspect", "-f",
                "{{.HostConfig.LogConfig.Type}} {{json .HostConfig.LogConfig.Config}}", running.get(0).id())
                .redirectErrorStream(true).start();
        String inspected = new String(p.getInputStream().readAllBytes()).strip();
        assertEquals(0, p.waitFor());
        assertEquals("json-file {\"max-file\":\"3\",\"max-size\":\"10m\"}", inspected);

        CliRun logs = CliRun.in(dir, "logs", "app");
        assertEquals(0, logs.exitCode(), logs::toString);
        assertTrue(logs.err().contains("logs with the json-file log driver; berth keeps no copy"), logs::toString);
    }

    @Test
    void anUnsupportedDriverIsAnErrorNamingTheSupportedOnes() throws Exception {
        write("v1", """
                log_configuration {
                      log_driver = "logentries"
                    }""");
        CliRun validate = CliRun.in(dir, "validate");
        assertEquals(1, validate.exitCode(), validate::toString);
        assertTrue(validate.err().contains("Container \"app\": log driver \"logentries\" is not supported; berth supports "
                + "awsfirelens, awslogs, fluentd, gelf, journald, json-file, local, none, splunk, syslog."), validate::toString);
        assertFalse(validate.err().contains("Exception"), validate::toString);
    }
}
