package dev.berth.cli.it;

import dev.berth.cli.ecs.EcsCli;
import dev.berth.cli.ecs.EcsSession;
import dev.berth.cli.ecs.model.EcsModel;
import dev.berth.cli.wiring.EcsApis;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.docker.DockerRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three ways to one world print alike: for the same store, {@code aws ecs} (Debian's AWS
 * CLI v2, which CI installs) against {@code berth server}, {@code berth ecs --endpoint-url} against
 * the same server, and {@code berth ecs} in process print the same bytes and exit codes for
 * every read command in json, text and table, errors included.
 */
class EcsServerParityIT {
    private static final Path AWS_V2 = Path.of("/usr/bin/aws");

    @TempDir
    Path dir;
    DockerRuntime docker;
    String cluster;
    ServerProcess server;

    record Out(int exit, String stdout, String stderr) {
    }

    @BeforeEach
    void setUp() throws Exception {
        docker = DockerEngine.require();
        if (!awsV2()) {
            if ("true".equals(System.getenv("CI"))) throw new AssertionError("CI=true but Debian's AWS CLI v2 is not at " + AWS_V2);
            Assumptions.abort("Debian's AWS CLI v2 is not installed at " + AWS_V2);
        }
        cluster = "ecs-par-" + UUID.randomUUID().toString().substring(0, 8);
        server = ServerProcess.start(dir.resolve("ecs.db"));
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            if (server != null) server.close();
        } finally {
            if (docker != null) {
                for (ContainerInfo c : DockerEngine.containersOf(docker, cluster)) docker.removeContainer(c.id());
                DockerEngine.cleanUp(docker, cluster);
                docker.close();
            }
        }
    }

    private static boolean awsV2() {
        try {
            Process p = new ProcessBuilder(AWS_V2.toString(), "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(60, TimeUnit.SECONDS) && v.startsWith("aws-cli/2.");
        } catch (Exception e) {
            return false;
        }
    }

    private Out aws(List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(AWS_V2.toString(), "ecs"));
        cmd.addAll(args);
        cmd.addAll(List.of("--endpoint-url", server.endpoint()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        env.putAll(Map.of("PATH", "/usr/bin:/bin", "HOME", dir.toString(), "TZ", "UTC", "LANG", "C.UTF-8",
                "AWS_ACCESS_KEY_ID", "berth", "AWS_SECRET_ACCESS_KEY", "berth-secret", "AWS_DEFAULT_REGION", "us-east-1",
                "AWS_PAGER", "", "AWS_CONFIG_FILE", "/dev/null", "AWS_SHARED_CREDENTIALS_FILE", "/dev/null"));
        Path err = Files.createTempFile(dir, "aws", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("aws did not finish: " + args);
        }
        return new Out(p.exitValue(), out, Files.readString(err));
    }

    private Out berth(List<String> args, boolean viaServer) {
        Map<String, String> env = Map.of("BERTH_ECS_STORE", dev.berth.cli.TestStores.ecsStoreFor(dir.resolve("ecs.db")),
                "HOME", dir.toString());
        EcsSession session = new EcsSession(dir, ZoneId.of("UTC"), env, false, 80);
        List<String> all = new ArrayList<>(args);
        if (viaServer) all.addAll(List.of("--endpoint-url", server.endpoint()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new EcsCli(EcsModel.get(), session, new EcsApis(session)).run(all, new PrintWriter(out), new PrintWriter(err));
        return new Out(exit, out.toString(), err.toString());
    }

    /** The three print alike; returns what aws printed with --output json. */
    private Out same(String... args) throws Exception {
        Out json = null;
        for (String output : List.of("json", "text", "table")) {
            List<String> a = new ArrayList<>(List.of(args));
            a.addAll(List.of("--output", output));
            Out want = aws(a);
            assertEquals(want, berth(a, true), "berth ecs --endpoint-url vs aws ecs: " + a);
            assertEquals(want, berth(a, false), "berth ecs in process vs aws ecs: " + a);
            if (json == null) json = want;
        }
        return json;
    }

    @Test
    void awsEcsAndBerthEcsPrintTheSameWorldTheSameWay() throws Exception {
        Files.writeString(dir.resolve("containers.json"), "[{\"name\":\"main\",\"image\":\"berth-example/busybox:latest\","
                + "\"command\":[\"sleep\",\"600\"],\"memory\":32,\"essential\":true,\"environment\":[{\"name\":\"MODE\",\"value\":\"é ±\"}]}]");
        Out made = aws(List.of("create-cluster", "--cluster-name", cluster, "--tags", "key=team,value=payments"));
        assertEquals(0, made.exit(), made.stderr());
        Out td = berth(List.of("register-task-definition", "--family", cluster, "--network-mode", "awsvpc",
                "--requires-compatibilities", "FARGATE", "--cpu", "256", "--memory", "512",
                "--container-definitions", "file://containers.json"), true);
        assertEquals(0, td.exit(), td.stderr());
        Out svc = berth(List.of("create-service", "--cluster", cluster, "--service-name", "web", "--task-definition", cluster,
                "--desired-count", "1", "--launch-type", "FARGATE"), false);
        assertEquals(0, svc.exit(), svc.stderr());

        assertTrue(same("describe-clusters", "--clusters", cluster, "gone-" + cluster, "--include", "TAGS").stdout()
                .contains("\"clusterName\": \"" + cluster + "\""));
        assertTrue(same("list-task-definitions", "--family-prefix", cluster).stdout().contains("task-definition/" + cluster + ":1"));
        assertTrue(same("describe-task-definition", "--task-definition", cluster).stdout().contains("\"value\": \"é ±\""));
        assertTrue(same("describe-services", "--cluster", cluster, "--services", "web").stdout().contains("\"runningCount\": 1"));
        assertTrue(same("list-tasks", "--cluster", cluster, "--service-name", "web").stdout().contains("task/" + cluster + "/"));
        assertEquals(254, same("delete-cluster", "--cluster", "gone-" + cluster).exit());

        assertEquals(0, berth(List.of("delete-service", "--cluster", cluster, "--service", "web", "--force"), true).exit());
    }
}
