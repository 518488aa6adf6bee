package dev.berth.cli.view;

import dev.berth.ecs.api.ClusterCalls.Cluster;
import dev.berth.ecs.api.InstanceCalls.ContainerInstance;
import dev.berth.ecs.api.ServiceCalls.Deployment;
import dev.berth.ecs.api.ServiceCalls.Service;
import dev.berth.ecs.api.ServiceCalls.ServiceEvent;
import dev.berth.ecs.api.Shapes.Attribute;
import dev.berth.ecs.api.TaskCalls.Container;
import dev.berth.ecs.api.TaskCalls.Task;
import dev.berth.ecs.console.WorldPicture;
import dev.berth.ecs.console.WorldPicture.Box;
import dev.berth.ecs.console.WorldPicture.Capacity;
import dev.berth.ecs.console.WorldPicture.ClusterView;
import dev.berth.ecs.console.WorldPicture.Lane;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code berth cluster show}'s text: lanes of boxes with bars and tasks, services, stopped tasks. */
class ClusterPictureViewTest {
    private static final Instant NOW = Instant.parse("2026-12-03T16:00:00Z");
    private static final String C = "arn:aws:ecs:local:000000000000:cluster/demo";

    private static Task task(String id, String service, String instance, String status, String cpu, String code, String reason) {
        return new Task(C.replace(":cluster/", ":task/") + "/" + id, C, "arn:aws:ecs:local:000000000000:task-definition/web:3",
                instance == null ? null : "arn:aws:ecs:local:000000000000:container-instance/demo/" + instance,
                List.of(new Container(null, null, "web", "busybox", null, null, status, null, null, null, null, "256", "128", null, null)),
                status, code == null ? "RUNNING" : "STOPPED", instance == null ? "FARGATE" : "EC2", cpu, cpu == null ? null : "512",
                "service:" + service, null, null, NOW.minusSeconds(300), NOW.minusSeconds(290), null,
                code == null ? null : NOW.minusSeconds(42), code, reason, null, null, null, 1L, 1L, status);
    }

    private static ContainerInstance instance(String id, String type) {
        return new ContainerInstance("arn:aws:ecs:local:000000000000:container-instance/demo/" + id, null, "ACTIVE", null,
                true, 0, 0, null, null, List.of(new Attribute("ecs.instance-type", type)), null, null, null, 1L, null);
    }

    private static WorldPicture picture() {
        Task a = task("aaaaaaaa11", "web", "i-a", "RUNNING", null, null, null);
        Task b = task("bbbbbbbb22", "web", "i-a", "PENDING", null, null, null);
        Task c = task("cccccccc33", "web", "i-b", "RUNNING", null, null, null);
        Task f = task("ffffffff44", "worker", null, "RUNNING", "512", null, null);
        Task s = task("dddddddd55", "web", null, "STOPPED", null, "UserInitiated", "done for today");
        Service web = new Service("arn:aws:ecs:local:000000000000:service/demo/web", "web", C, "ACTIVE", 4, 2, 1, "EC2",
                "arn:aws:ecs:local:000000000000:task-definition/web:3", null,
                List.of(new Deployment("ecs-svc/1", "PRIMARY", "arn:aws:ecs:local:000000000000:task-definition/web:3", 4, 1, 2,
                        0, NOW, NOW, "EC2", "IN_PROGRESS", "ECS deployment ecs-svc/1 in progress.")),
                List.of(new ServiceEvent("1", NOW, "service web has started 2 tasks.")), NOW, null, null, "REPLICA", null, null);
        ClusterView view = new ClusterView(new Cluster(C, "demo", "ACTIVE", 2, 3, 1, 2, null, null, null),
                List.of(new Lane("us-east-1a", List.of(new Box("i-a", instance("i-a", "m5.large"), new Capacity(512, 2048),
                                new Capacity(256, 4096), List.of(a.taskArn(), b.taskArn())))),
                        new Lane("us-east-1b", List.of(new Box("i-b", instance("i-b", "c5.xlarge"), new Capacity(256, 4096),
                                new Capacity(128, 4096), List.of(c.taskArn())))),
                        new Lane(null, List.of(new Box("FARGATE", null, null, null, List.of(f.taskArn()))))),
                List.of(web), List.of(a, b, c, f, s));
        return new WorldPicture(List.of(view), List.of());
    }

    @Test
    void plainTextDrawsZonesAsLanesAndInstancesAsBoxesWithBarsAndTasks() {
        String text = new ClusterPictureView(ClusterPictureView.Glyphs.ASCII, 120, NOW).render(picture());
        assertEquals("""
Cluster demo (ACTIVE): 2 instances, 2 services, 3 running, 1 pending

zone us-east-1a
+- i-a ACTIVE m5.large --------------------+
| CPU [#####.............] 512/2048 25%    |
| MEM [#.................] 256/4096 MiB 6% |
| web aaaaaaaa RUNNING                     |
| web bbbbbbbb PENDING                     |
+------------------------------------------+

zone us-east-1b
+- i-b ACTIVE c5.xlarge ---------------------------+
| CPU [##........................] 256/4096 6%     |
| MEM [#.........................] 128/4096 MiB 3% |
| web cccccccc RUNNING                             |
+--------------------------------------------------+

no zone
+- FARGATE ------------------------+
| 1 task, 512 CPU, 512 MiB         |
| worker ffffffff RUNNING          |
+----------------------------------+

Services
  web  ACTIVE  EC2  web:3  desired 4, running 2, pending 1
    PRIMARY web:3 IN_PROGRESS: 2/4 running (ECS deployment ecs-svc/1 in progress.)
    last event: service web has started 2 tasks.

Stopped tasks
  dddddddd  web  UserInitiated: done for today  (42s ago)
""", text);
    }

    @Test
    void boxesOfOneZoneStandSideBySideWhileTheWidthAllowsAndOnATerminalUseBoxDrawing() {
        WorldPicture p = picture();
        ClusterView v = p.clusters().get(0);
        List<Box> both = List.of(v.lanes().get(0).boxes().get(0), v.lanes().get(1).boxes().get(0));
        WorldPicture oneZone = new WorldPicture(List.of(new ClusterView(v.cluster(), List.of(new Lane("us-east-1a", both)),
                v.services(), v.tasks())), List.of());
        List<String> wide = new ClusterPictureView(ClusterPictureView.Glyphs.UNICODE, 120, NOW).render(oneZone).lines().toList();
        assertEquals("┌─ i-a ACTIVE m5.large ────────────────────┐  ┌─ i-b ACTIVE c5.xlarge ───────────────────────────┐",
                wide.get(3));
        assertEquals("│ CPU [█████░░░░░░░░░░░░░] 512/2048 25%    │  │ CPU [██░░░░░░░░░░░░░░░░░░░░░░░░] 256/4096 6%     │",
                wide.get(4));
        List<String> narrow = new ClusterPictureView(ClusterPictureView.Glyphs.UNICODE, 80, NOW).render(oneZone).lines().toList();
        assertEquals("┌─ i-a ACTIVE m5.large ────────────────────┐", narrow.get(3));
        assertEquals("┌─ i-b ACTIVE c5.xlarge ───────────────────────────┐", narrow.get(9));
    }

    @Test
    void noClustersIsOneLine() {
        assertEquals("No clusters.\n", new ClusterPictureView(ClusterPictureView.Glyphs.ASCII, 80, NOW)
                .render(new WorldPicture(List.of(), List.of())));
    }
}
