package dev.berth.cli;

import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.docker.DockerRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The training's stand-in engine answers berth's Docker client as an engine would, and only ever inside its directory. */
class TrainingEngineTest {
    @TempDir
    Path dir;

    @Test
    void berthsDockerClientGetsAnswersFromIt() throws Exception {
        Path socket = dir.resolve("engine.sock");
        try (TrainingEngine engine = TrainingEngine.start(socket);
             DockerRuntime rt = DockerRuntime.connect("unix://" + socket)) {
            rt.ping();
            assertTrue(rt.capacity().cpuUnits() > 0, "info answers the engine's CPUs");
            rt.ensureNetwork("berth-training", java.util.Map.of("dev.berth.cluster", "c"));
            assertTrue(rt.networkExists("berth-training"));
            assertEquals(List.of(), rt.listSummaries(List.of("dev.berth.cluster=c")));
            assertTrue(rt.imageExists("berth-example/busybox:latest"));
            assertTrue(!rt.imageExists("berth/metadata:latest"), "the metadata agent's image is absent");
        }
    }

    @Test
    void onlyASocketInsideTheDirectoryIsUsed() {
        Path d = Path.of("/tmp/berth-training");
        assertEquals(d.resolve("engine.sock"), StartupTraining.engineSocket(d, "unix:///tmp/berth-training/engine.sock"));
        assertNull(StartupTraining.engineSocket(d, "unix:///var/run/docker.sock"));
        assertNull(StartupTraining.engineSocket(d, "unix:///tmp/berth-training/../docker.sock"));
        assertNull(StartupTraining.engineSocket(d, "tcp://127.0.0.1:2375"));
        assertNull(StartupTraining.engineSocket(d, null));
    }
}
