package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import dev.berth.ecs.runtime.ContainerInfo;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One secret taken every way (jsonencode into container_definitions, container blocks,
 * templates, format, for, conditionals, merge, lookup, base64encode, outputs) into two task
 * definitions run by two services on the real engine, with the state in a real SQLite file.
 * Not a byte of it, nor its base64 spelling, may appear in anything berth prints: plans in
 * every format, a saved plan shown, apply, show, state show, state pull, output, error messages
 * and the agent's log; nor in the containers' labels. The containers' environment must hold it,
 * or the test would prove nothing.
 */
class SensitiveIT extends ClusterFixture {
    static final String SECRET = "s3cr3t-XYZZY-42";
    private static final Path FIXTURES = Path.of("src", "test", "resources", "it", "sensitive");

    /** The secret as it might leak: itself, its core, and its base64 at each of the three alignments. */
    static List<String> spellings() {
        List<String> out = new ArrayList<>(List.of(SECRET, "XYZZY"));
        for (String pad : List.of("", "x", "xx")) {
            String b64 = Base64.getEncoder().encodeToString((pad + SECRET).getBytes(StandardCharsets.UTF_8));
            out.add(b64.substring(4, b64.length() - 4));
        }
        return out;
    }

    static void assertHidden(String where, String text) {
        for (String s : spellings()) {
            assertFalse(text.contains(s), where + " shows \"" + s + "\":\n" + text);
        }
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

    private void writeConfig(Path to, String fixture) throws Exception {
        Files.createDirectories(to);
        Files.copy(FIXTURES.resolve(fixture), to.resolve("main.hcl"));
        Files.writeString(to.resolve("berth.tfvars"), "secret = \"" + SECRET + "\"\n");
    }

    @Test
    void theSecretIsInTheContainersAndNowhereElse() throws Exception {
        writeConfig(dir, "main.hcl");
        Map<String, CliRun> printed = new LinkedHashMap<>();
        printed.put("plan", berth("plan"));
        printed.put("plan -json", berth("plan", "-json"));
        printed.put("plan -markdown", berth("plan", "-markdown"));
        printed.put("plan -out", berth("plan", "-out=saved.plan"));
        printed.put("show PLAN", CliRun.in(dir, "show", "saved.plan"));
        printed.put("show -json PLAN", CliRun.in(dir, "show", "-json", "saved.plan"));
        printed.put("apply PLAN", CliRun.in(dir, "apply", "saved.plan"));
        for (var e : printed.entrySet()) assertEquals(0, e.getValue().exitCode(), e.getKey() + ": " + e.getValue());
        assertTrue(printed.get("plan").out().matches("(?s).*container_definitions +(= )?\\(sensitive value\\).*"),
                printed.get("plan").toString());

        CliRun again = berth("plan", "-detailed-exitcode");
        assertEquals(0, again.exitCode(), "marks must survive the state file without a spurious change: " + again);
        printed.put("plan after apply", again);
        printed.put("show", CliRun.in(dir, "show"));
        printed.put("show -json", CliRun.in(dir, "show", "-json"));
        for (String addr : List.of("ecs_task_definition.json", "ecs_task_definition.blocks", "ecs_service.json",
                "ecs_service.blocks")) {
            printed.put("state show " + addr, CliRun.in(dir, "state", "show", addr));
        }
        printed.put("state pull", CliRun.in(dir, "state", "pull"));
        printed.put("output", CliRun.in(dir, "output"));
        printed.put("output -json", CliRun.in(dir, "output", "-json"));
        CliRun raw = CliRun.in(dir, "output", "-raw", "is_secret");
        assertEquals("true", raw.out().trim(), "nonsensitive(issensitive(var.secret)): " + raw);
        assertTrue(printed.get("state pull").out().contains("\"sensitive_attributes\""), printed.get("state pull").out());
        for (String name : List.of("secret_env", "definitions")) {
            for (String flag : List.of("-json", "-raw")) {
                CliRun refused = CliRun.in(dir, "output", flag, name);
                assertEquals(1, refused.exitCode(), refused.toString());
                printed.put("output " + flag + " " + name, refused);
            }
        }
        printed.forEach((what, r) -> assertHidden(what, r.out() + r.err()));

        List<ContainerInfo> containers = DockerEngine.containersOf(docker, cluster);
        assertEquals(2, containers.size(), containers.toString());
        for (ContainerInfo c : containers) {
            assertEquals(SECRET, c.environment().get("PASSWORD"), "the container must get the secret");
            assertEquals("pw=" + SECRET, c.environment().get("T"));
            assertHidden("labels of " + c.name(), c.labels().toString());
        }
        assertAgentLogHidesIt(containers.get(0));
    }

    /** The agent replaces a killed task; its log and the state it saves keep the secret hidden. */
    private void assertAgentLogHidesIt(ContainerInfo victim) throws Exception {
        try (AgentProcess agent = AgentProcess.start(dir, "-var", "cluster_name=" + cluster)) {
            String task = victim.labels().get("dev.berth.task-arn");
            DockerEngine.kill(victim.id());
            agent.await(l -> l.contains("task " + task + " STOPPED"), Duration.ofSeconds(10));
            agent.await(l -> l.contains("1 tasks running; state saved") || l.contains("1 task running; state saved"),
                    Duration.ofSeconds(15));
            assertEquals(0, agent.terminate(Duration.ofSeconds(10)), agent.output());
            assertHidden("the agent's log", agent.output());
        }
        List<ContainerInfo> now = DockerEngine.containersOf(docker, cluster).stream()
                .filter(ContainerInfo::running).toList();
        assertTrue(now.stream().noneMatch(c -> c.id().equals(victim.id())), "the victim was replaced");
        for (ContainerInfo c : now) assertHidden("labels of " + c.name(), c.labels().toString());
        for (String what : List.of("ecs_service.json", "ecs_service.blocks")) {
            CliRun shown = CliRun.in(dir, "state", "show", what);
            assertEquals(0, shown.exitCode(), shown.toString());
            assertHidden("state show " + what + " after the agent", shown.out());
        }
        CliRun pulled = CliRun.in(dir, "state", "pull");
        assertHidden("state pull after the agent", pulled.out());
        assertNotEquals("", pulled.out());
    }

    @Test
    void errorsProvokedWithTheSecretDoNotQuoteIt() throws Exception {
        Path validation = dir.resolve("validation");
        writeConfig(validation, "errors/validation.hcl");
        CliRun v = CliRun.in(validation, "plan");
        assertEquals(1, v.exitCode(), v.toString());
        assertTrue(v.err().contains("Invalid value for variable \"secret\""), v.toString());
        assertHidden("a validation error", v.out() + v.err());

        Path evaluation = dir.resolve("evaluation");
        writeConfig(evaluation, "errors/evaluation.hcl");
        CliRun e = CliRun.in(evaluation, "plan");
        assertEquals(1, e.exitCode(), e.toString());
        for (String expected : List.of("Output refers to sensitive values", "function \"tonumber\"",
                "Family \"(sensitive value)\"", "Container name \"(sensitive value)\" is used twice")) {
            assertTrue(e.err().contains(expected), "expected \"" + expected + "\" in\n" + e);
        }
        assertHidden("errors of a plan", e.out() + e.err());
    }
}
