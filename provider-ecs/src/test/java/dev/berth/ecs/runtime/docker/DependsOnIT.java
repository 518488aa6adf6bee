package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.ContainerLifecycle;
import dev.berth.ecs.runtime.ContainerLifecycle.Condition;
import dev.berth.ecs.runtime.ContainerLifecycle.Dependency;
import dev.berth.ecs.runtime.HealthProbe;
import dev.berth.ecs.runtime.PortBinding;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.testing.NoStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * dependsOn, essential and the start and stop timeouts on the real engine: the order is read
 * back from what Docker itself recorded (State.StartedAt, FinishedAt, the health log).
 */
@Tag(NoStore.TAG)
class DependsOnIT extends EngineFixture {

    private static ContainerLaunch container(String name, boolean essential, HealthProbe health,
                                             ContainerLifecycle lifecycle, String shell) {
        return new ContainerLaunch(name, TestEngine.IMAGE, null, null, null, List.of(), Map.of(), null,
                List.of("sh", "-c", shell), essential, health).withLifecycle(lifecycle);
    }

    private static ContainerLifecycle after(String name, Condition condition) {
        return new ContainerLifecycle(List.of(new Dependency(name, condition)), null, null);
    }

    private InspectContainerResponse inspect(String id) {
        return engine.raw.inspectContainerCmd(id).exec();
    }

    private static Instant startedAt(InspectContainerResponse r) {
        return Instant.parse(r.getState().getStartedAt());
    }

    private static ContainerInfo named(List<ContainerInfo> infos, String name) {
        return infos.stream().filter(i -> i.name().endsWith("-" + name)).findFirst().orElseThrow();
    }

    @Test
    void healthyHoldsTheSecondContainerUntilTheFirstIsHealthy() {
        // db turns healthy about 3 s after it starts; Docker probes it every second.
        HealthProbe ready = new HealthProbe(List.of("CMD-SHELL", "test -f /ready"), 1, 1, 10, 0);
        ContainerLaunch db = container("db", true, ready, null, "sleep 3; touch /ready; exec sleep 3600");
        ContainerLaunch app = container("app", true, null, after("db", Condition.HEALTHY), "exec sleep 3600");
        List<ContainerInfo> infos = engine.runtime.startTask(engine.task(engine.newTaskArn(), "bridge", app, db));

        InspectContainerResponse dbRaw = inspect(named(infos, "db").id());
        InspectContainerResponse appRaw = inspect(named(infos, "app").id());
        Instant firstHealthy = dbRaw.getState().getHealth().getLog().stream()
                .filter(l -> Long.valueOf(0).equals(l.getExitCodeLong())).map(HealthStateLog::getEnd)
                .map(e -> Instant.parse(e.replaceFirst("([+-]\\d\\d:\\d\\d)$", "$1").replace(" ", "T")))
                .min(Instant::compareTo).orElseThrow();
        assertTrue(Duration.between(startedAt(dbRaw), startedAt(appRaw)).toMillis() >= 3000,
                "app started " + startedAt(appRaw) + ", db " + startedAt(dbRaw));
        assertFalse(startedAt(appRaw).isBefore(firstHealthy),
                "app started " + startedAt(appRaw) + " before db's first passing check " + firstHealthy);
        assertEquals("healthy", dbRaw.getState().getHealth().getStatus());
    }

    @Test
    void successAndCompleteWaitForAOneShotInitContainerToExit() {
        ContainerLaunch init = container("init", false, null, null, "sleep 2; exit 0");
        ContainerLaunch failing = container("check", false, null, null, "sleep 1; exit 3");
        ContainerLaunch app = container("app", true, null, after("init", Condition.SUCCESS), "exec sleep 3600");
        ContainerLaunch report = container("report", true, null, after("check", Condition.COMPLETE), "exec sleep 3600");
        List<ContainerInfo> infos = engine.runtime.startTask(engine.task(engine.newTaskArn(), "bridge",
                app, init, report, failing));

        InspectContainerResponse initRaw = inspect(named(infos, "init").id());
        InspectContainerResponse checkRaw = inspect(named(infos, "check").id());
        assertEquals(0L, initRaw.getState().getExitCodeLong());
        assertEquals(3L, checkRaw.getState().getExitCodeLong());
        Instant initDone = Instant.parse(initRaw.getState().getFinishedAt());
        Instant checkDone = Instant.parse(checkRaw.getState().getFinishedAt());
        assertFalse(startedAt(inspect(named(infos, "app").id())).isBefore(initDone));
        assertFalse(startedAt(inspect(named(infos, "report").id())).isBefore(checkDone),
                "COMPLETE accepts a failed exit");
        assertTrue(named(infos, "app").running() && named(infos, "report").running());
        assertEquals(List.of("app", "init", "report", "check"),
                infos.stream().map(i -> i.name().substring(i.name().lastIndexOf('-') + 1)).toList(),
                "the started containers come back in definition order");
    }

    @Test
    void aSuccessDependencyThatFailsStopsTheTaskWithTheAgentsReasonAndLeavesNothing() {
        String arn = engine.newTaskArn();
        ContainerLaunch init = container("init", false, null, null, "exit 1");
        ContainerLaunch app = container("app", true, null, after("init", Condition.SUCCESS), "exec sleep 3600");
        RuntimeFailure.ExitedAtStart e = assertThrows(RuntimeFailure.ExitedAtStart.class,
                () -> engine.runtime.startTask(engine.task(arn, "bridge", init, app)));
        assertEquals("CannotStartContainerError: dependency graph: failed to resolve container ordering dependency "
                + "[init] for target [app] as dependency did not exit successfully.", e.getMessage());
        assertEquals("app", e.container());
        assertEquals(143, e.exitCode());
        assertEquals(List.of(), engine.containersOf(arn), "a task that cannot start leaves no container");
    }

