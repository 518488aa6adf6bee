package dev.berth.ecs.control;

import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.Shapes.ContainerOverride;
import dev.berth.ecs.api.Shapes.Failure;
import dev.berth.ecs.api.Shapes.KeyValuePair;
import dev.berth.ecs.api.Shapes.TaskOverride;
import dev.berth.ecs.api.TaskCalls.Container;
import dev.berth.ecs.api.TaskCalls.DescribeTasksRequest;
import dev.berth.ecs.api.TaskCalls.ListTasksRequest;
import dev.berth.ecs.api.TaskCalls.RunTaskRequest;
import dev.berth.ecs.api.TaskCalls.RunTaskResponse;
import dev.berth.ecs.api.TaskCalls.StopTaskRequest;
import dev.berth.ecs.api.TaskCalls.Task;
import dev.berth.ecs.fake.FakeRuntime;
import dev.berth.ecs.fake.MemoryStore;
import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.store.TaskRow;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The task actions' own rules, over an in-memory engine: counts, tokens, overrides, exits, forgetting. */
class TaskActionsTest {
    private final FakeRuntime engine = new FakeRuntime();
    private final Fixture world = new Fixture(new MemoryStore(), engine);

    TaskActionsTest() {
        world.register("batch", "awsvpc", List.of("FARGATE"), "256", "512",
                "[{\"name\":\"main\",\"image\":\"busybox\",\"command\":[\"sleep\",\"300\"],"
                        + "\"environment\":[{\"name\":\"A\",\"value\":\"1\"}]}]");
    }

    private RunTaskResponse run(Integer count, String token, TaskOverride overrides) {
        return world.plane.runTask(new RunTaskRequest(world.clusterName, "batch", count, "FARGATE", null, null, null,
                "nightly", overrides, null, token));
    }

    @Test
    void countOutsideOneToTenIsRefused() {
        for (int bad : new int[] {0, 11, -1}) {
            EcsException e = assertThrows(EcsException.class, () -> run(bad, null, null));
            assertEquals(EcsException.INVALID_PARAMETER, e.errorName());
        }
        assertEquals(0, engine.containerCount());
    }

    @Test
    void unknownClusterAndTaskDefinitionUseEcsErrors() {
        EcsException noCluster = assertThrows(EcsException.class, () -> world.plane.runTask(new RunTaskRequest(
                "nope", "batch", 1, "FARGATE", null, null, null, null, null, null, null)));
        assertEquals(EcsException.CLUSTER_NOT_FOUND, noCluster.errorName());
        EcsException noTd = assertThrows(EcsException.class, () -> world.plane.runTask(new RunTaskRequest(
                world.clusterName, "missing", 1, "FARGATE", null, null, null, null, null, null, null)));
        assertEquals(EcsException.CLIENT, noTd.errorName());
        assertEquals("TaskDefinition not found.", noTd.getMessage());
    }

    @Test
    void aRetriedRunWithTheSameTokenReturnsTheSameTasks() {
        RunTaskResponse first = run(3, "tok-1", null);
        RunTaskResponse again = run(3, "tok-1", null);
        assertEquals(3, first.tasks().size());
        assertEquals(first.tasks().stream().map(Task::taskArn).sorted().toList(),
                again.tasks().stream().map(Task::taskArn).sorted().toList());
        assertEquals(3, engine.launches.size());
        assertEquals(4, run(1, "tok-2", null).tasks().size() + 3);
    }

    @Test
    void overridesChangeCommandAndEnvironmentOfTheLaunch() {
        TaskOverride o = new TaskOverride(List.of(new ContainerOverride("main", List.of("echo", "hi"),
                List.of(new KeyValuePair("B", "2")), 128, 64, null)), null, null, null, null);
        Task t = run(1, null, o).tasks().get(0);
        ContainerLaunch c = engine.launches.get(0).containers().get(0);
        assertEquals(List.of("echo", "hi"), c.command());
        assertEquals("1", c.environment().get("A"));
        assertEquals("2", c.environment().get("B"));
        assertEquals(128, c.cpuShares());
        assertEquals(64, c.memoryMiB());
        assertEquals(o, t.overrides());
        assertEquals("family:batch", t.group());
        assertEquals("nightly", t.startedBy());
    }

    @Test
    void aOneOffTaskThatExitsIsStoppedWithItsExitCodeAndNotReplaced() {
        Task t = run(1, null, null).tasks().get(0);
        engine.kill(t.taskArn());
        Task seen = describe(t.taskArn());
        assertEquals("STOPPED", seen.lastStatus());
        assertEquals("STOPPED", seen.desiredStatus());
        assertEquals("EssentialContainerExited", seen.stopCode());
        assertEquals(137, seen.containers().get(0).exitCode());
        assertEquals(0, engine.containerCount(), "its containers are removed once recorded");
        assertEquals(1, engine.launches.size(), "nothing replaces a one-off task");
        // Still the same answer from the record once the containers are gone.
        assertEquals(137, describe(t.taskArn()).containers().get(0).exitCode());
        assertEquals(List.of(), list("RUNNING"));
        assertEquals(List.of(t.taskArn()), list("STOPPED"));
    }

