package dev.berth.ecs.control;

import dev.berth.ecs.agent.Agent;
import dev.berth.ecs.agent.AgentLog;
import dev.berth.ecs.agent.Repairs;
import dev.berth.ecs.api.ServiceCalls.CreateServiceRequest;
import dev.berth.ecs.resource.EcsLabels;
import dev.berth.ecs.runtime.ContainerInfo;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.store.TaskRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * restartPolicy on the real engine, applied by berth's agent where it hears containers die. The
 * worker exits 2 s after each start; ECS lets a container be restarted only after it ran its
 * restartAttemptPeriod (at least 60 s), so the agent is given a clock standing 10 minutes ahead
 * instead of the test waiting a minute: the rule is ECS's, only the time it reads is moved.
 */
class RestartPolicyIT extends RealEngineWorld {
    private static final String IMAGE = "berth-example/busybox:latest";
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private Agent agent;

    @AfterEach
    void stopAgent() {
        if (agent != null) agent.stop(Duration.ofSeconds(10));
    }

    private void startAgent(Clock clock) {
        Repairs nothing = services -> new Repairs.Result(null, List.of());
        agent = new Agent(world.store, host -> engine, nothing, new AgentLog(lines::add, Clock.systemUTC()),
                Duration.ofHours(1), clock);
        Thread t = new Thread(agent::run, "restart-policy-agent");
        t.setDaemon(true);
        t.start();
        awaitTrue(() -> lines.stream().anyMatch(l -> l.contains("agent started")), "the agent starts");
    }

    /** An awsvpc task: main runs on, worker exits with {@code code} 2 s after each start. */
    private TaskRow deploy(String policy, int code) {
        world.register("restarting", "awsvpc", List.of("FARGATE"), "256", "512", "[{\"name\":\"main\",\"image\":\""
                + IMAGE + "\",\"command\":[\"sleep\",\"300\"]},{\"name\":\"worker\",\"image\":\"" + IMAGE
                + "\",\"command\":[\"sh\",\"-c\",\"sleep 2; exit " + code + "\"],\"restartPolicy\":" + policy + "}]");
        world.plane.createService(new CreateServiceRequest(world.clusterName, "svc", "restarting", 1, null, "FARGATE",
                null, null, null, null, null));
        List<TaskRow> rows = tasks().all();
        assertEquals(1, rows.size(), rows::toString);
        assertEquals(TaskRow.RUNNING, rows.get(0).status());
        return rows.get(0);
    }

    private Table<TaskRow> tasks() {
        return new Table<>(world.store, TaskRow.TABLE, TaskRow.class);
    }

    private TaskRow row(String arn) {
        return tasks().get(arn).orElseThrow();
    }

    private ContainerInfo worker(String taskArn) {
        return engine.listContainers(Map.of(EcsLabels.TASK_ARN, taskArn)).stream()
                .filter(c -> "worker".equals(c.labels().get(EcsLabels.CONTAINER_NAME))).findFirst().orElseThrow();
    }

    private static void awaitTrue(java.util.function.BooleanSupplier p, String what) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!p.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting until " + what);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static int restarts(TaskRow row, String name) {
        return row.containers().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().restarts();
    }

    @Test
    void anExitedContainerIsStartedAgainInPlaceAndItsTaskKeepsRunning() {
        startAgent(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10)));
        TaskRow started = deploy("{\"enabled\":true,\"restartAttemptPeriod\":60}", 3);
        String workerId = worker(started.taskArn()).id();

        awaitTrue(() -> restarts(row(started.taskArn()), "worker") >= 2, "the worker was restarted twice");
        TaskRow now = row(started.taskArn());
        assertEquals(TaskRow.RUNNING, now.status(), "the task keeps running: " + now);
        assertEquals(workerId, worker(started.taskArn()).id(), "the same container, started again");
        assertEquals(1, tasks().all().size(), "no replacement task");
        assertTrue(lines.stream().anyMatch(l -> l.contains("container worker exited (exit code 3); restarted in place "
                + "by its restart policy (restart 1)")), lines::toString);
        assertTrue(now.containers().stream().filter(c -> c.name().equals("worker")).findFirst().orElseThrow()
                .restartedAt() != null);
    }

    @Test
    void aRunTaskTasksContainerIsRestartedInPlaceToo() {
        startAgent(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10)));
        world.register("one-off", "awsvpc", List.of("FARGATE"), "256", "512", "[{\"name\":\"main\",\"image\":\""
                + IMAGE + "\",\"command\":[\"sleep\",\"300\"]},{\"name\":\"worker\",\"image\":\"" + IMAGE
                + "\",\"command\":[\"sh\",\"-c\",\"sleep 2; exit 1\"],\"restartPolicy\":{\"enabled\":true}}]");
        String arn = world.plane.runTask(new dev.berth.ecs.api.TaskCalls.RunTaskRequest(world.clusterName, "one-off", 1,
                "FARGATE", null, null, null, null, null, null, null)).tasks().get(0).taskArn();
        awaitTrue(() -> restarts(row(arn), "worker") >= 1, "the worker was restarted");
        assertEquals(TaskRow.RUNNING, row(arn).status());
    }

    @Test
    void anIgnoredExitCodeStopsTheTaskAsWithoutAPolicy() {
        startAgent(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10)));
        TaskRow started = deploy("{\"enabled\":true,\"ignoredExitCodes\":[7]}", 7);

        awaitTrue(() -> row(started.taskArn()).stoppedStatus(), "the task stopped");
        TaskRow stopped = row(started.taskArn());
        assertEquals(TaskRow.ESSENTIAL_CONTAINER_EXITED, stopped.stopCode());
        assertEquals(0, restarts(stopped, "worker"));
        assertTrue(lines.stream().anyMatch(has("not restarted: exit code 7 is one its restart policy ignores")),
                lines::toString);
    }

    @Test
    void aContainerThatExitsBeforeItsPeriodIsNotRestarted() {
        startAgent(Clock.systemUTC());
        TaskRow started = deploy("{\"enabled\":true,\"restartAttemptPeriod\":60}", 3);

        awaitTrue(() -> row(started.taskArn()).stoppedStatus(), "the task stopped");
        assertEquals(0, restarts(row(started.taskArn()), "worker"));
        assertTrue(lines.stream().anyMatch(has("less than its restartAttemptPeriod of 60 s")), lines::toString);
    }

    private static Predicate<String> has(String text) {
        return l -> l.contains(text);
    }
}
