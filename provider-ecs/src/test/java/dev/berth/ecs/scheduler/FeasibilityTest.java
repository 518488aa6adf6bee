package dev.berth.ecs.scheduler;

import dev.berth.ecs.scheduler.Rejection.Reason;
import dev.berth.ecs.scheduler.model.ClusterSnapshot;
import dev.berth.ecs.scheduler.model.ContainerInstance;
import dev.berth.ecs.scheduler.model.ContainerSpec;
import dev.berth.ecs.scheduler.model.InstanceStatus;
import dev.berth.ecs.scheduler.model.NetworkMode;
import dev.berth.ecs.scheduler.model.PortSpec;
import dev.berth.ecs.scheduler.model.TaskSpec;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static dev.berth.ecs.scheduler.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeasibilityTest {
    private static PlacementResult place(ClusterSnapshot c, TaskSpec t, int count) {
        return Scheduler.place(c, request("service:web", t, count, List.of(), List.of()));
    }

    private static Reason onlyReason(PlacementResult r) {
        return r.failure().orElseThrow().closest().reason();
    }

    @Test
    void memoryReservationCountsWhenSetElseMemory() {
        TaskSpec soft = new TaskSpec("web", null, null, null, NetworkMode.BRIDGE,
                List.of(new ContainerSpec("a", 128, 1024, 256, List.of()), new ContainerSpec("b", 128, 200, null, List.of())));
        assertEquals(456, soft.memory());
        PlacementResult r = place(cluster(instance("i-1", "a", "t2.micro", 1024, 500)), soft, 2);
        assertEquals(1, r.placements().size());
        assertEquals(Reason.INSUFFICIENT_MEMORY, onlyReason(r));
        assertEquals(456, r.snapshot().instances().get(0).registeredMemory() - r.snapshot().instances().get(0).remainingMemory());
    }

    @Test
    void taskLevelSizeWinsOverContainerSums() {
        TaskSpec sized = new TaskSpec("web", null, 2048, 4096, NetworkMode.BRIDGE, List.of(new ContainerSpec("a", 10, 64, null, List.of())));
        PlacementResult r = place(cluster(instance("i-1", "a", "m5.large", 2048, 8192)), sized, 3);
        assertEquals(1, r.placements().size());
        assertEquals(Reason.INSUFFICIENT_CPU, onlyReason(r));
    }

    @Test
    void bridgeStaticPortIsOnePerInstance() {
        PlacementResult r = place(cluster(instance("i-1", "a", "t", 4096, 4096), instance("i-2", "b", "t", 4096, 4096)),
                task("web", 10, 10, staticPort(80)), 3);
        assertEquals(2, r.placements().size());
        assertEquals(Reason.PORT_IN_USE, onlyReason(r));
        assertEquals("port 80/tcp in use", r.failure().get().closest().describe());
        assertTrue(r.failure().get().message().endsWith("is already using a port required by your task (80/tcp)."));
    }

    @Test
    void instancesSharingAnEngineShareItsPorts() {
        ContainerInstance a = onEngine(instance("i-1", "a", "t", 4096, 4096), "engine-x");
        ContainerInstance b = onEngine(instance("i-2", "b", "t", 4096, 4096), "engine-x");
        PlacementResult r = place(cluster(a, b), task("web", 10, 10, staticPort(8080)), 2);
        assertEquals(1, r.placements().size());
        assertEquals(Reason.PORT_IN_USE, onlyReason(r));
    }

    @Test
    void tcpAndUdpOnTheSamePortDoNotCollide() {
        TaskSpec udp = task("dns", 10, 10, new PortSpec(53, 53, "udp"));
        TaskSpec tcp = task("dns", 10, 10, new PortSpec(53, 53, "tcp"));
        ClusterSnapshot c = place(cluster(instance("i-1", "a", "t", 4096, 4096)), udp, 1).snapshot();
        assertEquals(1, place(c, tcp, 1).placements().size());
    }

    @Test
    void dynamicPortsAlwaysFit() {
        PlacementResult r = place(cluster(instance("i-1", "a", "t", 4096, 4096)), task("web", 10, 10, dynamicPort(80)), 20);
        assertEquals(20, r.placements().size());
    }

    @Test
    void hostModeContainerPortIsTheHostPort() {
        TaskSpec t = task("web", NetworkMode.HOST, 10, 10, new PortSpec(8080, null, "tcp"));
        PlacementResult r = place(cluster(instance("i-1", "a", "t", 4096, 4096)), t, 2);
        assertEquals(1, r.placements().size());
        assertEquals(Reason.PORT_IN_USE, onlyReason(r));
    }

    @Test
    void awsvpcAndNoneHoldNoHostPorts() {
        for (NetworkMode mode : List.of(NetworkMode.AWSVPC, NetworkMode.NONE)) {
            TaskSpec t = task("web", mode, 10, 10, staticPort(80));
            assertEquals(5, place(cluster(instance("i-1", "a", "t", 4096, 4096)), t, 5).placements().size(), mode.name());
        }
    }

    @Test
    void drainingAndDisconnectedInstancesGetNothing() {
        ContainerInstance draining = instance("i-1", "a", "t", 4096, 4096).withStatus(InstanceStatus.DRAINING);
        ContainerInstance lost = instance("i-2", "a", "t", 4096, 4096).withAgentConnected(false);
        PlacementResult r = place(cluster(draining, lost), task("web", 10, 10), 1);
        List<Rejection> rs = r.failure().orElseThrow().rejections();
        assertEquals(List.of(Reason.DRAINING, Reason.AGENT_DISCONNECTED), rs.stream().map(Rejection::reason).toList());
        assertEquals("i-1", r.failure().get().closest().instanceId());
    }

    @Test
    void tooManyConstraintsOrStrategiesIsAValidationError() {
        List<Constraint> eleven = Collections.nCopies(11, Constraint.distinctInstance());
        List<Strategy> six = Collections.nCopies(6, new Strategy.Random());
        PlacementValidationException e = assertThrows(PlacementValidationException.class,
                () -> Scheduler.place(cluster(), request("service:web", task("web", 1, 1), 1, eleven, six)));
        assertEquals(List.of("at most 10 placement constraints are allowed, got 11", "at most 5 placement strategies are allowed, got 6"), e.errors());
    }

    @Test
    void strategyFieldsAreChecked() {
        assertEquals("binpack field must be cpu or memory, not disk",
                assertThrows(IllegalArgumentException.class, () -> Strategy.of("binpack", "disk")).getMessage());
        assertEquals(new Strategy.Spread("attribute:ecs.availability-zone"), Strategy.of("spread", "attribute:ecs.availability-zone"));
        assertThrows(IllegalArgumentException.class, () -> Strategy.of("spread", "zone"));
        assertThrows(IllegalArgumentException.class, () -> Strategy.of("pack", "cpu"));
    }

    @Test
    void emptyClusterSaysSo() {
        PlacementResult r = place(cluster(), task("web", 1, 1), 2);
        assertEquals("service web was unable to place a task because no container instance met all of its requirements."
                + " Reason: No Container Instances were found in your cluster.", r.failure().orElseThrow().message());
        assertEquals(2, r.failure().get().unplaced());
    }
}
