package dev.berth.ecs.control;

import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.ServiceCalls.CreateServiceRequest;
import dev.berth.ecs.api.ServiceCalls.DeleteServiceRequest;
import dev.berth.ecs.api.ServiceCalls.DescribeServicesRequest;
import dev.berth.ecs.api.ServiceCalls.ListServicesRequest;
import dev.berth.ecs.api.ServiceCalls.Service;
import dev.berth.ecs.api.ServiceCalls.UpdateServiceRequest;
import dev.berth.ecs.api.Shapes.Failure;
import dev.berth.ecs.api.TaskCalls.ListTasksRequest;
import dev.berth.ecs.fake.FakeRuntime;
import dev.berth.ecs.fake.MemoryStore;
import dev.berth.ecs.store.Table;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service actions' rules over an in-memory engine: idempotency, ECS's errors, counts from what runs, deletion. */
class ServiceActionsTest {
    private final FakeRuntime engine = new FakeRuntime();
    private final Fixture world = new Fixture(new MemoryStore(), engine);

    ServiceActionsTest() {
        world.register("web", "awsvpc", List.of("FARGATE"), "256", "512",
                "[{\"name\":\"web\",\"image\":\"busybox\",\"command\":[\"sleep\",\"300\"]}]");
    }

    private Service create(String name, Integer desired, String token) {
        return world.plane.createService(new CreateServiceRequest(world.clusterName, name, "web", desired, token,
                "FARGATE", null, null, null, null, null)).service();
    }

    private Service describe(String name) {
        return world.plane.describeServices(new DescribeServicesRequest(world.clusterName, List.of(name), null))
                .services().get(0);
    }

    @Test
    void createServiceRunsItsTasksAndDescribesThem() {
        Service s = create("web", 2, null);
        assertEquals("ACTIVE", s.status());
        assertEquals(2, s.desiredCount());
        assertEquals(2, s.runningCount());
        assertEquals(1, s.deployments().size());
        assertEquals("PRIMARY", s.deployments().get(0).status());
        assertEquals("COMPLETED", s.deployments().get(0).rolloutState());
        assertEquals(2, s.deployments().get(0).runningCount());
        assertTrue(s.deployments().get(0).id().startsWith("ecs-svc/"));
        assertTrue(s.events().get(0).message().contains("has reached a steady state"), s.events().toString());
        assertEquals(2, engine.launches.size());
        assertEquals(2, world.plane.listTasks(new ListTasksRequest(world.clusterName, null, null, null, null, null,
                "web", null, null)).taskArns().size());
    }

    @Test
    void creatingAnActiveServiceAgainIsRefusedUnlessTheTokenMatches() {
        Service first = create("web", 1, "tok");
        Service again = create("web", 1, "tok");
        assertEquals(first.serviceArn(), again.serviceArn());
        assertEquals(1, engine.launches.size());
        EcsException e = assertThrows(EcsException.class, () -> create("web", 1, "other"));
        assertEquals(EcsException.INVALID_PARAMETER, e.errorName());
        assertEquals("Creation of service was not idempotent.", e.getMessage());
    }

    @Test
    void badRequestsCarryEcsErrorNames() {
        assertEquals(EcsException.CLUSTER_NOT_FOUND, assertThrows(EcsException.class, () -> world.plane.createService(
                new CreateServiceRequest("nope", "web", "web", 1, null, "FARGATE", null, null, null, null, null)))
                .errorName());
        assertEquals(EcsException.INVALID_PARAMETER, assertThrows(EcsException.class, () -> world.plane.createService(
                new CreateServiceRequest(world.clusterName, "web", "missing", 1, null, "FARGATE", null, null, null,
                        null, null))).errorName());
        assertEquals(EcsException.INVALID_PARAMETER, assertThrows(EcsException.class, () -> create("web", -1, null))
                .errorName());
        assertEquals("Desired count exceeds limit.", assertThrows(EcsException.class, () -> create("web", 5001, null))
                .getMessage());
        assertEquals(EcsException.SERVICE_NOT_FOUND, assertThrows(EcsException.class, () -> world.plane.updateService(
                new UpdateServiceRequest(world.clusterName, "ghost", 1, null, null, null, null, null))).errorName());
        assertEquals(0, engine.launches.size(), "nothing started for a refused request");
    }

    @Test
    void updateServiceScalesAndCountsComeFromWhatRuns() {
        create("web", 1, null);
        Service scaled = world.plane.updateService(new UpdateServiceRequest(world.clusterName, "web", 3, null, null,
                null, null, null)).service();
        assertEquals(3, scaled.desiredCount());
        assertEquals(3, scaled.runningCount());
        List<String> tasks = world.plane.listTasks(new ListTasksRequest(world.clusterName, null, null, null, null,
                null, "web", null, null)).taskArns();
        engine.kill(tasks.get(0));
        assertEquals(2, describe("web").runningCount(), "a dead task does not count");
    }

