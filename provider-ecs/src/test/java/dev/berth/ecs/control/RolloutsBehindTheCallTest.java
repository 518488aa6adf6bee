package dev.berth.ecs.control;

import dev.berth.ecs.api.ServiceCalls.CreateServiceRequest;
import dev.berth.ecs.api.ServiceCalls.Deployment;
import dev.berth.ecs.api.ServiceCalls.DescribeServicesRequest;
import dev.berth.ecs.api.ServiceCalls.Service;
import dev.berth.ecs.api.ServiceCalls.UpdateServiceRequest;
import dev.berth.ecs.fake.FakeRuntime;
import dev.berth.ecs.fake.MemoryStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A control plane whose deployments run behind the call, as berth server's: CreateService and
 * UpdateService answer at once with the PRIMARY deployment IN_PROGRESS and nothing started, tell
 * the service loop, and the loop's rollout (the one deployment path) ends it COMPLETED or FAILED
 * with ECS's reason, as DescribeServices then shows.
 */
class RolloutsBehindTheCallTest {
    private final FakeRuntime engine = new FakeRuntime();
    private final Rollouts rollouts = Rollouts.behindTheCall();
    private final List<String> requested = new ArrayList<>();
    private final Fixture world;

    RolloutsBehindTheCallTest() {
        rollouts.whenRequested(requested::add);
        world = new Fixture(new MemoryStore(), engine, rollouts);
        world.register("web", "awsvpc", List.of("FARGATE"), "256", "512",
                "[{\"name\":\"web\",\"image\":\"busybox\",\"command\":[\"sleep\",\"300\"]}]");
    }

    private Service describe() {
        return world.plane.describeServices(new DescribeServicesRequest(world.clusterName, List.of("web"), null))
                .services().get(0);
    }

    private static Deployment primary(Service s) {
        return s.deployments().get(0);
    }

    @Test
    void createServiceAnswersAtOnceAndTheLoopRollsItOut() {
        Service created = world.plane.createService(new CreateServiceRequest(world.clusterName, "web", "web", 3, null,
                "FARGATE", null, null, null, null, null)).service();
        assertEquals("ACTIVE", created.status());
        assertEquals("IN_PROGRESS", primary(created).rolloutState());
        assertEquals(0, created.runningCount());
        assertEquals(3, primary(created).desiredCount());
        assertEquals(0, engine.launches.size(), "nothing starts inside the call");
        assertEquals(List.of(created.serviceArn()), requested, "the service loop was told");

        world.plane.rollOut(created.serviceArn());
        Service after = describe();
        assertEquals("COMPLETED", primary(after).rolloutState());
        assertEquals(3, after.runningCount());
        assertEquals(3, primary(after).runningCount());
        assertEquals(3, engine.launches.size());
        assertTrue(after.events().get(0).message().contains("has reached a steady state"), after.events()::toString);
    }

    @Test
    void aForcedUpdateKeepsItsForceUntilTheLoopRollsItOut() {
        Service created = world.plane.createService(new CreateServiceRequest(world.clusterName, "web", "web", 1, null,
                "FARGATE", null, null, null, null, null)).service();
        world.plane.rollOut(created.serviceArn());
        int before = engine.launches.size();
        Service updated = world.plane.updateService(new UpdateServiceRequest(world.clusterName, "web", null, null, null,
                null, null, true)).service();
        assertEquals("IN_PROGRESS", primary(updated).rolloutState());
        assertEquals(before, engine.launches.size());
        world.plane.rollOut(created.serviceArn());
        assertEquals(before + 1, engine.launches.size(), "the running task was replaced");
        assertEquals("COMPLETED", primary(describe()).rolloutState());
    }

    @Test
    void aRolloutThatCannotStartItsTasksEndsFailedWithTheReason() {
        world.register("broken", "awsvpc", List.of("FARGATE"), "256", "512",
                "[{\"name\":\"web\",\"image\":\"no-such-image\",\"command\":[\"sleep\",\"300\"]}]");
        engine.missingImages.add("no-such-image");
        Service created = world.plane.createService(new CreateServiceRequest(world.clusterName, "web", "broken", 1,
                null, "FARGATE", null, null, null, null, null)).service();
        assertEquals("IN_PROGRESS", primary(created).rolloutState());
        world.plane.rollOut(created.serviceArn());
        Deployment d = primary(describe());
        assertEquals("FAILED", d.rolloutState());
        assertTrue(d.rolloutStateReason() != null && d.rolloutStateReason().contains("no-such-image"), d::toString);
    }
}
