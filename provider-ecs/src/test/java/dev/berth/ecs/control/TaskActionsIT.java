package dev.berth.ecs.control;

import dev.berth.ecs.api.Shapes.Failure;
import dev.berth.ecs.api.Shapes.PlacementConstraint;
import dev.berth.ecs.api.TaskCalls.DescribeTasksRequest;
import dev.berth.ecs.api.TaskCalls.ListTasksRequest;
import dev.berth.ecs.api.TaskCalls.RunTaskRequest;
import dev.berth.ecs.api.TaskCalls.RunTaskResponse;
import dev.berth.ecs.api.TaskCalls.StartTaskRequest;
import dev.berth.ecs.api.TaskCalls.StartTaskResponse;
import dev.berth.ecs.api.TaskCalls.StopTaskRequest;
import dev.berth.ecs.api.TaskCalls.Task;
import dev.berth.ecs.store.InstanceRow;
import dev.berth.ecs.resource.EcsLabels;
import dev.berth.ecs.runtime.ContainerInfo;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RunTask, StartTask, StopTask, ListTasks and DescribeTasks against the real Docker engine:
 * containers start and stop for real, exits and kills show in describe, and what cannot be
 * placed comes back with ECS's reasons. Everything of the test's cluster is removed afterwards.
 */
class TaskActionsIT extends RealEngineWorld {
    private static final String IMAGE = "berth-example/busybox:latest";

    private List<ContainerInfo> containersOf(String taskArn) {
        return engine.listContainers(Map.of(EcsLabels.TASK_ARN, taskArn));
    }

    private Task describe(String arn) {
        return world.plane.describeTasks(new DescribeTasksRequest(world.clusterName, List.of(arn), null)).tasks().get(0);
    }

    @Test
    void runTaskStartsRealContainersThatServeOnLoopbackAndStopTaskStopsThem() throws Exception {
        world.register("web", "awsvpc", List.of("FARGATE"), "256", "512", "[{\"name\":\"httpd\",\"image\":\"" + IMAGE
                + "\",\"command\":[\"sh\",\"-c\",\"mkdir -p /www && echo ok > /www/i && httpd -f -p 8080 -h /www\"],"
                + "\"portMappings\":[{\"containerPort\":8080}]}]");
        RunTaskResponse r = world.plane.runTask(new RunTaskRequest(world.clusterName, "web", 2, "FARGATE", null,
                null, null, "it", null, null, null));
        assertEquals(List.of(), r.failures());
        assertEquals(2, r.tasks().size());
        for (Task t : r.tasks()) {
            assertEquals("RUNNING", t.lastStatus(), t::toString);
            List<ContainerInfo> running = containersOf(t.taskArn());
            assertEquals(1, running.size());
            assertTrue(running.get(0).running());
            var c = t.containers().get(0);
            assertEquals(running.get(0).id(), c.runtimeId());
            assertEquals("127.0.0.1", c.networkBindings().get(0).bindIP());
            int port = c.networkBindings().get(0).hostPort();
            assertEquals("ok\n", get("http://127.0.0.1:" + port + "/i"));
        }
        Set<String> listed = Set.copyOf(world.plane.listTasks(new ListTasksRequest(world.clusterName, null, "web",
                null, null, "it", null, null, null)).taskArns());
        assertEquals(r.tasks().stream().map(Task::taskArn).collect(Collectors.toSet()), listed);

        String first = r.tasks().get(0).taskArn();
        Task stopped = world.plane.stopTask(new StopTaskRequest(world.clusterName, first, "batch cancelled")).task();
        assertEquals("STOPPED", stopped.lastStatus());
        assertEquals("STOPPED", stopped.desiredStatus());
        assertEquals("UserInitiated", stopped.stopCode());
        assertEquals("batch cancelled", stopped.stoppedReason());
        assertEquals(List.of(), containersOf(first), "its containers are gone from Docker");
        assertEquals(1, containersOf(r.tasks().get(1).taskArn()).size(), "the other task still runs");
        assertEquals(List.of(first), world.plane.listTasks(new ListTasksRequest(world.clusterName, null, null, null,
                null, null, null, "STOPPED", null)).taskArns());
    }

