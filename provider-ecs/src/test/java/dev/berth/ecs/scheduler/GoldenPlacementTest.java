package dev.berth.ecs.scheduler;

import dev.berth.ecs.scheduler.model.ClusterSnapshot;
import dev.berth.ecs.scheduler.model.ContainerInstance;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.berth.ecs.scheduler.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scenarios whose outcome follows from ECS's documented placement behaviour. */
class GoldenPlacementTest {
    private static final Strategy ZONE = new Strategy.Spread("attribute:ecs.availability-zone");
    private static final Strategy MEMORY = new Strategy.Binpack(Strategy.Resource.MEMORY);

    private static List<String> where(PlacementResult r) {
        return r.placements().stream().map(Placement::instanceId).toList();
    }

    @Test
    void spreadByZoneThenBinpackMemory() {
        ClusterSnapshot c = cluster(
                instance("a-big", "us-east-1a", "m5.large", 4096, 8192),
                instance("a-small", "us-east-1a", "t2.small", 4096, 2048),
                instance("b-1", "us-east-1b", "m5.large", 4096, 8192),
                instance("c-1", "us-east-1c", "m5.large", 4096, 4096),
                instance("c-2", "us-east-1c", "m5.large", 4096, 6144));
        PlacementResult r = Scheduler.place(c, request("service:web", task("web", 256, 1024), 7, List.of(), List.of(ZONE, MEMORY)));
        // Zones take turns; among tied zones binpack picks the instance with the least memory left
        // (a-small 2048, then c-1 4096); the 6th goes to b, the only zone still at 1; the 7th, with
        // a-small full, to c-1 (2048 left) over a-big (8192) and b-1 (6144).
        assertEquals(List.of("a-small", "c-1", "b-1", "a-small", "c-1", "b-1", "c-1"), where(r));
        assertEquals("2 tasks -> a-small (us-east-1a), 2 tasks -> b-1 (us-east-1b), 3 tasks -> c-1 (us-east-1c)", r.summary());
    }

    @Test
    void distinctInstancePlacesAtMostOnePerInstance() {
        ClusterSnapshot c = cluster(instance("i-1", "a", "t", 4096, 4096), instance("i-2", "b", "t", 4096, 4096),
                instance("i-3", "c", "t", 4096, 4096));
        PlacementResult r = Scheduler.place(c, request("service:web", task("web", 10, 10), 4,
                List.of(Constraint.distinctInstance()), List.of(MEMORY)));
        assertEquals(3, r.placements().size());
        assertEquals(3, r.placements().stream().map(Placement::instanceId).distinct().count());
        assertEquals("service web was unable to place a task because no container instance met all of its requirements."
                + " The closest matching container-instance i-1 encountered error \"DistinctInstance placement constraint unsatisfied.\"",
                r.failure().orElseThrow().message());
    }

    @Test
    void memberOfInstanceTypeKeepsTasksOnT2() {
        ClusterSnapshot c = cluster(instance("i-1", "a", "t2.micro", 1024, 1024), instance("i-2", "b", "m5.large", 4096, 8192),
                instance("i-3", "c", "t2.small", 1024, 2048));
        PlacementResult r = Scheduler.place(c, request("family:batch", task("batch", 10, 10), 4,
                List.of(Constraint.memberOf("attribute:ecs.instance-type =~ t2.*")), List.of()));
        assertTrue(r.placements().stream().noneMatch(p -> p.instanceId().equals("i-2")));
        assertEquals("2 tasks -> i-1 (a), 2 tasks -> i-3 (c)", r.summary());
        assertTrue(r.failure().isEmpty());
    }

