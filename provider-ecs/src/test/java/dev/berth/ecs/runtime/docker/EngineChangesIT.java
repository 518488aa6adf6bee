package dev.berth.ecs.runtime.docker;

import dev.berth.ecs.dockerd.SecondDockerd;
import dev.berth.ecs.runtime.RuntimeFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the real engine's event log says about changes: a container's start and kill count, a quiet moment does not. */
class EngineChangesIT {
    private static final String IMAGE = "berth-example/busybox:latest";
    private DockerRuntime engine;
    private String container;

    @BeforeEach
    void connect() {
        engine = DockerRuntime.connect(null);
        try {
            engine.ping();
        } catch (RuntimeFailure e) {
            engine.close();
            if ("true".equals(System.getenv("CI"))) Assertions.fail("Docker engine required in CI: " + e.getMessage());
            Assumptions.abort("No Docker engine: " + e.getMessage());
        }
    }

    @AfterEach
    void remove() throws Exception {
        if (container != null) docker("rm", "-f", container);
        engine.close();
    }

    @Test
    void aStartAndAKillAreChangesAndAQuietMomentIsNot() throws Exception {
        assertTrue(eventuallyUnchanged(), "with nothing happening the engine says so (other tests may share it)");

        Instant beforeRun = Instant.now();
        Thread.sleep(50);
        container = docker("run", "-d", "--network", "none", "--label", "dev.berth.test=engine-changes", IMAGE,
                "sleep", "300").trim();
        assertFalse(engine.unchangedSince(beforeRun), "a container started since");
        Instant afterRun = Instant.now();
        Thread.sleep(50);
        docker("kill", container);
        docker("wait", container);
        assertFalse(engine.unchangedSince(afterRun), "a container killed since");
    }

    /**
     * An engine that restarts begins an empty event log, so the log alone would say nothing
     * changed though its containers died with it: the restart itself must count.
     */
    @Test
    void anEngineThatRestartedHasChangedThoughItsNewLogIsEmpty() throws Exception {
        try (SecondDockerd second = SecondDockerd.plain(); DockerRuntime rt = DockerRuntime.connect(second.unixHost())) {
            second.docker("run", "-d", "--network", "none", SecondDockerd.IMAGE, "sleep", "300").orFail("docker run");
            assertTrue(eventuallyUnchanged(rt), "a private engine with nothing happening");
            Instant before = Instant.now();
            Thread.sleep(50);
            assertTrue(rt.unchangedSince(before));
            second.stop();
            second.start();
            assertFalse(rt.unchangedSince(before), "the engine restarted since");
        }
    }

    private boolean eventuallyUnchanged() throws InterruptedException {
        return eventuallyUnchanged(engine);
    }

    /** Whether some moment, within 20 s, went by with no change on the engine. */
    private static boolean eventuallyUnchanged(DockerRuntime rt) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            Instant since = Instant.now();
            Thread.sleep(50);
            if (rt.unchangedSince(since)) return true;
        }
        return false;
    }

    private static String docker(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "docker";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new AssertionError(String.join(" ", command) + ": " + out);
        return out;
    }
}