    @Test
    void aOneOffTaskThatExitsIsStoppedWithItsExitCodeAndAKilledOneShowsSo() throws Exception {
        world.register("job", "awsvpc", List.of("FARGATE"), "256", "512", "[{\"name\":\"main\",\"image\":\"" + IMAGE
                + "\",\"command\":[\"sh\",\"-c\",\"sleep 2; exit 3\"]}]");
        world.register("long", "awsvpc", List.of("FARGATE"), "256", "512", "[{\"name\":\"main\",\"image\":\"" + IMAGE
                + "\",\"command\":[\"sleep\",\"300\"]}]");
        Task job = world.plane.runTask(new RunTaskRequest(world.clusterName, "job", 1, "FARGATE", null, null, null,
                null, null, null, null)).tasks().get(0);
        Task sleeper = world.plane.runTask(new RunTaskRequest(world.clusterName, "long", 1, "FARGATE", null, null,
                null, null, null, null, null)).tasks().get(0);
        assertEquals("RUNNING", job.lastStatus());
        String killed = containersOf(sleeper.taskArn()).get(0).id();
        new ProcessBuilder("docker", "kill", killed).redirectErrorStream(true).start().waitFor();
        Thread.sleep(3000);

        Task ended = describe(job.taskArn());
        assertEquals("STOPPED", ended.lastStatus());
        assertEquals("EssentialContainerExited", ended.stopCode());
        assertEquals("Essential container in task exited", ended.stoppedReason());
        assertEquals(3, ended.containers().get(0).exitCode());
        Task dead = describe(sleeper.taskArn());
        assertEquals("STOPPED", dead.lastStatus());
        assertEquals(137, dead.containers().get(0).exitCode());
        assertEquals(List.of(), world.plane.listTasks(new ListTasksRequest(world.clusterName, null, null, null, null,
                null, null, null, null)).taskArns(), "nothing replaced them");
        assertEquals(List.of(), containersOf(job.taskArn()));
    }

    @Test
    void aDescribeAnsweredFromTheLastListingStillSeesAKillThatCameAfterIt() throws Exception {
        world.register("long", "awsvpc", List.of("FARGATE"), "256", "512", "[{\"name\":\"main\",\"image\":\"" + IMAGE
                + "\",\"command\":[\"sleep\",\"300\"]}]");
        Task sleeper = world.plane.runTask(new RunTaskRequest(world.clusterName, "long", 1, "FARGATE", null, null,
                null, null, null, null, null)).tasks().get(0);
        assertEquals("RUNNING", describe(sleeper.taskArn()).lastStatus());
        // Other tests share the engine, so a quiet moment may take a few tries.
        boolean reused = false;
        for (int i = 0; i < 200 && !reused; i++) {
            long lists = engine.listCalls();
            assertEquals("RUNNING", describe(sleeper.taskArn()).lastStatus());
            reused = engine.listCalls() == lists;
            if (!reused) Thread.sleep(50);
        }
        assertTrue(reused, "a describe with nothing changed on the engine is answered without listing it");

        String container = containersOf(sleeper.taskArn()).get(0).id();
        new ProcessBuilder("docker", "kill", container).redirectErrorStream(true).start().waitFor();
        new ProcessBuilder("docker", "wait", container).redirectErrorStream(true).start().waitFor();
        long lists = engine.listCalls() + engine.relistCalls();
        Task dead = describe(sleeper.taskArn());
        assertEquals("STOPPED", dead.lastStatus(), "the kill's events make the next describe list again (the killed container, at least)");
        assertEquals(137, dead.containers().get(0).exitCode());
        assertTrue(engine.listCalls() + engine.relistCalls() > lists);
    }

    @Test
    void ec2TasksSpreadOverZonesAndWhatDoesNotFitComesBackWithEcsReasons() {
        InstanceRow a = world.instance("i-a", "zone-a", 1024, 1000, engine.endpoint(), true);
        InstanceRow b = world.instance("i-b", "zone-b", 1024, 1000, engine.endpoint(), true);
        world.register("worker", "bridge", List.of("EC2"), null, null, "[{\"name\":\"main\",\"image\":\"" + IMAGE
                + "\",\"memory\":600,\"command\":[\"sleep\",\"300\"]}]");
        RunTaskResponse r = world.plane.runTask(new RunTaskRequest(world.clusterName, "worker", 3, "EC2", null,
                null, null, null, null, null, null));
        assertEquals(2, r.tasks().size());
        assertEquals(Set.of(a.arn(), b.arn()), r.tasks().stream().map(Task::containerInstanceArn)
                .collect(Collectors.toSet()), "one per zone");
        assertEquals(Set.of("zone-a", "zone-b"), r.tasks().stream().map(Task::availabilityZone).collect(Collectors.toSet()));
        for (Task t : r.tasks()) {
            assertEquals(t.containerInstanceArn(), containersOf(t.taskArn()).get(0).labels().get(EcsLabels.CONTAINER_INSTANCE));
        }
        assertEquals(Set.of(new Failure(a.arn(), "RESOURCE:MEMORY", "insufficient memory"),
                new Failure(b.arn(), "RESOURCE:MEMORY", "insufficient memory")), Set.copyOf(r.failures()));
        assertEquals(List.of(r.tasks().stream().filter(t -> t.containerInstanceArn().equals(a.arn())).findFirst()
                .orElseThrow().taskArn()), world.plane.listTasks(new ListTasksRequest(world.clusterName, "i-a", null,
                null, null, null, null, null, null)).taskArns());
    }

