package dev.berth.ecs.control;

import dev.berth.ecs.api.ClusterCalls.CreateClusterRequest;
import dev.berth.ecs.api.InstanceCalls.ContainerInstance;
import dev.berth.ecs.api.InstanceCalls.DeregisterContainerInstanceRequest;
import dev.berth.ecs.api.InstanceCalls.DescribeContainerInstancesRequest;
import dev.berth.ecs.api.InstanceCalls.DescribeContainerInstancesResponse;
import dev.berth.ecs.api.InstanceCalls.ListContainerInstancesRequest;
import dev.berth.ecs.api.InstanceCalls.RegisterContainerInstanceRequest;
import dev.berth.ecs.api.InstanceCalls.UpdateContainerInstancesStateRequest;
import dev.berth.ecs.api.Shapes.Attribute;
import dev.berth.ecs.api.Shapes.Failure;
import dev.berth.ecs.api.Shapes.Resource;
import dev.berth.ecs.api.Shapes.VersionInfo;
import dev.berth.ecs.store.PlacementRow;
import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.store.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.berth.ecs.control.Plane.assertEcsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstanceActionsTest {
    private static final String CLUSTER = "arn:aws:ecs:local:000000000000:cluster/prod";
    private final Plane p = new Plane();

    @BeforeEach
    void cluster() {
        p.api.createCluster(new CreateClusterRequest("prod", null, null));
    }

    private ContainerInstance register(String zone, Integer cpu) {
        List<Resource> total = cpu == null ? null : List.of(Resource.integer("CPU", cpu), Resource.integer("MEMORY", 512));
        return p.api.registerContainerInstance(new RegisterContainerInstanceRequest("prod", total, null, null,
                List.of(new Attribute("ecs.availability-zone", zone)), null, null, null)).containerInstance();
    }

    private ContainerInstance describe(String ref) {
        return p.api.describeContainerInstances(new DescribeContainerInstancesRequest("prod", List.of(ref), null))
                .containerInstances().get(0);
    }

    /** A task recorded on the instance, holding cpu, memory and a host port. */
    private void runTask(ContainerInstance on, String id, String status) {
        String arn = "arn:aws:ecs:local:000000000000:task/prod/" + id;
        String service = "arn:aws:ecs:local:000000000000:service/prod/web";
        p.store.put(TaskRow.TABLE, arn, Json.write(new TaskRow(arn, service, CLUSTER, "web:1", status, 1, null, null,
                null, List.of(), Map.of())));
        p.store.put(PlacementRow.TABLE, arn, Json.write(new PlacementRow(arn, service, on.containerInstanceArn(), null,
                256, 128, List.of("8080/tcp"))));
    }

    @Test
    void registerReadsTheEnginesSizeAddsTheOsTypeAndReRegisteringKeepsTheInstance() {
        ContainerInstance i = register("a", null);
        assertTrue(i.containerInstanceArn().matches("arn:aws:ecs:local:000000000000:container-instance/prod/[0-9a-f]{32}"));
        assertEquals(List.of(Resource.integer("CPU", 4096), Resource.integer("MEMORY", 8192)),
                i.registeredResources().subList(0, 2));
        assertEquals(List.of(new Attribute("ecs.availability-zone", "a"), new Attribute("ecs.os-type", "linux")),
                i.attributes());
        assertEquals("ACTIVE", i.status());
        assertTrue(i.agentConnected());

        ContainerInstance again = p.api.registerContainerInstance(new RegisterContainerInstanceRequest("prod",
                List.of(Resource.integer("CPU", 1024), Resource.integer("MEMORY", 512)), null, i.containerInstanceArn(),
                null, null, null, null)).containerInstance();
        assertEquals(i.containerInstanceArn(), again.containerInstanceArn());
        assertEquals(Resource.integer("CPU", 1024), again.registeredResources().get(0));
        assertEquals(1, p.api.listContainerInstances(new ListContainerInstancesRequest("prod", null, null, null, null))
                .containerInstanceArns().size());
    }

    @Test
    void registrationNeedsAnActiveClusterAnAnsweringEngineAndAWellFormedHost() {
        assertEcsError("ClusterNotFoundException", "Cluster not found.", () -> p.api.registerContainerInstance(
                new RegisterContainerInstanceRequest("nope", null, null, null, null, null, null, null)));
        assertEcsError("InvalidParameterException", "dockerHost \"http://x\" is not unix:///path/to/docker.sock or "
                + "tcp://host:port.", () -> p.api.registerContainerInstance(new RegisterContainerInstanceRequest("prod",
                null, null, null, null, null, "http://x", null)));
        p.runtime.unreachable = true;
        try {
            p.api.registerContainerInstance(new RegisterContainerInstanceRequest("prod", null, null, null, null, null,
                    null, null));
        } catch (dev.berth.ecs.api.EcsException e) {
            assertEquals("ClientException", e.errorName());
            assertTrue(e.getMessage().startsWith("Cannot register the container instance: "), e::getMessage);
            return;
        }
        throw new AssertionError("registration on an engine that does not answer succeeded");
    }

    @Test
    void aRetriedRegisterWithTheSameTokenReturnsTheFirstInstance() {
        var req = new RegisterContainerInstanceRequest("prod", null, null, null, null, null, null, "tok");
        String first = p.api.registerContainerInstance(req).containerInstance().containerInstanceArn();
        assertEquals(first, p.api.registerContainerInstance(req).containerInstance().containerInstanceArn());
    }

    @Test
    void describeShowsWhatTasksUseIncludingTakenPortsAndSaysMissingForUnknownInstances() {
        ContainerInstance i = register("a", 1024);
        runTask(i, "t1", "RUNNING");
        runTask(i, "t2", "PENDING");
        DescribeContainerInstancesResponse r = p.api.describeContainerInstances(new DescribeContainerInstancesRequest(
                "prod", List.of(i.containerInstanceArn(), "ffff"), null));
        ContainerInstance d = r.containerInstances().get(0);
        assertEquals(1, d.runningTasksCount());
        assertEquals(1, d.pendingTasksCount());
        assertEquals(List.of(Resource.integer("CPU", 768), Resource.integer("MEMORY", 384),
                Resource.stringSet("PORTS", List.of("8080")), Resource.stringSet("PORTS_UDP", List.of())),
                d.remainingResources());
        assertEquals(List.of(new Failure("arn:aws:ecs:local:000000000000:container-instance/prod/ffff", "MISSING")),
                r.failures());
    }

    @Test
    void anEngineThatStopsAnsweringAndAnAgentThatFallsSilentAreDisconnected() {
        ContainerInstance i = register("a", 1024);
        p.runtime.unreachable = true;
        assertFalse(describe(i.containerInstanceArn()).agentConnected());
        p.runtime.unreachable = false;
        assertTrue(describe(i.containerInstanceArn()).agentConnected());

        ContainerInstance agent = p.api.registerContainerInstance(new RegisterContainerInstanceRequest("prod", null,
                new VersionInfo("berth", null, null), null, null, null, null, null)).containerInstance();
        assertTrue(describe(agent.containerInstanceArn()).agentConnected());
        p.store.put(Heartbeats.TABLE, agent.containerInstanceArn(), Json.write(new Heartbeats.Beat(
                p.clock.instant().minus(Heartbeats.STALE).minusSeconds(1).toString())));
        assertFalse(describe(agent.containerInstanceArn()).agentConnected(), "no heartbeat for longer than "
                + Heartbeats.STALE);
    }

    @Test
    void listFiltersByStatusAndByClusterQuery() {
        ContainerInstance a = register("a", 1024), b = register("b", 1024);
        p.api.updateContainerInstancesState(new UpdateContainerInstancesStateRequest("prod",
                List.of(b.containerInstanceArn()), "DRAINING"));
        assertEquals(List.of(b.containerInstanceArn()), list(null, "DRAINING"));
        assertEquals(List.of(a.containerInstanceArn()), list("attribute:ecs.availability-zone == a", null));
        assertEquals(List.of(), list("runningTasksCount > 0", null));
        assertEcsError("InvalidParameterException", "Invalid filter: column 35: expected a value but found end of "
                + "expression.", () -> list("attribute:ecs.availability-zone ==", null));
        assertEcsError("InvalidParameterException", "status must be one of ACTIVE, DRAINING, REGISTERING, "
                + "DEREGISTERING, REGISTRATION_FAILED.", () -> list(null, "INACTIVE"));
    }

    private List<String> list(String filter, String status) {
        return p.api.listContainerInstances(new ListContainerInstancesRequest("prod", filter, null, null, status))
                .containerInstanceArns();
    }

    @Test
    void drainingAsksTheServicesToMoveTasksAndActiveTakesTheInstanceBack() {
        ContainerInstance a = register("a", 1024);
        var r = p.api.updateContainerInstancesState(new UpdateContainerInstancesStateRequest("prod",
                List.of(a.containerInstanceArn(), "nope"), "DRAINING"));
        assertEquals("DRAINING", r.containerInstances().get(0).status());
        assertEquals(1, r.failures().size());
        assertEquals(List.of(a.containerInstanceArn()), p.drained.stream().map(dev.berth.ecs.store.InstanceRow::arn).toList());
        assertEquals("ACTIVE", p.api.updateContainerInstancesState(new UpdateContainerInstancesStateRequest("prod",
                List.of(a.containerInstanceArn()), "ACTIVE")).containerInstances().get(0).status());
        assertEcsError("InvalidParameterException", "Container instance status must be ACTIVE or DRAINING.",
                () -> p.api.updateContainerInstancesState(new UpdateContainerInstancesStateRequest("prod",
                        List.of(a.containerInstanceArn()), "INACTIVE")));
    }

    @Test
    void deregisterIsRefusedWhileTasksRunUnlessForcedAndLeavesTheInstanceDescribableAsInactive() {
        ContainerInstance a = register("a", 1024);
        runTask(a, "t1", "RUNNING");
        // A FARGATE task's placement names no instance; it is none of this instance's business.
        String fargate = "arn:aws:ecs:local:000000000000:task/prod/f1";
        p.store.put(TaskRow.TABLE, fargate, Json.write(new TaskRow(fargate, null, CLUSTER, "web:1", "RUNNING", 2, null,
                null, null, List.of(), Map.of())));
        p.store.put(PlacementRow.TABLE, fargate, Json.write(new PlacementRow(fargate, null, null, null, 256, 512,
                List.of())));
        assertEcsError("InvalidParameterException", "Found running tasks on the instance.",
                () -> p.api.deregisterContainerInstance(new DeregisterContainerInstanceRequest("prod",
                        a.containerInstanceArn(), false)));
        ContainerInstance gone = p.api.deregisterContainerInstance(new DeregisterContainerInstanceRequest("prod",
                a.containerInstanceArn(), true)).containerInstance();
        assertEquals("INACTIVE", gone.status());
        assertEquals(1, p.drained.size(), "its service tasks were moved first");
        assertTrue(p.store.get(TaskRow.TABLE, "arn:aws:ecs:local:000000000000:task/prod/t1").orElseThrow()
                .contains("\"status\":\"STOPPED\""), "what still ran on it stopped");
        assertTrue(p.store.get(TaskRow.TABLE, fargate).orElseThrow().contains("\"status\":\"RUNNING\""),
                "a task elsewhere runs on");
        assertEquals(List.of(), list(null, null));
        ContainerInstance described = describe(a.containerInstanceArn());
        assertEquals("INACTIVE", described.status());
        assertFalse(described.agentConnected());
        assertEcsError("InvalidParameterException", "The referenced container instance " + a.containerInstanceArn()
                + " was not found in cluster prod.", () -> p.api.deregisterContainerInstance(
                new DeregisterContainerInstanceRequest("prod", a.containerInstanceArn(), false)));
    }

    @Test
    void aDeregisteredInstanceIsDescribableAsInactiveForAnHourThenForgotten() {
        ContainerInstance a = register("a", 1024);
        p.api.deregisterContainerInstance(new DeregisterContainerInstanceRequest("prod", a.containerInstanceArn(), false));
        p.clock.advance(Duration.ofMinutes(59));
        assertEquals("INACTIVE", describe(a.containerInstanceArn()).status());
        p.clock.advance(Duration.ofMinutes(1));
        DescribeContainerInstancesResponse r = p.api.describeContainerInstances(new DescribeContainerInstancesRequest(
                "prod", List.of(a.containerInstanceArn()), null));
        assertEquals(List.of(), r.containerInstances());
        assertEquals(List.of(new Failure(a.containerInstanceArn(), "MISSING")), r.failures());
        assertEquals(Map.of(), p.store.list(InactiveRecords.INSTANCES), "its record went with it");
    }
}