    @Test
    void aOneOffTaskKilledForItsMemoryStopsWithEcsOutOfMemoryReason() {
        Task t = run(1, null, null).tasks().get(0);
        engine.oomKill(t.taskArn());
        for (Task seen : List.of(describe(t.taskArn()), describe(t.taskArn()))) {
            // The first answer is read from the engine, the second from the record once the containers are gone.
            assertEquals("EssentialContainerExited", seen.stopCode());
            assertEquals("Essential container in task exited", seen.stoppedReason());
            assertEquals(137, seen.containers().get(0).exitCode());
            assertEquals("OutOfMemoryError: Container killed due to memory usage", seen.containers().get(0).reason());
        }
        assertEquals(0, engine.containerCount());
    }

    @Test
    void stopTaskRecordsUserInitiatedWithTheReason() {
        Task t = run(1, null, null).tasks().get(0);
        Task stopped = world.plane.stopTask(new StopTaskRequest(world.clusterName, t.taskArn(), "done for today")).task();
        assertEquals("STOPPED", stopped.lastStatus());
        assertEquals("UserInitiated", stopped.stopCode());
        assertEquals("done for today", stopped.stoppedReason());
        assertEquals(0, engine.containerCount());
        EcsException missing = assertThrows(EcsException.class, () -> world.plane.stopTask(
                new StopTaskRequest(world.clusterName, "0123456789abcdef", null)));
        assertEquals(EcsException.INVALID_PARAMETER, missing.errorName());
    }