    @Test
    void defaultServicePlacementBalancesZonesThenInstances() {
        ContainerInstance a1 = with(instance("a-1", "us-east-1a", "t", 4096, 4096), running("t-0", "service:web", 10, 10, 0));
        ClusterSnapshot c = cluster(a1, instance("a-2", "us-east-1a", "t", 4096, 4096), instance("b-1", "us-east-1b", "t", 4096, 4096));
        PlacementResult r = Scheduler.place(c, request("service:web", task("web", 10, 10), 4, List.of(), List.of()));
        // b has 0 -> b-1; then a=1, b=1 tie: the instance with fewest of the service, a-2 (0);
        // then a=2, b=1 -> b-1; then a=2, b=2 tie: a-1, a-2, b-1 all hold... a-2 and a-1 hold 1, b-1 holds 2 -> a-1.
        assertEquals(List.of("b-1", "a-2", "b-1", "a-1"), where(r));
    }

    @Test
    void scaleInTakesFromTheFullestZoneThenInstanceNewestFirst() {
        ClusterSnapshot c = cluster(
                with(instance("a-1", "us-east-1a", "t", 4096, 4096), running("t1", "service:web", 1, 1, 1),
                        running("t2", "service:web", 1, 1, 5), running("t3", "service:web", 1, 1, 3), running("x", "service:db", 1, 1, 9)),
                with(instance("a-2", "us-east-1a", "t", 4096, 4096), running("t4", "service:web", 1, 1, 2)),
                with(instance("b-1", "us-east-1b", "t", 4096, 4096), running("t5", "service:web", 1, 1, 4),
                        running("t6", "service:web", 1, 1, 6)));
        List<String> order = Scheduler.chooseTasksToStop(c, "service:web", 5).stream().map(TaskToStop::taskId).toList();
        // a=4 b=2: a-1 (3), newest t2; a=3: a-1 (2) -> t3; a=2 b=2 tie -> zone a, a-1 and a-2 tie -> a-1 -> t1;
        // a=1 b=2 -> b-1 newest t6; a=1 b=1 -> a-2 t4.
        assertEquals(List.of("t2", "t3", "t1", "t6", "t4"), order);
    }

    @Test
    void failureNamesTheClosestInstance() {
        ClusterSnapshot c = cluster(
                instance("arn:aws:ecs:us-east-1:1:container-instance/prod/aaa", "a", "t2.micro", 1024, 256),
                instance("arn:aws:ecs:us-east-1:1:container-instance/prod/bbb", "a", "t2.micro", 128, 4096),
                instance("arn:aws:ecs:us-east-1:1:container-instance/prod/ccc", "a", "m5.large", 4096, 8192).withStatus(
                        dev.berth.ecs.scheduler.model.InstanceStatus.DRAINING));
        PlacementResult r = Scheduler.place(c, request("service:web", task("web", 256, 512), 1,
                List.of(Constraint.memberOf("attribute:ecs.instance-type =~ t2.*")), List.of()));
        // aaa passed agent, status, memberOf and cpu; bbb failed cpu; ccc is draining.
        assertEquals("service web was unable to place a task because no container instance met all of its requirements."
                + " The closest matching container-instance aaa has insufficient memory available.", r.failure().orElseThrow().message());
        assertEquals(List.of("insufficient memory", "insufficient cpu", "draining"),
                r.failure().get().rejections().stream().map(Rejection::describe).toList());
    }

    @Test
    void sameSeedSamePlacementsUnderRandom() {
        ClusterSnapshot c = cluster(instance("i-1", "a", "t", 4096, 4096), instance("i-2", "b", "t", 4096, 4096),
                instance("i-3", "c", "t", 4096, 4096), instance("i-4", "c", "t", 4096, 4096));
        PlacementRequest req = new PlacementRequest("family:x", task("x", 1, 1), 12, List.of(), List.of(new Strategy.Random()), 7);
        assertEquals(where(Scheduler.place(c, req)), where(Scheduler.place(c, req)));
        PlacementRequest other = new PlacementRequest("family:x", task("x", 1, 1), 12, List.of(), List.of(new Strategy.Random()), 8);
        assertTrue(!where(Scheduler.place(c, req)).equals(where(Scheduler.place(c, other))), "a different seed should reorder");
    }
}
