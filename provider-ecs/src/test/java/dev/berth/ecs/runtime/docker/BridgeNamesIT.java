package dev.berth.ecs.runtime.docker;

import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.ContainerSettings;
import dev.berth.ecs.testing.NoStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * In bridge mode the containers of one task reach each other by container name (and by the
 * aliases of their links), and two tasks of one definition on one network each reach their own.
 */
@Tag(NoStore.TAG)
class BridgeNamesIT extends EngineFixture {

    private static ContainerLaunch web(String greeting) {
        return new ContainerLaunch("web", TestEngine.IMAGE, null, null, null, List.of(), Map.of("GREETING", greeting),
                null, List.of("sh", "-c", "mkdir -p /www && echo \"$GREETING\" > /www/index.html && exec httpd -f -p 8080 -h /www"),
                true);
    }

    private static ContainerLaunch client() {
        ContainerSettings links = new ContainerSettings(null, null, null, false, false, null, null, null, null, null,
                false, null, null, null, null, null, null, null, null, false, false, false, null,
                Map.of("web", "frontend"), 0);
        return new ContainerLaunch("client", TestEngine.IMAGE, null, null, null, List.of(), Map.of(), null,
                List.of("sh", "-c", "mkdir -p /www && echo client > /www/index.html && exec httpd -f -p 9090 -h /www"),
                true, null, links);
    }

    @Test
    void containersOfOneTaskReachEachOtherByNameAndNeverAnotherTasks() throws Exception {
        String a = engine.newTaskArn(), b = engine.newTaskArn();
        List<ContainerInfo> taskA = engine.runtime.startTask(engine.task(a, "bridge", web("hello from A"), client()));
        List<ContainerInfo> taskB = engine.runtime.startTask(engine.task(b, "bridge", web("hello from B"), client()));

        String clientA = taskA.get(1).id(), clientB = taskB.get(1).id();
        assertEquals("hello from A", engine.exec(clientA, "wget", "-qO-", "http://web:8080/").strip());
        assertEquals("hello from B", engine.exec(clientB, "wget", "-qO-", "http://web:8080/").strip());
        assertEquals("hello from A", engine.exec(clientA, "wget", "-qO-", "http://frontend:8080/").strip(),
                "the link's alias");
        // And the other way: web, created first, resolves client, created after it.
        assertEquals("client", engine.exec(taskA.get(0).id(), "wget", "-qO-", "http://client:9090/").strip());
    }
}
