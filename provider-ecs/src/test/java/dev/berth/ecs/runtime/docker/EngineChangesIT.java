package dev.berth.ecs.runtime.docker;

import dev.berth.ecs.dockerd.Commands;
import dev.berth.ecs.dockerd.SecondDockerd;
import dev.berth.ecs.runtime.Changed;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.testing.NoStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the real engine's event log says about changes: a container's start and kill count, a quiet moment does not. */
@Tag(NoStore.TAG)
class EngineChangesIT {
    private static final String IMAGE = "berth-example/busybox:latest";
    private DockerRuntime engine;
    private String container;

    @BeforeEach
    void connect() {
        engine = LocalEngine.require();
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
        assertTrue(touched(engine.changedSince(beforeRun, List.of()), container), "a container started since");
        Instant afterRun = Instant.now();
        Thread.sleep(50);
        docker("kill", container);
        docker("wait", container);
        assertTrue(touched(engine.changedSince(afterRun, List.of()), container), "a container killed since");
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
            assertTrue(rt.changedSince(before, List.of()).nothing());
            second.stop();
            second.start();
            assertTrue(rt.changedSince(before, List.of()).anything(), "the engine restarted since");
        }
    }

    /**
     * On an engine of its own, where nothing else happens, each kind of event names exactly what
     * it changed: a container's start and its network's connect name it, an exec in it names
     * nothing, an image tagged is anything; and a listing of only the named ids finds them.
     */
    @Test
    void eachKindOfEventNamesWhatItChanged() throws Exception {
        try (SecondDockerd second = SecondDockerd.plain(); DockerRuntime rt = DockerRuntime.connect(second.unixHost())) {
            second.docker("network", "create", "changes").orFail("network create");
            second.docker("network", "create", "changes-too").orFail("network create");
            String other = second.docker("run", "-d", "--network", "changes", "--label", "dev.berth.test=changes",
                    SecondDockerd.IMAGE, "sleep", "300").orFail("docker run").output().strip();
            assertTrue(eventuallyUnchanged(rt), "a private engine with nothing happening");

            Instant beforeRun = Instant.now();
            Thread.sleep(50);
            String id = second.docker("run", "-d", "--network", "none", "--label", "dev.berth.test=changes",
                    SecondDockerd.IMAGE, "sleep", "300").orFail("docker run").output().strip();
            assertEquals(Changed.containers(Set.of(id)), rt.changedSince(beforeRun, List.of()), "its create and start");
            assertEquals(Changed.NOTHING, rt.changedSince(beforeRun, List.of("dev.berth.test=elsewhere")),
                    "its events name its labels, and a listing of other labels cannot show it");
            assertEquals(Changed.containers(Set.of(id)), rt.changedSince(beforeRun, List.of("dev.berth.test=changes",
                    "dev.berth.test")), "a listing its labels match");

            Thread.sleep(50); // the step before well past: a listing begun within 10 ms of an event counts it
            Instant beforeExec = Instant.now();
            Thread.sleep(50);
            second.docker("exec", id, "true").orFail("docker exec");
            assertEquals(Changed.NOTHING, rt.changedSince(beforeExec, List.of()), "a process run inside it");

            Thread.sleep(50); // the step before well past: a listing begun within 10 ms of an event counts it
            Instant beforeConnect = Instant.now();
            Thread.sleep(50);
            second.docker("network", "connect", "changes-too", other).orFail("network connect");
            assertEquals(Changed.containers(Set.of(other)), rt.changedSince(beforeConnect, List.of()), "the network's connect names it");
            assertEquals(Set.of(id, other), rt.changedSince(beforeRun, List.of()).containerIds(), "both since the first moment");
            assertEquals(List.of(other), rt.listSummaries(List.of("dev.berth.test=changes"), Set.of(other)).stream()
                    .map(ContainerInfo::id).toList(), "a listing of the changed ids only");

            Thread.sleep(50); // the step before well past: a listing begun within 10 ms of an event counts it
            Instant beforeTag = Instant.now();
            Thread.sleep(50);
            second.docker("tag", SecondDockerd.IMAGE, "changes/retagged:1").orFail("docker tag");
            assertTrue(rt.changedSince(beforeTag, List.of()).anything(), "an image tagged");

            Thread.sleep(50); // the step before well past: a listing begun within 10 ms of an event counts it
            Instant beforeKill = Instant.now();
            Thread.sleep(50);
            second.docker("kill", id).orFail("docker kill");
            Changed killed = rt.changedSince(beforeKill, List.of("dev.berth.test=changes"));
            assertTrue(touched(killed, id), "a death is seen by a listing its labels match");
            assertFalse(rt.changedSince(beforeKill, List.of("dev.berth.test=elsewhere")).containerIds().contains(id),
                    "and by no listing they do not");
        }
    }

    private static boolean touched(Changed changed, String id) {
        return changed.anything() || changed.containerIds().contains(id);
    }

    private boolean eventuallyUnchanged() throws InterruptedException {
        return eventuallyUnchanged(engine);
    }

    /** Whether some moment, within 20 s, went by with no change on the engine. */
    private static boolean eventuallyUnchanged(DockerRuntime rt) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            Instant since = Instant.now();
            Thread.sleep(50);
            if (rt.changedSince(since, List.of()).nothing()) return true;
        }
        return false;
    }

    /** The docker CLI against the shared engine; what it printed. */
    private static String docker(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        return Commands.run(null, 60, command).orFail(String.join(" ", command)).output();
    }
}
