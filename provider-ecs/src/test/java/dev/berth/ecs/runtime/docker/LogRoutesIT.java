package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import dev.berth.ecs.logs.LogArchive;
import dev.berth.ecs.logs.LogStore;
import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.LogLine;
import dev.berth.ecs.runtime.LogRoute;
import dev.berth.ecs.runtime.RuntimeFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Log routes on the real engine: Docker's drivers as configured, kept output outliving its container. */
class LogRoutesIT extends EngineFixture {
    @TempDir
    Path logDir;

    private static ContainerLaunch logging(String name, LogRoute route, String shell) {
        return new ContainerLaunch(name, TestEngine.IMAGE, null, null, null, List.of(), Map.of(), null,
                List.of("sh", "-c", shell), true, null).withLog(route);
    }

    @Test
    void jsonFileIsDockersDriverWithItsOptions() {
        String arn = engine.newTaskArn();
        engine.runtime.startTask(engine.task(arn, "bridge", logging("web",
                LogRoute.docker("json-file", Map.of("max-size", "10m", "max-file", "3")), "sleep 60")));
        Container c = engine.containersOf(arn).get(0);
        InspectContainerResponse r = engine.raw.inspectContainerCmd(c.getId()).exec();
        assertEquals("json-file", r.getHostConfig().getLogConfig().getType().getType());
        assertEquals(Map.of("max-size", "10m", "max-file", "3"), r.getHostConfig().getLogConfig().getConfig());
    }

    @Test
    void keptOutputIsCopiedIntoItsStreamBeforeTheContainerIsRemoved() {
        LogArchive archive = new LogArchive(() -> logDir);
        String arn = engine.newTaskArn();
        LogRoute route = new LogRoute("local", Map.of(), "/ecs/it", "ecs/web/" + arn.substring(arn.lastIndexOf('/') + 1),
                true);
        try (DockerRuntime runtime = DockerRuntime.connect(null, archive)) {
            runtime.startTask(engine.task(arn, "bridge", logging("web", route,
                    "echo first line; echo second line >&2; sleep 60")));
            Container c = engine.containersOf(arn).get(0);
            assertEquals("local", engine.raw.inspectContainerCmd(c.getId()).exec().getHostConfig().getLogConfig()
                    .getType().getType());
            assertEquals("/ecs/it", c.getLabels().get(LogRoute.GROUP_LABEL));
            runtime.stopTask(arn, Duration.ZERO);
        }
        assertEquals(List.of(), engine.containersOf(arn), "the container is gone");
        LogStore store = archive.store();
        List<String> kept = store.read("/ecs/it", route.stream(), 0).lines().stream().map(LogLine::text).toList();
        assertEquals(List.of("first line", "second line"), kept.stream().sorted().toList());
    }

    @Test
    void aDeadContainersOutputIsKeptWhenAskedEvenIfItIsLaterRemovedOutsideBerth() throws Exception {
        LogArchive archive = new LogArchive(() -> logDir);
        String arn = engine.newTaskArn();
        LogRoute route = new LogRoute("local", Map.of(), "/ecs/it", "ecs/dies/x", true);
        try (DockerRuntime runtime = DockerRuntime.connect(null, archive)) {
            runtime.startTask(engine.task(arn, "bridge", logging("dies", route, "echo last words; sleep 60")));
            Container c = engine.containersOf(arn).get(0);
            engine.raw.killContainerCmd(c.getId()).exec();
            // What the agent does on a "die" event of a kept container.
            runtime.keepOutput(c.getId(), c.getLabels());
            engine.raw.removeContainerCmd(c.getId()).withForce(true).exec();
        }
        assertEquals(List.of("last words"), archive.store().read("/ecs/it", "ecs/dies/x", 0).lines().stream()
                .map(LogLine::text).toList());
    }

    @Test
    void aMissingGroupWithoutCreateGroupIsEcssReasonAndCreatesNothing() {
        LogArchive archive = new LogArchive(() -> logDir);
        String arn = engine.newTaskArn();
        try (DockerRuntime runtime = DockerRuntime.connect(null, archive)) {
            RuntimeFailure e = assertThrows(RuntimeFailure.class, () -> runtime.startTask(engine.task(arn, "bridge",
                    logging("web", new LogRoute("local", Map.of(), "/ecs/absent", "p/web/x", false), "sleep 60"))));
            assertTrue(e.getMessage().startsWith("CannotStartContainerError: Error response from daemon: failed to "
                    + "initialize logging driver: failed to create Cloudwatch log stream: ResourceNotFoundException: "
                    + "The specified log group does not exist."), e.getMessage());
            assertTrue(e.getMessage().contains("awslogs-group \"/ecs/absent\""), e.getMessage());
        }
        assertEquals(List.of(), engine.containersOf(arn));
    }
}