    @Test
    void aUsersStopKeepsItsReasonWhenAnObserverRecordedTheContainersDeathFirst() {
        // berth server's agent follows the engine's events beside the request and records the die of
        // an essential container as EssentialContainerExited, which may land while StopTask waits.
        MemoryStore store = new MemoryStore();
        Table<TaskRow> rows = new Table<>(store, TaskRow.TABLE, TaskRow.class);
        ContainerRuntime observed = (ContainerRuntime) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ContainerRuntime.class}, (proxy, method, args) -> {
                    Object out;
                    try {
                        out = method.invoke(engine, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("stopTask")) {
                        String arn = (String) args[0];
                        rows.get(arn).filter(TaskRow::running).ifPresent(r -> rows.put(arn, r.stopped("now",
                                TaskRow.ESSENTIAL_CONTAINER_EXITED, TaskRow.ESSENTIAL_EXITED_REASON)));
                    }
                    return out;
                });
        Fixture raced = new Fixture(store, observed);
        raced.register("batch", "awsvpc", List.of("FARGATE"), "256", "512",
                "[{\"name\":\"main\",\"image\":\"busybox\",\"command\":[\"sleep\",\"300\"]}]");
        Task t = raced.plane.runTask(new RunTaskRequest(raced.clusterName, "batch", 1, "FARGATE", null, null, null,
                null, null, null, null)).tasks().get(0);
        Task stopped = raced.plane.stopTask(new StopTaskRequest(raced.clusterName, t.taskArn(), "done for today")).task();
        assertEquals("UserInitiated", stopped.stopCode());
        assertEquals("done for today", stopped.stoppedReason());
        assertEquals("UserInitiated", rows.get(t.taskArn()).orElseThrow().stopCode());
    }

    @Test
    void stoppedTasksAreDescribableForAnHourThenGone() {
        Task t = run(1, null, null).tasks().get(0);
        world.plane.stopTask(new StopTaskRequest(world.clusterName, t.taskArn(), null));
        world.clock.advance(Duration.ofMinutes(59));
        assertEquals("STOPPED", describe(t.taskArn()).lastStatus());
        world.clock.advance(Duration.ofMinutes(2));
        var r = world.plane.describeTasks(new DescribeTasksRequest(world.clusterName, List.of(t.taskArn()), null));
        assertEquals(List.of(), r.tasks());
        assertEquals(List.of(new Failure(t.taskArn(), "MISSING")), r.failures());
        assertTrue(world.store.list(TaskAttributes.TABLE).isEmpty(), "its rows are pruned");
    }

    @Test
    void listTasksFiltersAndPages() {
        List<String> arns = run(5, null, null).tasks().stream().map(Task::taskArn).sorted().toList();
        var first = world.plane.listTasks(new ListTasksRequest(world.clusterName, null, "batch", null, 2, null, null,
                null, null));
        assertEquals(arns.subList(0, 2), first.taskArns());
        var second = world.plane.listTasks(new ListTasksRequest(world.clusterName, null, "batch", first.nextToken(), 2,
                null, null, null, null));
        assertEquals(arns.subList(2, 4), second.taskArns());
        var third = world.plane.listTasks(new ListTasksRequest(world.clusterName, null, null, second.nextToken(), 2,
                null, null, null, null));
        assertEquals(arns.subList(4, 5), third.taskArns());
        assertNull(third.nextToken());
        assertEquals(5, world.plane.listTasks(new ListTasksRequest(world.clusterName, null, null, null, null,
                "nightly", null, null, "FARGATE")).taskArns().size());
        assertEquals(0, world.plane.listTasks(new ListTasksRequest(world.clusterName, null, "other", null, null,
                null, null, null, null)).taskArns().size());
        assertEquals(0, world.plane.listTasks(new ListTasksRequest(world.clusterName, null, null, null, null,
                null, "web", null, null)).taskArns().size());
    }

    /**
     * STOPPED pages hold, in one ARN order, the tasks recorded STOPPED (read from their rows) and
     * those whose container ended since (seen on the engine), leave out those past keeping, and
     * resume after the token whichever kind ended a page.
     */
    @Test
    void stoppedPagesMergeRecordedAndEndedTasksAndLeaveOutExpiredOnes() {
        List<String> arns = run(7, null, null).tasks().stream().map(Task::taskArn).sorted().toList();
        world.plane.stopTask(new StopTaskRequest(world.clusterName, arns.get(6), null));
        world.clock.advance(Duration.ofMinutes(61));
        for (int i : new int[] {0, 3, 5}) world.plane.stopTask(new StopTaskRequest(world.clusterName, arns.get(i), null));
        engine.kill(arns.get(1));
        engine.kill(arns.get(4));
        List<String> seen = new java.util.ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            var page = world.plane.listTasks(new ListTasksRequest(world.clusterName, null, null, token, 2, null, null,
                    "STOPPED", null));
            assertTrue(page.taskArns().size() <= 2);
            seen.addAll(page.taskArns());
            token = page.nextToken();
            pages++;
        } while (token != null && pages < 10);
        assertEquals(List.of(arns.get(0), arns.get(1), arns.get(3), arns.get(4), arns.get(5)), seen,
                "stopped and ended, in order; the one stopped over an hour ago is gone");
        assertEquals(List.of(arns.get(2)), list("RUNNING"));
        assertEquals(List.of(arns.get(3)), world.plane.listTasks(new ListTasksRequest(world.clusterName, null, null,
                encode(arns.get(1)), 1, null, null, "STOPPED", null)).taskArns(), "resumes after a token's task");
    }

    private static String encode(String arn) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(arn.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void fargateTasksBeyondTheVcpuQuotaFailWithEcsReason() {
        var store = new MemoryStore();
        Fixture small = new Fixture(store, engine, new dev.berth.ecs.service.Deployer(store, () -> engine,
                java.util.concurrent.Executors.newSingleThreadExecutor(), host -> engine, () -> 512));
        small.register("batch", "awsvpc", List.of("FARGATE"), "256", "512",
                "[{\"name\":\"main\",\"image\":\"busybox\"}]");
        RunTaskResponse r = small.plane.runTask(new RunTaskRequest(small.clusterName, "batch", 3, "FARGATE", null,
                null, null, null, null, null, null));
        assertEquals(2, r.tasks().size(), "two 0.25 vCPU tasks fit a 0.5 vCPU quota");
        assertEquals(List.of(new Failure(null, OneOffRuns.FARGATE_QUOTA)), r.failures());
        assertEquals(2, engine.launches.size());
    }

    @Test
    void describeNamesMissingTasks() {
        var r = world.plane.describeTasks(new DescribeTasksRequest(world.clusterName, List.of("abc"), null));
        assertEquals(1, r.failures().size());
        assertEquals("MISSING", r.failures().get(0).reason());
        assertTrue(r.failures().get(0).arn().endsWith("task/" + world.clusterName + "/abc"));
    }

    @Test
    void aMissingImageIsSaidOnItsContainerAsEcsSaysIt() {
        world.register("pair", "awsvpc", List.of("FARGATE"), "256", "512",
                "[{\"name\":\"app\",\"image\":\"no-such-image:1\"},{\"name\":\"side\",\"image\":\"busybox\","
                        + "\"essential\":false}]");
        engine.missingImages.add("no-such-image:1");
        Task t = world.plane.runTask(new RunTaskRequest(world.clusterName, "pair", 1, "FARGATE", null, null, null,
                null, null, null, null)).tasks().get(0);
        Task seen = describe(t.taskArn());
        assertEquals("STOPPED", seen.lastStatus());
        assertEquals("TaskFailedToStart", seen.stopCode());
        String sentence = "Image no-such-image:1 is not present on the engine.";
        assertEquals(sentence, seen.stoppedReason());
        Container app = seen.containers().stream().filter(c -> c.name().equals("app")).findFirst().orElseThrow();
        Container side = seen.containers().stream().filter(c -> c.name().equals("side")).findFirst().orElseThrow();
        assertEquals("STOPPED", app.lastStatus());
        assertEquals("CannotPullContainerError: " + sentence, app.reason());
        assertNull(side.reason(), "the other container's image was there");
    }

    private Task describe(String arn) {
        return world.plane.describeTasks(new DescribeTasksRequest(world.clusterName, List.of(arn), null)).tasks().get(0);
    }

    private List<String> list(String desired) {
        return world.plane.listTasks(new ListTasksRequest(world.clusterName, null, null, null, null, null, null,
                desired, null)).taskArns();
    }
}
