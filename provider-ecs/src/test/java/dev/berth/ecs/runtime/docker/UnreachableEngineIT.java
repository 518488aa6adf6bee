package dev.berth.ecs.runtime.docker;

import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.testing.NoStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Needs no engine: the point is that there is none at the endpoint. */
@Tag(NoStore.TAG)
class UnreachableEngineIT {

    @Test
    void missingSocketFailsFastWithOneSentence() {
        try (DockerRuntime runtime = DockerRuntime.connect("unix:///tmp/nope.sock")) {
            assertEquals("unix:///tmp/nope.sock", runtime.endpoint());
            long t0 = System.nanoTime();
            RuntimeFailure.Unreachable e = assertThrows(RuntimeFailure.Unreachable.class, runtime::ping);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertEquals("Cannot connect to the Docker engine at unix:///tmp/nope.sock (configured); "
                    + "is dockerd running?", e.getMessage());
            assertTrue(millis < 5000, "took " + millis + " ms");

            // Every operation reports the same, including the ones that start with a lookup.
            assertThrows(RuntimeFailure.Unreachable.class, () -> runtime.imageExists("x"));
            assertThrows(RuntimeFailure.Unreachable.class, () -> runtime.listContainers(Map.of("a", "b")));
            assertThrows(RuntimeFailure.Unreachable.class, () -> runtime.startTask(new dev.berth.ecs.runtime.TaskLaunch(
                    "arn:aws:ecs:local:0:task/c/abc", "n", "awsvpc", Map.of(),
                    List.of(TestEngine.container("web", List.of(), "true")))));
        }
    }

    @Test
    void tcpEndpointThatRefusesFailsFast() {
        try (DockerRuntime runtime = DockerRuntime.connect("tcp://127.0.0.1:1")) {
            long t0 = System.nanoTime();
            RuntimeFailure.Unreachable e = assertThrows(RuntimeFailure.Unreachable.class, runtime::capacity);
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 5000);
            assertTrue(e.getMessage().startsWith("Cannot connect to the Docker engine at tcp://127.0.0.1:1"));
        }
    }

    @Test
    void unsupportedHostIsRejectedInOneSentence() {
        RuntimeFailure e = assertThrows(RuntimeFailure.class, () -> DockerRuntime.connect("ssh://box"));
        assertEquals("Docker host \"ssh://box\" (configured) is not supported; "
                + "use unix:///path/to/docker.sock or tcp://host:port.", e.getMessage());
    }
}
