package dev.berth.ecs.service;

import dev.berth.ecs.store.PlacementRow;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.store.TaskTable;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.berth.ecs.fake.Configs.service;
import static dev.berth.ecs.service.ServiceFixture.SERVICE;
import static dev.berth.ecs.service.ServiceFixture.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A task whose start was cut short by the death of the process starting it (a berth server
 * killed while it placed tasks) is left PROVISIONING or PENDING with its room booked. The next
 * deployment of its service ends it as TaskFailedToStart and frees its room, so it is neither
 * counted as starting for good nor keeps capacity the service needs.
 */
class StrandedStartTest {
    private final ServiceFixture f = new ServiceFixture();
    private final String td = str(f.taskDef("nginx").get("arn"));

    @AfterEach
    void close() {
        f.h.close();
    }

    @Test
    void aStartCutShortByADeadProcessIsEndedByTheNextDeployment() {
        MapValue config = service("api", f.clusterArn, td, 2);
        MapValue state = f.h.converge(SERVICE, null, config);
        String serviceArn = str(state.get("arn"));
        String stranded = f.clusterArn.replace(":cluster/", ":task/") + "/0123456789abcdef0123456789abcdef";
        TaskTable tasks = new TaskTable(f.h.store);
        Table<PlacementRow> placements = new Table<>(f.h.store, PlacementRow.TABLE, PlacementRow.class);
        // What a server killed between booking a task and starting its containers leaves behind.
        tasks.put(new TaskRow(stranded, serviceArn, f.clusterArn, td, TaskRow.PENDING, 99, null, null, null, List.of(),
                Map.of(), null, null, null, "FARGATE"));
        placements.put(stranded, new PlacementRow(stranded, serviceArn, null, null, 256, 512, List.of()));

        MapValue again = f.h.apply(SERVICE, state, f.h.plan(SERVICE, state, config).planned(), config).newState();

        TaskRow row = tasks.forService(serviceArn).stream().filter(t -> t.taskArn().equals(stranded)).findFirst()
                .orElseThrow();
        assertEquals(TaskRow.STOPPED, row.status());
        assertEquals(TaskRow.TASK_FAILED_TO_START, row.stopCode());
        assertEquals("The process starting this task stopped before it ran.", row.stoppedReason());
        assertTrue(placements.get(stranded).isEmpty(), "its booked room is free again");
        assertEquals(Value.of(2), again.get("running_count"));
        assertEquals(2, tasks.forService(serviceArn).stream().filter(TaskRow::running).count());
    }
}