    @Test
    void aDependencyThatNeverTurnsHealthyTimesOutAfterItsStartTimeout() {
        String arn = engine.newTaskArn();
        HealthProbe never = new HealthProbe(List.of("CMD-SHELL", "exit 1"), 1, 1, 1, 0);
        ContainerLaunch db = container("db", true, never, new ContainerLifecycle(List.of(), 4, null), "exec sleep 3600");
        ContainerLaunch app = container("app", true, null, after("db", Condition.HEALTHY), "exec sleep 3600");
        long t0 = System.nanoTime();
        RuntimeFailure.ExitedAtStart e = assertThrows(RuntimeFailure.ExitedAtStart.class,
                () -> engine.runtime.startTask(engine.task(arn, "bridge", db, app)));
        long waited = (System.nanoTime() - t0) / 1_000_000;
        assertEquals("CannotStartContainerError: dependency graph: container ordering dependency [db] for target "
                + "[app] has timed out.", e.getMessage());
        assertTrue(waited >= 4000 && waited < 15000, "waited " + waited + " ms for a 4 s start timeout");
        assertEquals(List.of(), engine.containersOf(arn));
    }

    @Test
    void aNonEssentialContainerThatExitsDoesNotFailTheStart() {
        ContainerLaunch app = container("app", true, null, null, "exec sleep 3600");
        ContainerLaunch job = container("job", false, null, null, "exit 4");
        List<ContainerInfo> infos = engine.runtime.startTask(engine.task(engine.newTaskArn(), "bridge", app, job));
        assertTrue(named(infos, "app").running());
        assertEquals(4, named(infos, "job").exitCode());
    }

    @Test
    void inAwsvpcAnInitContainerRunsBeforeTheNamespaceOwnerInANamespaceOfItsOwn() throws Exception {
        // Every container but init waits: web (the first that runs for the whole task) owns the namespace.
        ContainerLaunch init = container("init", false, null, null, "sleep 1");
        ContainerLaunch web = new ContainerLaunch("web", TestEngine.IMAGE, null, null, null,
                List.of(new PortBinding(80, 0, "tcp")), Map.of(), null,
                List.of("sh", "-c", "mkdir -p /www && echo up > /www/index.html && exec httpd -f -p 80 -h /www"), true)
                .withLifecycle(after("init", Condition.SUCCESS));
        ContainerLaunch probe = container("probe", false, null, after("init", Condition.COMPLETE), "exec sleep 3600");
        List<ContainerInfo> infos = engine.runtime.startTask(engine.task(engine.newTaskArn(), "awsvpc",
                init, web, probe));
        ContainerInfo webInfo = named(infos, "web");
        InspectContainerResponse probeRaw = inspect(named(infos, "probe").id());
        assertEquals(engine.networkName(), inspect(named(infos, "init").id()).getHostConfig().getNetworkMode());
        assertEquals(engine.networkName(), inspect(webInfo.id()).getHostConfig().getNetworkMode());
        assertEquals("container:" + webInfo.id(), probeRaw.getHostConfig().getNetworkMode());
        assertEquals(1, webInfo.ports().size(), "the namespace owner publishes the task's ports");
        assertEquals("up", engine.exec(probeRaw.getId(), "wget", "-qO-", "http://127.0.0.1:80/").strip());
        assertFalse(startedAt(probeRaw).isBefore(startedAt(inspect(webInfo.id()))),
                "a container joining the namespace starts after its owner");
    }

    @Test
    void stopTimeoutIsTheGraceDockerGivesAContainerThatIgnoresSigterm() {
        // sleep as PID 1 ignores SIGTERM, so a stop lasts exactly the grace.
        String arn = engine.newTaskArn();
        ContainerLaunch slow = container("slow", true, null, new ContainerLifecycle(List.of(), null, 5),
                "exec sleep 3600");
        List<ContainerInfo> infos = engine.runtime.startTask(engine.task(arn, "bridge", slow));
        assertEquals(5, readStopTimeout(infos.get(0).id()));
        long t0 = System.nanoTime();
        engine.runtime.stopTask(arn, Duration.ofSeconds(1));
        long took = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(took >= 5000 && took < 9000, "stop took " + took + " ms; its stopTimeout is 5 s");
        assertEquals(List.of(), engine.containersOf(arn));

        String other = engine.newTaskArn();
        ContainerLaunch plain = container("plain", true, null, null, "exec sleep 3600");
        engine.runtime.startTask(engine.task(other, "bridge", plain));
        t0 = System.nanoTime();
        engine.runtime.stopTask(other, Duration.ofSeconds(1));
        took = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(took >= 1000 && took < 4000, "without a stopTimeout the caller's 1 s applies; took " + took);
    }

    /** Config.StopTimeout as Docker reports it (docker-java's model lacks the field). */
    private int readStopTimeout(String id) {
        Integer t = new StopSignals(DockerConnection.open(null).http()).stop(id).timeoutSeconds();
        assertNotNull(t);
        return t;
    }
}
