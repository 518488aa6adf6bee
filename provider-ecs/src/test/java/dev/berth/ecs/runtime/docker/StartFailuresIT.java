package dev.berth.ecs.runtime.docker;

import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.PortBinding;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.testing.LoopbackPorts;
import dev.berth.ecs.testing.NoStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import static dev.berth.ecs.runtime.docker.TestEngine.container;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every failed start says what went wrong in one sentence and leaves nothing behind. */
@Tag(NoStore.TAG)
class StartFailuresIT extends EngineFixture {
    @Test
    void missingImageFailsBeforeAnythingIsCreated() {
        String arn = engine.newTaskArn();
        ContainerLaunch missing = new ContainerLaunch("app", "berth-example/nope:1", null, null, null, List.of(),
                Map.of(), null, null, true);
        RuntimeFailure.ImageMissing e = assertThrows(RuntimeFailure.ImageMissing.class, () -> engine.runtime.startTask(
                engine.task(arn, "awsvpc", container("web", List.of(), "sleep 60"), missing)));

        assertEquals("Image \"berth-example/nope:1\" is not present on the Docker engine at "
                + engine.runtime.endpoint() + "; build or load it first (berth never pulls).", e.getMessage());
        assertEquals(List.of(), engine.leftovers());
        assertTrue(engine.runtime.imageExists(TestEngine.IMAGE));
        assertTrue(!engine.runtime.imageExists("berth-example/nope:1"));
    }

    @Test
    void portTakenByAnotherTaskIsAPortConflictNamingTheDeclaringContainer() {
        int port = LoopbackPorts.free();
        String first = engine.newTaskArn();
        engine.runtime.startTask(engine.task(first, "bridge",
                container("web", List.of(new PortBinding(80, port, "tcp")), "exec httpd -f -p 80")));

        // The sentence names the container that asked for the port, not the task's first one.
        // (awsvpc publishes every port on a free loopback port, as its host port is the task's own.)
        String second = engine.newTaskArn();
        RuntimeFailure.PortConflict e = assertThrows(RuntimeFailure.PortConflict.class, () ->
                engine.runtime.startTask(engine.task(second, "bridge",
                        container("proxy", List.of(new PortBinding(8080, 0, "tcp")), "sleep 60"),
                        container("api", List.of(new PortBinding(80, port, "tcp")), "exec httpd -f -p 80"))));

        assertEquals("Host port 127.0.0.1:" + port + " is already in use, so container \"api\" of task " + second
                + " cannot publish port 80.", e.getMessage());
        assertEquals(List.of(), engine.containersOf(second));
        List<ContainerInfo> survivors = engine.runtime.listContainers(Map.of("dev.berth.task-arn", first));
        assertEquals(1, survivors.size());
        assertTrue(survivors.get(0).running(), "the first task is untouched");
    }

    @Test
    void portHeldByAProcessOutsideDockerIsAPortConflictToo() throws IOException {
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            String arn = engine.newTaskArn();
            RuntimeFailure.PortConflict e = assertThrows(RuntimeFailure.PortConflict.class, () ->
                    engine.runtime.startTask(engine.task(arn, "bridge",
                            container("web", List.of(new PortBinding(80, held.getLocalPort(), "tcp")), "sleep 60"))));
            assertTrue(e.getMessage().startsWith("Host port 127.0.0.1:" + held.getLocalPort() + " is already in use"),
                    e.getMessage());
            assertEquals(List.of(), engine.containersOf(arn));
        }
    }

    @Test
    void essentialContainerExitingAtOnceReportsExitCodeAndOutput() {
        String arn = engine.newTaskArn();
        RuntimeFailure.ExitedAtStart e = assertThrows(RuntimeFailure.ExitedAtStart.class, () ->
                engine.runtime.startTask(engine.task(arn, "bridge",
                        container("sidecar", List.of(), "sleep 60"),
                        container("web", List.of(new PortBinding(80, 0, "tcp")),
                                "echo starting; sleep 0.1; echo config file missing >&2; exit 3"))));

        assertEquals("Container \"web\" of task " + arn + " exited right after starting (exit code 3); "
                + "its last output: starting / config file missing.", e.getMessage());
        assertEquals(List.of(), engine.containersOf(arn));
    }

    @Test
    void namespaceOwnerExitingAtOnceIsReportedEvenIfTheJoinedContainerCannotStart() {
        String arn = engine.newTaskArn();
        RuntimeFailure.ExitedAtStart e = assertThrows(RuntimeFailure.ExitedAtStart.class, () ->
                engine.runtime.startTask(engine.task(arn, "awsvpc",
                        container("web", List.of(), "exit 42"),
                        container("sidecar", List.of(), "sleep 60"))));

        assertTrue(e.getMessage().startsWith("Container \"web\" of task " + arn
                + " exited right after starting (exit code 42)"), e.getMessage());
        assertEquals(List.of(), engine.containersOf(arn));
    }

    @Test
    void nonEssentialContainerMayExit() {
        String arn = engine.newTaskArn();
        ContainerLaunch init = new ContainerLaunch("init", TestEngine.IMAGE, null, null, null, List.of(), Map.of(),
                null, List.of("true"), false);
        List<ContainerInfo> started = engine.runtime.startTask(engine.task(arn, "bridge",
                container("web", List.of(), "sleep 60"), init));
        assertTrue(started.get(0).running());
        assertEquals("exited", started.get(1).state());
        assertEquals(0, started.get(1).exitCode());
    }

    @Test
    void missingNetworkIsOneSentence() {
        String arn = engine.newTaskArn();
        var launch = new dev.berth.ecs.runtime.TaskLaunch(arn, "berth-it-absent-" + engine.runId, "bridge",
                engine.runLabels(), List.of(container("web", List.of(), "sleep 60")));
        RuntimeFailure e = assertThrows(RuntimeFailure.class, () -> engine.runtime.startTask(launch));
        assertEquals("Network \"berth-it-absent-" + engine.runId + "\" does not exist on the Docker engine at "
                + engine.runtime.endpoint() + ", so container \"web\" of task " + arn + " cannot join it.",
                e.getMessage());
        assertEquals(List.of(), engine.containersOf(arn));
    }
}
