package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import dev.berth.cli.TestStores;
import dev.berth.ecs.runtime.ContainerInfo;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A secret put with the real {@code berth secret put} process (value on standard input) reaches
 * the environment of the containers that name it, by NAME, Secrets Manager ARN and SSM parameter
 * ARN, and appears nowhere else: not in what plan, apply, show or state print, not in a byte of
 * berth.db or the control plane's ecs.db, not in a container label. A secret nobody put stops the
 * plan; one deleted after the plan stops the task with ECS's reason.
 */
class SecretsIT extends ClusterFixture {
    static final String VALUE = "Pa55w0rd-QUUX-8675309";
    private static final Path FIXTURES = Path.of("src", "test", "resources", "it", "secrets");

    private record Proc(int exit, String output) {
    }

    /** berth ARGS in a JVM of its own (bin/berth), with this test's stores and {@code stdin} piped in. */
    private Proc process(String stdin, String... args) throws Exception {
        Process p = TestStores.in(BerthProcess.command(List.of(args)), dir).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("berth " + String.join(" ", args) + " did not finish: " + out);
        }
        return new Proc(p.exitValue(), out);
    }

    private CliRun berth(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-var", "cluster_name=" + cluster));
        return CliRun.in(dir, all.toArray(String[]::new));
    }

    @Override
    String[] destroyArgs() {
        return new String[]{"destroy", "-auto-approve", "-lock-timeout=30s", "-var", "cluster_name=" + cluster};
    }

    @Test
    void theSecretReachesTheContainersAndNothingElse() throws Exception {
        Files.copy(FIXTURES.resolve("main.hcl"), dir.resolve("main.hcl"));
        Proc put = process(VALUE + "\n", "secret", "put", "DB_PASSWORD");
        assertEquals(0, put.exit(), put.output());
        Path store = TestStores.secrets(dir);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store)));
        Proc list = process("", "secret", "list");
        assertTrue(list.output().contains("DB_PASSWORD "), list.output());

        Map<String, String> printed = new LinkedHashMap<>();
        printed.put("secret put", put.output());
        printed.put("secret list", list.output());
        for (String[] args : List.of(new String[]{"plan"}, new String[]{"plan", "-json"},
                new String[]{"apply", "-auto-approve"}, new String[]{"plan", "-detailed-exitcode"})) {
            CliRun r = berth(args);
            assertEquals(0, r.exitCode(), String.join(" ", args) + ": " + r);
            printed.put(String.join(" ", args), r.out() + r.err());
        }
        for (String[] args : List.of(new String[]{"show"}, new String[]{"show", "-json"}, new String[]{"state", "pull"},
                new String[]{"state", "show", "ecs_service.blocks"}, new String[]{"state", "show", "ecs_task_definition.json"})) {
            CliRun r = CliRun.in(dir, args);
            assertEquals(0, r.exitCode(), String.join(" ", args) + ": " + r);
            printed.put(String.join(" ", args), r.out() + r.err());
        }
        assertTrue(printed.get("plan").contains("DB_PASSWORD"), "the plan shows the reference:\n" + printed.get("plan"));
        printed.forEach((what, text) -> assertFalse(text.contains(VALUE), what + " shows the value:\n" + text));

        List<ContainerInfo> containers = DockerEngine.containersOf(docker, cluster);
        assertEquals(2, containers.size(), containers.toString());
        for (ContainerInfo c : containers) {
            String env = DockerEngine.cli("exec", c.id(), "env");
            boolean blocks = c.labels().get("dev.berth.task-definition").contains(cluster + "-blocks");
            for (String var : blocks ? List.of("DB_PASSWORD", "FROM_ASM") : List.of("FROM_SSM")) {
                assertTrue(env.contains(var + "=" + VALUE), var + " in the environment of " + c.name() + ":\n" + env);
            }
            assertFalse(c.labels().toString().contains(VALUE), "labels of " + c.name() + ": " + c.labels());
        }
        String stored = TestStores.storedText(dir);
        assertFalse(stored.contains(VALUE), "the state or the control plane holds the value");
        assertTrue(stored.contains("DB_PASSWORD"), "the state holds the reference, so the search above can find things");

        deletedSinceStopsTheTaskWithEcssReason();
    }

    /** With the secret gone, a new task of the definition stops as ECS stops it; the plan says why first. */
    private void deletedSinceStopsTheTaskWithEcssReason() throws Exception {
        Proc deleted = process("", "secret", "delete", "DB_PASSWORD");
        assertEquals(0, deleted.exit(), deleted.output());
        Proc run = process("", "ecs", "run-task", "--cluster", cluster, "--task-definition", cluster + "-json",
                "--launch-type", "FARGATE");
        assertTrue(run.output().contains("ResourceInitializationError: unable to pull secrets or registry auth: "
                + "execution resource retrieval failed: unable to retrieve secrets from ssm: invalid ssm parameters: "
                + "DB_PASSWORD"), run.output());
        CliRun plan = berth("plan");
        assertEquals(1, plan.exitCode(), plan.toString());
        assertTrue(plan.err().contains("Container \"app\" secret \"FROM_SSM\": No secret named \"DB_PASSWORD\""),
                plan.toString());
    }

    @Test
    void aSecretNobodyPutStopsThePlanNamingContainerAndSecret() throws Exception {
        Path missing = dir.resolve("missing");
        Files.createDirectories(missing);
        Files.copy(FIXTURES.resolve("missing").resolve("main.hcl"), missing.resolve("main.hcl"));
        CliRun plan = CliRun.in(missing, "plan");
        assertEquals(1, plan.exitCode(), plan.toString());
        assertTrue(plan.err().contains("Container \"worker\" secret \"API_TOKEN\": No secret named \"team/api-token\" in "
                + "berth's secret store " + TestStores.secrets(missing) + "; set it with: berth secret put team/api-token"),
                plan.toString());
    }
}