    @Test
    void deleteNeedsForceAboveZeroThenTheServiceIsInactiveForAnHour() {
        create("web", 2, null);
        EcsException refused = assertThrows(EcsException.class, () -> world.plane.deleteService(
                new DeleteServiceRequest(world.clusterName, "web", false)));
        assertEquals("The service cannot be stopped while it is scaled above 0.", refused.getMessage());
        Service deleted = world.plane.deleteService(new DeleteServiceRequest(world.clusterName, "web", true)).service();
        assertEquals("DRAINING", deleted.status());
        assertEquals(0, engine.containerCount());
        assertEquals("INACTIVE", describe("web").status());
        assertEquals(EcsException.SERVICE_NOT_ACTIVE, assertThrows(EcsException.class, () -> world.plane.updateService(
                new UpdateServiceRequest(world.clusterName, "web", 1, null, null, null, null, null))).errorName());
        assertEquals(List.of(), world.plane.listServices(new ListServicesRequest(world.clusterName, null, null, null,
                null)).serviceArns());
        world.clock.advance(Duration.ofMinutes(61));
        var r = world.plane.describeServices(new DescribeServicesRequest(world.clusterName, List.of("web"), null));
        assertEquals(List.of(new Failure(describeArn("web"), "MISSING")), r.failures());
        // The name is free again.
        assertEquals("ACTIVE", create("web", 1, null).status());
    }

    /** What a DeleteService killed part-way leaves: the record DRAINING, its row and tasks still there. */
    private void killedMidDelete(String name) {
        Table<ServiceRecord> records = new Table<>(world.store, ServiceRecord.TABLE, ServiceRecord.class);
        String arn = describeArn(name);
        records.put(arn, records.get(arn).orElseThrow().withStatus(ServiceRecord.DRAINING, null));
    }

    @Test
    void aCreateAfterADeleteKilledPartWayFinishesTheDrainAndStartsAfresh() {
        create("web", 2, null);
        killedMidDelete("web");
        Service again = create("web", 1, null);
        assertEquals("ACTIVE", again.status());
        assertEquals(1, again.runningCount());
        assertEquals(1, engine.containerCount(), "the old tasks were stopped, one new one runs");
    }

    @Test
    void aDescribeAfterADeleteKilledPartWayFinishesItSoNothingIsStranded() {
        create("web", 2, null);
        killedMidDelete("web");
        assertEquals("INACTIVE", describe("web").status());
        assertEquals(0, engine.containerCount());
        assertEquals(List.of(), world.plane.listServices(new ListServicesRequest(world.clusterName, null, null, null,
                null)).serviceArns());
    }

    @Test
    void aDeleteRetriedAfterOneKilledPartWayFinishesIt() {
        create("web", 2, null);
        killedMidDelete("web");
        world.plane.deleteService(new DeleteServiceRequest(world.clusterName, "web", true));
        assertEquals(0, engine.containerCount());
        assertEquals("INACTIVE", describe("web").status());
    }

    @Test
    void listServicesPagesAndFiltersByLaunchType() {
        for (String n : List.of("a", "b", "c")) create(n, 0, null);
        var first = world.plane.listServices(new ListServicesRequest(world.clusterName, null, 2, null, null));
        assertEquals(2, first.serviceArns().size());
        var rest = world.plane.listServices(new ListServicesRequest(world.clusterName, first.nextToken(), 2, null, null));
        assertEquals(1, rest.serviceArns().size());
        assertNull(rest.nextToken());
        assertEquals(0, world.plane.listServices(new ListServicesRequest(world.clusterName, null, null, "EC2", null))
                .serviceArns().size());
    }

    private String describeArn(String name) {
        return dev.berth.ecs.arn.EcsArn.service(world.clusterName, name);
    }

    @Test
    void aLaunchTypeTheDefinitionDoesNotAllowAndFargatePlacementAreRefusedAsEcsDoes() {
        EcsException ec2 = assertThrows(EcsException.class, () -> world.plane.createService(new CreateServiceRequest(
                world.clusterName, "web", "web", 1, null, "EC2", null, null, null, null, null)));
        assertEquals("InvalidParameterException", ec2.errorName());
        assertEquals("Task definition does not support launch_type EC2.", ec2.getMessage());
        EcsException spread = assertThrows(EcsException.class, () -> world.plane.createService(new CreateServiceRequest(
                world.clusterName, "web", "web", 1, null, "FARGATE", null, null,
                List.of(new dev.berth.ecs.api.Shapes.PlacementStrategy("spread", "instanceId")), null, null)));
        assertEquals("Placement strategies are not supported with FARGATE launch type.", spread.getMessage());
        EcsException member = assertThrows(EcsException.class, () -> world.plane.createService(new CreateServiceRequest(
                world.clusterName, "web", "web", 1, null, "FARGATE", null,
                List.of(new dev.berth.ecs.api.Shapes.PlacementConstraint("distinctInstance", null)), null, null, null)));
        assertEquals("InvalidParameterException", member.errorName());
        assertEquals("Placement constraints are not supported with FARGATE launch type.", member.getMessage());
        assertTrue(engine.launches.isEmpty(), "nothing started");
    }
}
