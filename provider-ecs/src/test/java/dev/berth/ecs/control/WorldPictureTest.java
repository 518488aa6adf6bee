package dev.berth.ecs.control;

import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.TaskCalls.RunTaskRequest;
import dev.berth.ecs.api.TaskCalls.StopTaskRequest;
import dev.berth.ecs.api.TaskCalls.Task;
import dev.berth.ecs.api.TaskDefinitionCalls.RegisterTaskDefinitionRequest;
import dev.berth.ecs.console.WorldPicture;
import dev.berth.ecs.console.WorldPicture.Box;
import dev.berth.ecs.console.WorldPicture.Capacity;
import dev.berth.ecs.console.WorldPicture.ClusterView;
import dev.berth.ecs.console.WorldPicture.Lane;
import dev.berth.ecs.console.WorldReader;
import dev.berth.ecs.fake.FakeRuntime;
import dev.berth.ecs.fake.MemoryStore;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's picture read through the control plane's own actions: zones as lanes, each
 * EC2 task in its instance's box with the instance's reserved CPU and memory, FARGATE tasks in
 * a box of their own, stopped tasks listed with their reason but in no box.
 */
class WorldPictureTest {
    private final FakeRuntime engine = new FakeRuntime();
    private final Fixture world = new Fixture(new MemoryStore(), engine);

    WorldPictureTest() {
        world.instance("i-b", "zone-b", 1024, 2048, "unix:///var/run/docker.sock", true);
        world.instance("i-a", "zone-a", 2048, 4096, "unix:///var/run/docker.sock", true);
        world.plane.registerTaskDefinition(new RegisterTaskDefinitionRequest("api", null, null, "bridge",
                List.of(Map.of("name", "api", "image", "busybox", "cpu", 256, "memory", 128)), null,
                List.of("EC2"), null, null, null));
        world.plane.registerTaskDefinition(new RegisterTaskDefinitionRequest("job", null, null, "awsvpc",
                List.of(Map.of("name", "job", "image", "busybox")), null, List.of("FARGATE"), "512", "1024", null));
    }

    private List<Task> run(String family, int count, String launchType) {
        return world.plane.runTask(new RunTaskRequest(world.clusterName, family, count, launchType, null, null, null,
                null, null, null, null)).tasks();
    }

    @Test
    void tasksAreDrawnInTheBoxOfTheirInstanceInTheLaneOfItsZone() {
        List<Task> api = run("api", 3, "EC2");
        Task job = run("job", 1, "FARGATE").get(0);
        world.plane.stopTask(new StopTaskRequest(world.clusterName, api.get(0).taskArn(), "not needed"));

        ClusterView view = new WorldReader(world.plane).read().clusters().get(0);
        assertEquals(world.clusterName, view.name());
        assertEquals(List.of("zone-a", "zone-b"), view.lanes().stream().map(Lane::zone).limit(2).toList());
        Lane last = view.lanes().get(2);
        assertNull(last.zone(), "FARGATE tasks without a zone get a lane of no zone, last");
        Box fargate = last.boxes().get(0);
        assertTrue(fargate.fargate());
        assertEquals(List.of(job.taskArn()), fargate.taskArns());

        int drawn = 0;
        for (Lane l : view.lanes().subList(0, 2)) {
            Box b = l.boxes().get(0);
            assertEquals(l.zone().equals("zone-a") ? "i-a" : "i-b", b.label());
            assertEquals(256 * b.taskArns().size(), b.cpu().used(), "what the instance's tasks reserve: " + b);
            assertEquals(128 * b.taskArns().size(), b.memory().used(), b.toString());
            assertEquals(l.zone().equals("zone-a") ? 2048 : 1024, b.cpu().total());
            drawn += b.taskArns().size();
            assertTrue(!b.taskArns().contains(api.get(0).taskArn()), "a stopped task is in no box");
        }
        assertEquals(2, drawn, "the two EC2 tasks still running");

        Task stopped = view.tasks().stream().filter(t -> t.taskArn().equals(api.get(0).taskArn())).findFirst().orElseThrow();
        assertEquals("STOPPED", stopped.lastStatus());
        assertEquals("not needed", stopped.stoppedReason());
        assertEquals(stopped, view.tasks().get(view.tasks().size() - 1), "stopped tasks come after the running ones");

        WorldPicture p = new WorldReader(world.plane).read(world.clusterName);
        assertEquals(List.of("api", "job"), p.families().stream().map(WorldPicture.Family::family).toList());
        assertEquals(List.of("api"), p.families().get(0).revisions().get(0).containers());
    }

    @Test
    void aClusterThatDoesNotExistIsEcsClusterNotFound() {
        EcsException e = assertThrows(EcsException.class, () -> new WorldReader(world.plane).read("nope"));
        assertEquals(EcsException.CLUSTER_NOT_FOUND, e.errorName());
    }

    @Test
    void capacityPercentIsWholeAndBounded() {
        assertEquals(25, new Capacity(512, 2048).percent());
        assertEquals(0, new Capacity(5, 0).percent());
        assertEquals(100, new Capacity(3000, 2048).percent());
    }
}
