package dev.berth.cli.it;

import dev.berth.cli.CliRun;
import dev.berth.cli.TestStores;
import dev.berth.engine.state.LockInfo;
import dev.berth.engine.state.StateLockedException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a user sees when something goes wrong for real: one clear sentence, no stack trace, the
 * state consistent with the world, and no container left behind by a failed start.
 */
class FailuresIT extends ClusterFixture {
    private void write(String image, String command, int desiredCount) throws Exception {
        Files.writeString(dir.resolve("main.hcl"), FargateApp.clusterAndApp(cluster, image, 64, command)
                + FargateApp.service("app", desiredCount, null));
    }

    /**
     * No Java stack trace and no Java exception class: an ECS error name such as ServerException
     * is the API's word for the failure and may be shown, as the AWS CLI shows it.
     */
    static void assertNoStackTrace(CliRun r) {
        assertFalse(JAVA_TRACE.matcher(r.err()).find(), () -> "stack trace shown:\n" + r);
    }

    private static final java.util.regex.Pattern JAVA_TRACE = java.util.regex.Pattern.compile(
            "\tat |Caused by:|\\b(java|javax|dev|com|org)\\.[\\w.$]*(Exception|Error)\\b"
                    + "|\\b(NullPointer|IllegalState|IllegalArgument|ClassCast|\\w*OutOfBounds|Runtime|UnsupportedOperation"
                    + "|NumberFormat|IO|Interrupted)Exception\\b");

    @Test
    void aMissingImageIsOneSentenceAndLeavesNoContainer() throws Exception {
        write("berth-example/no-such-image:1", "sleep 60", 1);
        CliRun r = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("Image \"berth-example/no-such-image:1\" is not present on the Docker engine"), r::toString);
        assertNoStackTrace(r);
        assertTrue(DockerEngine.containersOf(docker, cluster).isEmpty(), "no container left behind");

        CliRun list = CliRun.of("-chdir=" + dir, "state", "list");
        assertTrue(list.out().contains("ecs_cluster.main"), "what was created is recorded: " + list);
        CliRun plan = CliRun.in(dir, "plan");
        assertTrue(plan.out().contains("ecs_service.app is tainted, so must be replaced")
                || plan.out().contains("ecs_service.app will be created"), plan::toString);
    }

    @Test
    void aContainerThatExitsAtOnceIsReportedWithItsExitCode() throws Exception {
        write("berth-example/busybox:latest", "echo starting; exit 3", 1);
        CliRun r = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("exited right after starting (exit code 3)"), r::toString);
        assertTrue(r.err().contains("starting"), "the container's last output is shown: " + r);
        assertNoStackTrace(r);
        assertTrue(DockerEngine.containersOf(docker, cluster).isEmpty(), "the failed task's container is removed");
    }

    @Test
    void anUnreachableEngineIsNamedAndNothingIsLost() throws Exception {
        write("berth-example/busybox:latest", "sleep 60", 1);
        ProcessBuilder pb = BerthProcess.command(List.of("-chdir=" + dir, "apply", "-auto-approve", "-no-color"))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().put("DOCKER_HOST", "unix:///tmp/berth-no-engine.sock");
        TestStores.in(pb, dir);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        String err = new String(p.getErrorStream().readAllBytes());
        CliRun r = new CliRun(p.waitFor(), out, err);
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(err.contains("Cannot connect to the Docker engine at unix:///tmp/berth-no-engine.sock (DOCKER_HOST)"),
                r::toString);
        assertNoStackTrace(r);
        CliRun list = CliRun.of("-chdir=" + dir, "state", "list");
        assertFalse(list.out().contains("ecs_cluster.main"), "the cluster was not created, so it is not in state");
        assertFalse(list.out().contains("ecs_service.app"), "nothing was applied on top of the failure");
    }

    @Test
    void aSecondConcurrentApplyIsRefusedNamingTheHolder() throws Exception {
        write("berth-example/busybox:latest", "sleep 600", 3);
        CompletableFuture<CliRun> first = CompletableFuture.supplyAsync(
                () -> CliRun.in(dir, "apply", "-auto-approve", "-lock-timeout=60s"));
        waitUntilLockedByAnother(dir, first);

        CliRun second = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(1, second.exitCode(), second::toString);
        assertTrue(second.err().contains("Error acquiring the state lock: the state is locked by "), second::toString);
        assertTrue(second.err().contains("(operation apply, lock ID "), second::toString);
        assertTrue(second.err().contains(System.getProperty("user.name") + "@"), "the holder is named: " + second);
        assertNoStackTrace(second);

        CliRun firstResult = first.get();
        assertEquals(0, firstResult.exitCode(), firstResult::toString);
        assertTrue(firstResult.out().contains("Apply complete! Resources: 3 added"), firstResult::toString);
    }

    /**
     * Probes the lock until the first apply holds it. The probe's own brief hold is harmless:
     * the first apply waits for it with -lock-timeout.
     */
    private static void waitUntilLockedByAnother(Path dir, CompletableFuture<CliRun> first) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (first.isDone()) throw new AssertionError("the first apply ended before it was seen holding the lock: " + first.get());
            if (dev.berth.cli.TestStores.stateExists(dir)) {
                try (var store = dev.berth.cli.TestStores.openState(dir)) {
                    String id = "probe-" + UUID.randomUUID();
                    store.lock(new LockInfo(id, "probe", "test", Instant.now()), Duration.ZERO);
                    store.unlock(id);
                } catch (StateLockedException held) {
                    if (held.holder().operation().equals("apply")) return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the first apply never took the lock");
    }
}
