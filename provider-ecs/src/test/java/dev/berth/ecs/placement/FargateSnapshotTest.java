package dev.berth.ecs.placement;

import dev.berth.ecs.fake.MemoryStore;
import dev.berth.ecs.scheduler.model.ClusterSnapshot;
import dev.berth.ecs.scheduler.model.ContainerInstance;
import dev.berth.ecs.scheduler.model.RunningTask;
import dev.berth.ecs.store.Json;
import dev.berth.ecs.store.PlacementRow;
import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.ecs.store.TaskRow;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** FARGATE capacity as placement sees it: every FARGATE task of the account, however it was recorded. */
class FargateSnapshotTest {
    private final MemoryStore store = new MemoryStore();
    private static final String PROD = "arn:aws:ecs:local:000000000000:cluster/prod";
    private static final String OTHER = "arn:aws:ecs:local:000000000000:cluster/other";
    private static final String TD = "arn:aws:ecs:local:000000000000:task-definition/web:1";

    private void task(String arn, String cluster, String service, String launchType, long seq) {
        store.put(TaskRow.TABLE, arn, Json.write(new TaskRow(arn, service, cluster, TD, TaskRow.RUNNING, seq, "t", null,
                null, List.of(), Map.of(), null, service, null, launchType)));
    }

    @Test
    void tasksOfEveryClusterCountAndOnlyThisClustersServiceIsItsGroup() {
        store.put(TaskDefinitionRow.TABLE, TD, Json.write(new TaskDefinitionRow(TD, "web", 1, "ACTIVE", "512", "1024",
                "awsvpc", List.of("FARGATE"), null, null, "[{\"name\":\"web\",\"image\":\"nginx\"}]", "t")));
        String api = "arn:aws:ecs:local:000000000000:service/prod/api";
        String otherApi = "arn:aws:ecs:local:000000000000:service/other/api";
        task("t-booked", PROD, api, "FARGATE", 1);
        store.put(PlacementRow.TABLE, "t-booked", Json.write(new PlacementRow("t-booked", api, null, null, 256, 512,
                List.of())));
        // Written before FARGATE tasks booked placements: sized from its revision (task cpu 512).
        task("t-legacy", OTHER, otherApi, null, 2);
        // An EC2 task is on its instance, not on Fargate.
        task("t-ec2", PROD, api, "EC2", 3);
        store.put(PlacementRow.TABLE, "t-ec2", Json.write(new PlacementRow("t-ec2", api,
                "arn:aws:ecs:local:000000000000:container-instance/prod/i1", null, 128, 128, List.of())));

        ClusterSnapshot s = new ClusterView(store).fargateSnapshot(PROD, 2048);
        ContainerInstance fargate = s.instances().get(0);
        assertEquals(ClusterView.FARGATE, fargate.id());
        assertEquals(2048 - 256 - 512, fargate.remainingCpu());
        assertEquals(Map.of("t-booked", "service:api", "t-legacy", "cluster:" + OTHER + "/service:api"),
                fargate.runningTasks().stream().collect(java.util.stream.Collectors.toMap(RunningTask::taskId,
                        RunningTask::group)));
    }
}
