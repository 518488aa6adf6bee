package dev.berth.ecs.control;

import dev.berth.ecs.api.TaskCalls.RunTaskRequest;
import dev.berth.ecs.api.TaskCalls.RunTaskResponse;
import dev.berth.ecs.api.TaskCalls.Task;
import dev.berth.ecs.api.TaskDefinitionCalls.RegisterTaskDefinitionRequest;
import dev.berth.ecs.fake.FakeRuntime;
import dev.berth.ecs.fake.MemoryStore;
import dev.berth.ecs.instance.ContainerInstanceResource;
import dev.berth.ecs.store.InstanceRow;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.taskdef.ContainerOptions;
import dev.berth.ecs.taskdef.HostAccess;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A privileged container, host networking or a bind mount of a sensitive host path goes only to
 * instances that allow it, as ECS places by the agent's capability; elsewhere placement fails
 * with ECS's reason ATTRIBUTE and nothing starts.
 */
class HostAccessPlacementTest {
    private final FakeRuntime engine = new FakeRuntime();
    private final Fixture world = new Fixture(new MemoryStore(), engine);

    private void instance(String id, Map<String, String> attributes) {
        String arn = ContainerInstanceResource.arn(world.clusterName, id);
        new Table<>(world.store, InstanceRow.TABLE, InstanceRow.class).put(arn, new InstanceRow(arn, id,
                world.clusterArn, null, "unix:///var/run/docker.sock", 1024, 1024, attributes, InstanceRow.ACTIVE, true));
    }

    private RunTaskResponse runPrivileged(int count) {
        world.plane.registerTaskDefinition(new RegisterTaskDefinitionRequest("tools", null, null, "bridge",
                List.of(Map.of("name", "tools", "image", "busybox", "memory", 64, "privileged", true)), null,
                List.of("EC2"), null, null, null, null, null, null, null, null, null, null, null, null));
        return world.plane.runTask(new RunTaskRequest(world.clusterName, "tools", count, "EC2", null, null, null, null,
                null, null, null));
    }

    private RunTaskResponse run(String family, String networkMode, List<Map<String, Object>> volumes) {
        world.plane.registerTaskDefinition(new RegisterTaskDefinitionRequest(family, null, null, networkMode,
                List.of(Map.of("name", family, "image", "busybox", "memory", 64)), volumes,
                List.of("EC2"), null, null, null, null, null, null, null, null, null, null, null, null));
        return world.plane.runTask(new RunTaskRequest(world.clusterName, family, 1, "EC2", null, null, null, null,
                null, null, null));
    }

    @Test
    void hostNetworkingGoesOnlyWhereTheInstanceAllowsIt() {
        instance("i-a", Map.of("ecs.availability-zone", "zone-a"));
        RunTaskResponse refused = run("edge", "host", null);
        assertEquals("ATTRIBUTE", refused.failures().get(0).reason(), refused.failures().toString());
        assertEquals(List.of(), engine.launches);
        instance("i-b", Map.of("ecs.availability-zone", "zone-b", HostAccess.HOST_NETWORK, ""));
        assertTrue(run("edge", "host", null).tasks().get(0).containerInstanceArn().endsWith("/i-b"));
    }

    @Test
    void theDockerSocketIsBoundOnlyWhereTheInstanceAllowsItOrADirectoryAbove() {
        List<Map<String, Object>> socket = List.of(Map.of("name", "sock", "host", Map.of("sourcePath", "/var/run/docker.sock")));
        List<Map<String, Object>> harmless = List.of(Map.of("name", "conf", "host", Map.of("sourcePath", "/srv/conf")));
        instance("i-a", Map.of("ecs.availability-zone", "zone-a", HostAccess.HOST_PATH + "/etc", ""));
        assertEquals("ATTRIBUTE", run("ci", "bridge", socket).failures().get(0).reason());
        assertEquals(List.of(), engine.launches);
        assertEquals(1, run("web", "bridge", harmless).tasks().size(), "a path outside the sensitive ones needs nothing");
        instance("i-b", Map.of("ecs.availability-zone", "zone-b", HostAccess.HOST_PATH + "/var/run", ""));
        assertTrue(run("ci", "bridge", socket).tasks().get(0).containerInstanceArn().endsWith("/i-b"));
    }

    @Test
    void privilegedTasksArePlacedOnlyWhereTheInstanceAdvertisesTheCapability() {
        instance("i-a", Map.of("ecs.availability-zone", "zone-a"));
        instance("i-b", Map.of("ecs.availability-zone", "zone-b", ContainerOptions.PRIVILEGED_CAPABILITY, ""));
        List<Task> tasks = runPrivileged(2).tasks();
        assertEquals(2, tasks.size());
        for (Task t : tasks) assertTrue(t.containerInstanceArn().endsWith("/i-b"), t.containerInstanceArn());
        assertTrue(engine.launches.get(0).containers().get(0).settings().privileged());
    }

    @Test
    void withoutSuchAnInstanceNothingStarts() {
        instance("i-a", Map.of("ecs.availability-zone", "zone-a"));
        RunTaskResponse r = runPrivileged(1);
        assertEquals(List.of(), r.tasks());
        assertEquals(1, r.failures().size(), r.failures().toString());
        assertEquals("ATTRIBUTE", r.failures().get(0).reason());
        assertEquals(List.of(), engine.launches);
    }
}
