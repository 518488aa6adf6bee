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
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A privileged container goes only to instances that allow them, as ECS places by the agent's capability. */
class PrivilegedPlacementTest {
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
