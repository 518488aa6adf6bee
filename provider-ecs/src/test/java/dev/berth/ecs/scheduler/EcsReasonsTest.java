package dev.berth.ecs.scheduler;

import dev.berth.ecs.scheduler.model.ClusterSnapshot;
import dev.berth.ecs.scheduler.model.ContainerInstance;
import dev.berth.ecs.scheduler.model.InstanceStatus;
import dev.berth.ecs.scheduler.model.TaskSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.berth.ecs.scheduler.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The check that rejects an instance says why, in ECS's words, for every instance: what
 * RunTask's failures list (ARN, reason, detail).
 */
class EcsReasonsTest {
    private static Map<String, String> reasons(PlacementResult r) {
        Map<String, String> out = new TreeMap<>();
        for (Rejection x : r.failure().orElseThrow().rejections()) {
            out.put(x.instanceId(), x.ecsReason() + (x.detail() == null ? "" : " " + x.detail()));
        }
        return out;
    }

    @Test
    void eachInstanceCarriesTheReasonOfTheCheckThatRejectedIt() {
        ContainerInstance busyCpu = with(instance("i-cpu", "a", "m5.large", 256, 4096), running("t1", "service:other", 200, 10, 1));
        ContainerInstance busyMem = with(instance("i-mem", "a", "m5.large", 1024, 512), running("t2", "service:other", 10, 400, 2));
        ContainerInstance port = instance("i-port", "a", "m5.large", 1024, 4096);
        ContainerInstance away = instance("i-away", "a", "m5.large", 1024, 4096).withAgentConnected(false);
        ContainerInstance small = instance("i-type", "a", "t2.micro", 1024, 4096);
        ContainerInstance draining = instance("i-drain", "a", "m5.large", 1024, 4096).withStatus(InstanceStatus.DRAINING);
        ClusterSnapshot c = cluster(busyCpu, busyMem, with(port, new dev.berth.ecs.scheduler.model.RunningTask("t3",
                "service:other", "other:1", 1, 1, List.of(new dev.berth.ecs.scheduler.model.HostPort(80, "tcp")), 3)),
                away, small, draining);
        TaskSpec web = task("web", 128, 256, staticPort(80));
        Constraint large = Constraint.memberOf("attribute:ecs.instance-type == m5.large");
        PlacementResult r = Scheduler.place(c, request("family:web", web, 1, List.of(large), List.of()));
        assertEquals(Map.of(
                "i-cpu", "RESOURCE:CPU",
                "i-mem", "RESOURCE:MEMORY",
                "i-port", "RESOURCE:PORTS 80/tcp",
                "i-away", "AGENT",
                "i-type", "ATTRIBUTE memberOf(attribute:ecs.instance-type == m5.large)",
                "i-drain", "DRAINING"), reasons(r));
    }

    @Test
    void aFailedDistinctInstanceConstraintIsAnAttributeReasonNamingIt() {
        ContainerInstance one = with(instance("i-1", "a", "m5.large", 1024, 4096), running("t1", "service:web", 10, 10, 1));
        PlacementResult r = Scheduler.place(cluster(one), request("service:web", task("web", 10, 10), 1,
                List.of(Constraint.distinctInstance()), List.of()));
        assertEquals(Map.of("i-1", "ATTRIBUTE distinctInstance"), reasons(r));
        assertEquals("service web was unable to place a task because no container instance met all of its requirements."
                + " The closest matching container-instance i-1 encountered error \"DistinctInstance placement constraint"
                + " unsatisfied.\"", r.failure().orElseThrow().message());
    }
}
