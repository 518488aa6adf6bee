package dev.berth.cli.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.cli.CliRun;
import dev.berth.cli.TestStores;
import dev.berth.cli.ecs.EcsCli;
import dev.berth.cli.ecs.EcsSession;
import dev.berth.cli.ecs.model.EcsModel;
import dev.berth.cli.wiring.EcsApis;
import dev.berth.ecs.runtime.ContainerInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A fault injected under a real apply, {@code berth ecs} and the real engine: what the user is
 * told, what the control plane records and what the engine runs, and that the next apply
 * recovers. The configuration and the control plane are this test's directory's own.
 */
abstract class FaultFixture extends ClusterFixture {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** berth ecs ARGS... on this test's control plane, as JSON; fails the test on a non-zero exit. */
    JsonNode ecs(String... args) throws Exception {
        // As EcsCommandsIT runs it: the session is given this directory's control plane.
        EcsSession session = new EcsSession(dir, java.time.ZoneId.of("UTC"), TestStores.env(dir), false, 80);
        java.io.StringWriter out = new java.io.StringWriter(), err = new java.io.StringWriter();
        int exit = new EcsCli(EcsModel.get(), session, new EcsApis(session))
                .run(List.of(args), new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        assertEquals(0, exit, () -> "berth ecs " + String.join(" ", args) + ":\n" + err + out);
        return JSON.readTree(out.toString());
    }

    JsonNode describeTask(String taskArn) throws Exception {
        return ecs("describe-tasks", "--cluster", cluster, "--tasks", taskArn).get("tasks").get(0);
    }

    /** Describes the task until {@code done} holds of it (at most {@code seconds}); returns the last description. */
    JsonNode describeUntil(String taskArn, Predicate<JsonNode> done, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        JsonNode t = describeTask(taskArn);
        while (!done.test(t) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            t = describeTask(taskArn);
        }
        return t;
    }

    List<String> taskArns(String... filters) throws Exception {
        List<String> args = new ArrayList<>(List.of("list-tasks", "--cluster", cluster));
        args.addAll(List.of(filters));
        List<String> out = new ArrayList<>();
        ecs(args.toArray(String[]::new)).get("taskArns").forEach(n -> out.add(n.asText()));
        return out;
    }

    List<ContainerInfo> containers() {
        return DockerEngine.containersOf(docker, cluster);
    }

    List<ContainerInfo> running() {
        return containers().stream().filter(ContainerInfo::running).toList();
    }

    /** The plan after recovery shows nothing to do. */
    void assertConverged(String... vars) {
        List<String> args = new ArrayList<>(List.of("plan", "-detailed-exitcode"));
        args.addAll(List.of(vars));
        CliRun plan = CliRun.in(dir, args.toArray(String[]::new));
        assertEquals(0, plan.exitCode(), () -> "the plan after recovery still changes something:\n" + plan);
    }
}