    @Test
    void portsAgentAndAttributeFailures() {
        InstanceRow a = world.instance("i-a", "zone-a", 2048, 2048, engine.endpoint(), true);
        InstanceRow b = world.instance("i-b", "zone-b", 2048, 2048, engine.endpoint(), true);
        InstanceRow away = world.instance("i-c", "zone-c", 2048, 2048, engine.endpoint(), false);
        // A port free on loopback now: a random guess could meet one in use (the other store's
        // pass runs at the same time on this machine), and the task would then fail to start.
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        world.register("fixed", "bridge", List.of("EC2"), null, null, "[{\"name\":\"main\",\"image\":\"" + IMAGE
                + "\",\"memory\":64,\"command\":[\"sleep\",\"300\"],\"portMappings\":[{\"containerPort\":80,"
                + "\"hostPort\":" + port + "}]}]");
        RunTaskResponse r = world.plane.runTask(new RunTaskRequest(world.clusterName, "fixed", 2, "EC2", null,
                null, null, null, null, null, null));
        // Both instances share one engine, so one static host port is taken once for both.
        assertEquals(1, r.tasks().size());
        Map<String, String> reasons = r.failures().stream().collect(Collectors.toMap(Failure::arn, Failure::reason));
        assertEquals("AGENT", reasons.get(away.arn()));
        String other = r.tasks().get(0).containerInstanceArn().equals(a.arn()) ? b.arn() : a.arn();
        assertEquals("RESOURCE:PORTS", reasons.get(other));

        RunTaskResponse nowhere = world.plane.runTask(new RunTaskRequest(world.clusterName, "fixed", 1, "EC2", null,
                List.of(new PlacementConstraint("memberOf", "attribute:ecs.availability-zone == zone-z")), null, null,
                null, null, null));
        assertEquals(List.of(), nowhere.tasks());
        assertTrue(nowhere.failures().stream().anyMatch(f -> f.reason().equals("ATTRIBUTE")), nowhere.failures().toString());
    }

    @Test
    void startTaskLandsOnTheNamedInstanceOrSaysWhyNot() {
        InstanceRow a = world.instance("i-a", "zone-a", 1024, 1000, engine.endpoint(), true);
        InstanceRow b = world.instance("i-b", "zone-b", 1024, 100, engine.endpoint(), true);
        world.register("worker", "bridge", List.of("EC2"), null, null, "[{\"name\":\"main\",\"image\":\"" + IMAGE
                + "\",\"memory\":300,\"command\":[\"sleep\",\"300\"]}]");
        StartTaskResponse r = world.plane.startTask(new StartTaskRequest(world.clusterName, List.of("i-a", "i-b",
                "i-zzz"), "worker", null, "starter", null, null));
        assertEquals(1, r.tasks().size());
        Task t = r.tasks().get(0);
        assertEquals(a.arn(), t.containerInstanceArn());
        assertEquals(a.arn(), containersOf(t.taskArn()).get(0).labels().get(EcsLabels.CONTAINER_INSTANCE));
        assertEquals("RUNNING", t.lastStatus());
        Map<String, String> reasons = r.failures().stream().collect(Collectors.toMap(Failure::arn, Failure::reason));
        assertEquals("RESOURCE:MEMORY", reasons.get(b.arn()));
        assertNotNull(reasons.keySet().stream().filter(k -> k.endsWith("/i-zzz")).findFirst().orElse(null));
        assertEquals("MISSING", reasons.entrySet().stream().filter(e -> e.getKey().endsWith("/i-zzz"))
                .findFirst().orElseThrow().getValue());
    }

    private static String get(String url) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; ; i++) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException e) {
                if (i > 20) throw e;
                Thread.sleep(100);
            }
        }
    }
}
