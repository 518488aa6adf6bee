package dev.berth.ecs.control;

import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.TaskCalls.RunTaskRequest;
import dev.berth.ecs.api.TaskCalls.Task;
import dev.berth.ecs.api.TaskDefinitionCalls.DescribeTaskDefinitionRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.RegisterTaskDefinitionRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.TaskDefinition;
import dev.berth.ecs.fake.FakeRuntime;
import dev.berth.ecs.fake.MemoryStore;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Task-level fields through RegisterTaskDefinition: kept, described, checked, and honoured when tasks run. */
class TaskLevelFieldsTest {
    private final FakeRuntime engine = new FakeRuntime();
    private final Fixture world = new Fixture(new MemoryStore(), engine);
    private static final List<Map<String, Object>> CONTAINERS = List.of(Map.of("name", "main", "image", "busybox",
            "memory", 64, "command", List.of("sleep", "300")));

    private static RegisterTaskDefinitionRequest request(List<String> compat, String pidMode, String ipcMode,
                                                         List<Map<String, Object>> constraints,
                                                         Map<String, Object> proxy) {
        return new RegisterTaskDefinitionRequest("batch", null, null, compat.contains("FARGATE") ? "awsvpc" : "bridge",
                CONTAINERS, null, compat, compat.contains("FARGATE") ? "256" : null,
                compat.contains("FARGATE") ? "512" : null, null, null, constraints, pidMode, ipcMode, proxy, null,
                Map.of("sizeInGiB", 30), Map.of("operatingSystemFamily", "LINUX"), null);
    }

    @Test
    void aRevisionKeepsItsTaskLevelFieldsAndItsConstraintsBindPlacement() {
        world.instance("i-a", "zone-a", 1024, 1024, "unix:///var/run/docker.sock", true);
        world.instance("i-b", "zone-b", 1024, 1024, "unix:///var/run/docker.sock", true);
        TaskDefinition td = world.plane.registerTaskDefinition(request(List.of("EC2"), "task", "task",
                List.of(Map.of("type", "memberOf", "expression", "attribute:ecs.availability-zone == zone-b")), null))
                .taskDefinition();
        TaskDefinition described = world.plane.describeTaskDefinition(new DescribeTaskDefinitionRequest(
                td.taskDefinitionArn(), null)).taskDefinition();
        assertEquals("task", described.pidMode());
        assertEquals(Map.of("sizeInGiB", 30), described.ephemeralStorage());
        assertEquals(List.of(Map.of("expression", "attribute:ecs.availability-zone == zone-b", "type", "memberOf")),
                described.placementConstraints());
        List<Task> tasks = world.plane.runTask(new RunTaskRequest(world.clusterName, "batch", 2, "EC2", null, null,
                null, null, null, null, null)).tasks();
        assertEquals(2, tasks.size());
        for (Task t : tasks) assertTrue(t.containerInstanceArn().endsWith("/i-b"), t.containerInstanceArn());
        assertEquals("task", engine.launches.get(0).platform().pidMode(), "the runtime is asked for one PID namespace");
        assertEquals("task", engine.launches.get(0).platform().ipcMode());
    }

    @Test
    void ecsRulesForTaskLevelFieldsAreClientErrors() {
        EcsException host = assertThrows(EcsException.class, () -> world.plane.registerTaskDefinition(
                request(List.of("FARGATE"), "host", null, null, null)));
        assertEquals("pidMode host is not supported for tasks on Fargate; use task.", host.getMessage());
        EcsException ipc = assertThrows(EcsException.class, () -> world.plane.registerTaskDefinition(
                request(List.of("EC2"), null, "shared", null, null)));
        assertEquals("ipcMode must be host, task or none, not \"shared\".", ipc.getMessage());
        EcsException expr = assertThrows(EcsException.class, () -> world.plane.registerTaskDefinition(
                request(List.of("EC2"), null, null, List.of(Map.of("type", "memberOf", "expression", "attribute:")),
                        null)));
        assertTrue(expr.getMessage().startsWith("Invalid placement constraint expression"), expr.getMessage());
        EcsException proxy = assertThrows(EcsException.class, () -> world.plane.registerTaskDefinition(
                request(List.of("EC2"), null, null, null, Map.of("type", "APPMESH", "containerName", "envoy"))));
        assertTrue(proxy.getMessage().startsWith("Task definition: berth cannot honour proxyConfiguration: App Mesh"),
                proxy.getMessage());
        assertEquals("ClientException", proxy.errorName());
    }
}
