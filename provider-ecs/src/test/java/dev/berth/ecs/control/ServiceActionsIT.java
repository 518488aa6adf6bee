package dev.berth.ecs.control;

import dev.berth.ecs.api.ServiceCalls.CreateServiceRequest;
import dev.berth.ecs.api.ServiceCalls.DeleteServiceRequest;
import dev.berth.ecs.api.ServiceCalls.DescribeServicesRequest;
import dev.berth.ecs.api.ServiceCalls.Service;
import dev.berth.ecs.api.ServiceCalls.UpdateServiceRequest;
import dev.berth.ecs.api.TaskCalls.DescribeTasksRequest;
import dev.berth.ecs.api.TaskCalls.ListTasksRequest;
import dev.berth.ecs.api.TaskCalls.StopTaskRequest;
import dev.berth.ecs.api.TaskCalls.Task;
import dev.berth.ecs.resource.EcsLabels;
import dev.berth.ecs.runtime.ContainerInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CreateService, UpdateService, DescribeServices and DeleteService against the real Docker
 * engine: the containers a service runs are Docker's, its counts follow what Docker runs, and a
 * task stopped with StopTask is replaced by the service's next deployment. Everything of the
 * test's cluster is removed afterwards.
 */
class ServiceActionsIT extends RealEngineWorld {
    private static final String IMAGE = "berth-example/busybox:latest";

    /** After {@link RealEngineWorld#connect()}: superclass set-up runs first. */
    @BeforeEach
    void registerWeb() {
        world.register("web", "awsvpc", List.of("FARGATE"), "256", "512", "[{\"name\":\"web\",\"image\":\"" + IMAGE
                + "\",\"command\":[\"sleep\",\"300\"]}]");
    }

    private List<ContainerInfo> running() {
        return engine.listContainers(Map.of(EcsLabels.CLUSTER, world.clusterArn)).stream()
                .filter(ContainerInfo::running).toList();
    }

    private Service describe() {
        return world.plane.describeServices(new DescribeServicesRequest(world.clusterName, List.of("web"), null))
                .services().get(0);
    }

    @Test
    void aServiceRunsScalesIsRepairedAndIsDeletedOnTheRealEngine() throws Exception {
        Service created = world.plane.createService(new CreateServiceRequest(world.clusterName, "web", "web", 1,
                "tok", "FARGATE", null, null, null, null, null)).service();
        assertEquals(1, created.runningCount());
        assertEquals(1, running().size());

        Service scaled = world.plane.updateService(new UpdateServiceRequest(world.clusterName, "web", 2, null, null,
                null, null, null)).service();
        assertEquals(2, scaled.runningCount());
        assertEquals(2, running().size());
        assertEquals("COMPLETED", scaled.deployments().get(0).rolloutState());

        List<String> tasks = world.plane.listTasks(new ListTasksRequest(world.clusterName, null, null, null, null,
                null, "web", null, null)).taskArns();
        assertEquals(2, tasks.size());
        String killed = engine.listContainers(Map.of(EcsLabels.TASK_ARN, tasks.get(0))).get(0).id();
        new ProcessBuilder("docker", "kill", killed).redirectErrorStream(true).start().waitFor();
        assertEquals(1, describe().runningCount(), "counts come from what Docker runs");
        Task dead = world.plane.describeTasks(new DescribeTasksRequest(world.clusterName, List.of(tasks.get(0)), null))
                .tasks().get(0);
        assertEquals("STOPPED", dead.lastStatus());
        assertEquals(137, dead.containers().get(0).exitCode());

        Task stopped = world.plane.stopTask(new StopTaskRequest(world.clusterName, tasks.get(1), "make room")).task();
        assertEquals("UserInitiated", stopped.stopCode());
        // The service's next deployment replaces what died or was stopped.
        Service repaired = world.plane.updateService(new UpdateServiceRequest(world.clusterName, "web", null, null,
                null, null, null, null)).service();
        assertEquals(2, repaired.runningCount());
        assertEquals(2, running().size());

        Service deleted = world.plane.deleteService(new DeleteServiceRequest(world.clusterName, "web", true)).service();
        assertEquals("DRAINING", deleted.status());
        assertEquals(List.of(), running());
        assertEquals("INACTIVE", describe().status());
        assertTrue(engine.listContainers(Map.of(EcsLabels.CLUSTER, world.clusterArn)).isEmpty(), "no container left");
    }
}
