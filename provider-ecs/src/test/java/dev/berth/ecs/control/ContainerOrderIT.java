package dev.berth.ecs.control;

import dev.berth.ecs.api.TaskCalls.Container;
import dev.berth.ecs.api.TaskCalls.DescribeTasksRequest;
import dev.berth.ecs.api.TaskCalls.RunTaskRequest;
import dev.berth.ecs.api.TaskCalls.Task;
import dev.berth.ecs.resource.EcsLabels;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * essential and dependsOn as RunTask and DescribeTasks show them, on the real engine: a
 * non-essential container may exit while its task keeps running; an essential one may not.
 */
class ContainerOrderIT extends RealEngineWorld {
    private static final String IMAGE = "berth-example/busybox:latest";

    private Task run(String family) {
        return world.plane.runTask(new RunTaskRequest(world.clusterName, family, 1, "FARGATE", null, null, null,
                null, null, null, null)).tasks().get(0);
    }

    private Task describe(String arn) {
        return world.plane.describeTasks(new DescribeTasksRequest(world.clusterName, List.of(arn), null)).tasks().get(0);
    }

    private static Container container(Task t, String name) {
        return t.containers().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private Task awaitStatus(String arn, String container, String status) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        Task t = describe(arn);
        while (!status.equals(container(t, container).lastStatus()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            t = describe(arn);
        }
        return t;
    }

    @Test
    void aNonEssentialContainerThatExitsLeavesTheTaskRunningAndAnEssentialOneStopsIt() throws Exception {
        world.register("pair", "awsvpc", List.of("FARGATE"), "256", "512", "[{\"name\":\"main\",\"image\":\"" + IMAGE
                + "\",\"command\":[\"sleep\",\"300\"]},{\"name\":\"job\",\"image\":\"" + IMAGE
                + "\",\"essential\":false,\"command\":[\"sh\",\"-c\",\"sleep 1; exit 3\"]}]");
        Task started = run("pair");
        assertEquals("RUNNING", started.lastStatus(), started::toString);

        Task afterJob = awaitStatus(started.taskArn(), "job", "STOPPED");
        assertEquals("STOPPED", container(afterJob, "job").lastStatus());
        assertEquals(3, container(afterJob, "job").exitCode());
        assertEquals("RUNNING", afterJob.lastStatus(), "a non-essential container's exit leaves its task running");
        assertEquals("RUNNING", container(afterJob, "main").lastStatus());

        String main = engine.listContainers(Map.of(EcsLabels.TASK_ARN, started.taskArn())).stream()
                .filter(c -> "main".equals(c.labels().get(EcsLabels.CONTAINER_NAME))).findFirst().orElseThrow().id();
        new ProcessBuilder("docker", "kill", main).redirectErrorStream(true).start().waitFor();
        Task ended = awaitStatus(started.taskArn(), "main", "STOPPED");
        assertEquals("STOPPED", ended.lastStatus());
        assertEquals("EssentialContainerExited", ended.stopCode());
        assertEquals("Essential container in task exited", ended.stoppedReason());
    }

    @Test
    void aSuccessDependencyThatFailsStopsTheTaskWithEcsCodeAndTheAgentsContainerReason() {
        world.register("migrate", "awsvpc", List.of("FARGATE"), "256", "512", "[{\"name\":\"init\",\"image\":\""
                + IMAGE + "\",\"essential\":false,\"command\":[\"sh\",\"-c\",\"exit 1\"]},{\"name\":\"app\",\"image\":\""
                + IMAGE + "\",\"command\":[\"sleep\",\"300\"],\"dependsOn\":[{\"containerName\":\"init\","
                + "\"condition\":\"SUCCESS\"}]}]");
        Task t = describe(run("migrate").taskArn());
        assertEquals("STOPPED", t.lastStatus(), t::toString);
        assertEquals("EssentialContainerExited", t.stopCode());
        assertEquals("Essential container in task exited", t.stoppedReason());
        Container app = container(t, "app");
        assertEquals(143, app.exitCode());
        assertEquals("CannotStartContainerError: dependency graph: failed to resolve container ordering dependency "
                + "[init] for target [app] as dependency did not exit successfully.", app.reason());
        assertEquals(List.of(), engine.listContainers(Map.of(EcsLabels.TASK_ARN, t.taskArn())));
    }
}
