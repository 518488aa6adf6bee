package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Network;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.EngineCapacity;
import dev.berth.ecs.runtime.PortBinding;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.runtime.TaskLaunch;
import dev.berth.ecs.testing.NoStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.berth.ecs.runtime.docker.TestEngine.container;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Listing by label, engine capacity, and the network lifecycle. */
@Tag(NoStore.TAG)
class ListAndNetworksIT extends EngineFixture {
    private static final long MIB = 1024L * 1024L;

    @Test
    void listContainersReportsStateExitCodesPortsLimitsAndEnvironment() {
        String arn = engine.newTaskArn();
        ContainerLaunch web = new ContainerLaunch("web", TestEngine.IMAGE, 512, 48, null,
                List.of(new PortBinding(80, 0, "tcp")), Map.of("MODE", "test"), null,
                List.of("httpd", "-f", "-p", "80"), true);
        engine.runtime.startTask(engine.task(arn, "bridge", web, container("worker", List.of(), "sleep 60")));
        String workerId = engine.containersOf(arn).stream()
                .filter(c -> "worker".equals(c.getLabels().get("dev.berth.container-name")))
                .findFirst().orElseThrow().getId();
        engine.raw.killContainerCmd(workerId).exec();
        engine.raw.waitContainerCmd(workerId).start().awaitStatusCode();

        Map<String, String> filter = new HashMap<>(engine.runLabels());
        filter.put("dev.berth.task-arn", arn);
        Map<String, ContainerInfo> byName = engine.runtime.listContainers(filter).stream()
                .collect(Collectors.toMap(c -> c.labels().get("dev.berth.container-name"), Function.identity()));

        assertEquals(2, byName.size());
        ContainerInfo worker = byName.get("worker");
        assertEquals("exited", worker.state());
        assertEquals(137, worker.exitCode(), "SIGKILL");
        assertEquals(List.of(), worker.ports());
        ContainerInfo running = byName.get("web");
        assertTrue(running.running());
        assertNull(running.exitCode());
        assertEquals(TestEngine.IMAGE, running.image());
        assertTrue(running.name().startsWith("berth-") && running.name().endsWith("-web"));
        assertEquals(1, running.ports().size());
        assertEquals("127.0.0.1", running.ports().get(0).hostIp());
        assertEquals(80, running.ports().get(0).containerPort());
        assertEquals("tcp", running.ports().get(0).protocol());
        String hostPort = engine.raw.inspectContainerCmd(running.id()).exec().getNetworkSettings().getPorts()
                .getBindings().values().iterator().next()[0].getHostPortSpec();
        assertEquals(Integer.parseInt(hostPort), running.ports().get(0).hostPort());
        assertEquals(512, running.cpuShares());
        assertEquals(48 * MIB, running.memoryBytes());
        assertEquals(0, running.memoryReservationBytes());
        assertEquals("test", running.environment().get("MODE"));

        // A label nobody carries matches nothing.
        assertEquals(List.of(), engine.runtime.listContainers(Map.of(TestEngine.RUN_LABEL, "no-such-run")));
        engine.runtime.stopTask(arn, Duration.ofSeconds(1));
        assertEquals(List.of(), engine.runtime.listContainers(filter));
    }

    @Test
    void capacityMatchesDockerInfo() {
        Info info = engine.raw.infoCmd().exec();
        EngineCapacity capacity = engine.runtime.capacity();
        assertEquals(info.getNCPU() * 1024, capacity.cpuUnits());
        assertEquals(info.getMemTotal() / MIB, capacity.memoryMiB());
        assertTrue(capacity.cpuUnits() >= 1024 && capacity.memoryMiB() > 0);
    }

    @Test
    void networksAreIdempotentLoopbackBridgesThatRefuseRemovalWhileUsed() {
        String name = engine.networkName();
        engine.runtime.ensureNetwork(name, engine.runLabels());
        assertTrue(engine.runtime.networkExists(name));
        List<Network> same = engine.raw.listNetworksCmd().withNameFilter(name).exec().stream()
                .filter(n -> n.getName().equals(name)).toList();
        assertEquals(1, same.size(), "ensureNetwork twice creates one network");
        Network network = same.get(0);
        assertEquals("bridge", network.getDriver());
        assertEquals("127.0.0.1", network.getOptions().get("com.docker.network.bridge.host_binding_ipv4"));
        assertEquals(engine.runId, network.getLabels().get(TestEngine.RUN_LABEL));

        String arn = engine.newTaskArn();
        engine.runtime.startTask(engine.task(arn, "bridge", container("web", List.of(), "sleep 60")));
        RuntimeFailure e = assertThrows(RuntimeFailure.class, () -> engine.runtime.removeNetwork(name));
        assertEquals("Network \"" + name + "\" on the Docker engine at " + engine.runtime.endpoint()
                + " is still used by 1 container; stop the tasks attached to it before removing it.", e.getMessage());
        assertTrue(engine.runtime.networkExists(name));

        engine.runtime.stopTask(arn, Duration.ZERO);
        engine.runtime.removeNetwork(name);
        assertFalse(engine.runtime.networkExists(name));
        engine.runtime.removeNetwork(name);
    }

    @Test
    void concurrentEnsureNetworkCreatesOne() throws InterruptedException {
        String name = engine.networkName() + "-c";
        Thread[] threads = new Thread[6];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> engine.runtime.ensureNetwork(name, engine.runLabels()));
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, engine.raw.listNetworksCmd().withNameFilter(name).exec().stream()
                .filter(n -> n.getName().equals(name)).count());
    }

    /**
     * A process killed while dockerd was still creating its network, and the next one creating
     * it again, leave two networks of one name; dockerd then refuses the name ("is ambiguous").
     */
    @Test
    void aNetworkMadeTwiceIsCollapsedToItsOldestWhenATaskStartsOnIt() {
        String name = engine.networkName() + "-t";
        String oldest = twins(name);
        String arn = engine.newTaskArn();
        engine.runtime.startTask(new TaskLaunch(arn, name, "bridge", engine.runLabels(),
                List.of(container("web", List.of(), "sleep 60"))));

        assertEquals(List.of(oldest), idsNamed(name));
        String joined = engine.raw.inspectContainerCmd(engine.containersOf(arn).get(0).getId()).exec()
                .getNetworkSettings().getNetworks().get(name).getNetworkID();
        assertEquals(oldest, joined);
        engine.runtime.stopTask(arn, Duration.ZERO);
    }

    @Test
    void ensuringANetworkMadeTwiceLeavesItsOldest() {
        String name = engine.networkName() + "-e";
        String oldest = twins(name);
        engine.runtime.ensureNetwork(name, engine.runLabels());
        assertEquals(List.of(oldest), idsNamed(name));
        assertTrue(engine.runtime.networkExists(name));
    }

    /** Two networks named {@code name}, made as dockerd lets racing creators; the first one's id. */
    private String twins(String name) {
        String first = engine.raw.createNetworkCmd().withName(name).withDriver("bridge")
                .withLabels(engine.runLabels()).exec().getId();
        engine.raw.createNetworkCmd().withName(name).withDriver("bridge").withLabels(engine.runLabels()).exec();
        assertEquals(2, idsNamed(name).size(), "dockerd made the twin");
        return first;
    }

    private List<String> idsNamed(String name) {
        return engine.raw.listNetworksCmd().withNameFilter(name).exec().stream()
                .filter(n -> n.getName().equals(name)).map(Network::getId).toList();
    }
}
