package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.testing.NoStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's event log tells a container the kernel killed for its memory from one killed by
 * hand, both exit 137; berth asks it when Docker's OOMKilled flag is missing, which Docker 20.10
 * leaves unset when the exit reaches it before containerd's OOM event (OutOfMemoryIT failed so now
 * and then). The race itself cannot be staged; what can be is that the log is read right.
 */
@Tag(NoStore.TAG)
class OomEventsIT extends EngineFixture {
    @Test
    void theEventLogTellsAMemoryKillFromAKillByHand() {
        String arn = engine.newTaskArn();
        // Not essential, and eating memory only after the start has settled, so the task starts.
        ContainerLaunch hog = new ContainerLaunch("hog", TestEngine.IMAGE, null, 16, null, List.of(), Map.of(), null,
                List.of("sh", "-c", "sleep 2; head -c 200m /dev/zero | tail"), false);
        engine.runtime.startTask(engine.task(arn, "bridge", TestEngine.container("worker", List.of(), "sleep 60"), hog));
        String hogId = id(arn, "hog"), workerId = id(arn, "worker");
        engine.raw.killContainerCmd(workerId).exec();
        engine.raw.waitContainerCmd(workerId).start().awaitStatusCode();
        engine.raw.waitContainerCmd(hogId).start().awaitStatusCode();

        InspectContainerResponse hogDetails = engine.raw.inspectContainerCmd(hogId).exec();
        InspectContainerResponse workerDetails = engine.raw.inspectContainerCmd(workerId).exec();
        assertEquals(137L, hogDetails.getState().getExitCodeLong());
        assertEquals(137L, workerDetails.getState().getExitCodeLong());
        assertTrue(OomEvents.logged(engine.raw, hogId, hogDetails.getCreated()), "the kernel's kill is in the log");
        assertFalse(OomEvents.logged(engine.raw, workerId, workerDetails.getCreated()), "a kill by hand is not");
        assertFalse(OomEvents.killedForMemory(engine.raw, workerDetails));
        assertTrue(OomEvents.killedForMemory(engine.raw, hogDetails));

        ContainerInfo seen = engine.runtime.inspect(hogId).orElseThrow();
        assertTrue(seen.oomKilled(), seen::toString);
        assertFalse(engine.runtime.inspect(workerId).orElseThrow().oomKilled());
    }

    private String id(String arn, String name) {
        return engine.containersOf(arn).stream().filter(c -> name.equals(c.getLabels().get("dev.berth.container-name")))
                .map(Container::getId).findFirst().orElseThrow();
    }
}
