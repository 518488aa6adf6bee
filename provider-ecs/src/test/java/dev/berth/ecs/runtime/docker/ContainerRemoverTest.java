package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.RemoveContainerCmd;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import dev.berth.ecs.runtime.RuntimeFailure;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The removal's answer to each refusal the engine can give. The engine's side is a stand-in that
 * answers removals from a script: overlay2's busy root filesystem cannot be made on demand.
 */
class ContainerRemoverTest {
    /** What dockerd answered in CI, right after it was restarted in the middle of an apply. */
    private static InternalServerErrorException busy() {
        return new InternalServerErrorException("Status 500: {\"message\":\"driver \\\"overlay2\\\" failed to remove "
                + "root filesystem for 5f0c" + "0".repeat(60) + ": unlinkat /var/lib/docker/overlay2/"
                + "9a1e" + "0".repeat(60) + "/merged: device or resource busy\"}\n");
    }

    private final List<Long> pauses = new ArrayList<>();
    private int removals;

    /** A client whose removals answer, one after another, from {@code answers}; null means removed. */
    private ContainerRemover remover(List<Supplier<RuntimeException>> answers) {
        RemoveContainerCmd cmd = (RemoveContainerCmd) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{RemoveContainerCmd.class}, (proxy, method, args) -> {
                    if (method.getName().equals("exec")) {
                        Supplier<RuntimeException> answer = answers.get(removals++);
                        if (answer != null) throw answer.get();
                        return null;
                    }
                    return proxy;
                });
        DockerClient client = (DockerClient) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{DockerClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("removeContainerCmd")) return cmd;
                    throw new UnsupportedOperationException(method.getName());
                });
        return new ContainerRemover(client, new DockerErrors(DockerConnection.open("unix:///tmp/engine.sock")),
                id -> { }, pauses::add);
    }

    @Test
    void aRootFilesystemStillBusyIsRemovedOnALaterTry() {
        remover(java.util.Arrays.asList(ContainerRemoverTest::busy, ContainerRemoverTest::busy, null))
                .removeAll(List.of("c1"));
        assertEquals(3, removals);
        assertEquals(List.of(100L, 200L), pauses);
    }

    @Test
    void aRootFilesystemBusyForSecondsIsReportedAsTheEngineSaidIt() {
        List<Supplier<RuntimeException>> always = new ArrayList<>();
        for (int i = 0; i < 10; i++) always.add(ContainerRemoverTest::busy);
        RuntimeFailure f = assertThrows(RuntimeFailure.class, () -> remover(always).removeAll(List.of("c1")));
        assertEquals(6, removals);
        assertEquals(List.of(100L, 200L, 400L, 800L, 1600L), pauses);
        assertTrue(f.getMessage().contains("device or resource busy"), f.getMessage());
    }

    @Test
    void anyOtherRefusalIsNotTriedAgain() {
        Supplier<RuntimeException> other = () -> new InternalServerErrorException(
                "Status 500: {\"message\":\"could not kill running container c1, cannot remove\"}");
        assertThrows(RuntimeFailure.class, () -> remover(List.of(other)).removeAll(List.of("c1")));
        assertEquals(1, removals);
        assertEquals(List.of(), pauses);
        assertFalse(ContainerRemover.rootFilesystemBusy(other.get()));
    }
}
