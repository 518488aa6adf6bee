package dev.berth.ecs.store;

import dev.berth.ecs.store.Table;

import java.util.List;

/** The {@code tasks} table seen per service. */
public final class TaskTable {
    private final EcsStore store;
    private final Table<TaskRow> rows;
    private final Table<PlacementRow> placements;

    public TaskTable(EcsStore store) {
        this.store = store;
        this.rows = new Table<>(store, TaskRow.TABLE, TaskRow.class);
        this.placements = new Table<>(store, PlacementRow.TABLE, PlacementRow.class);
    }

    /** The table indexed by cluster, status and service, as committed now (see {@link TaskIndex}). */
    public TaskIndex index() {
        return store.derived(TaskRow.TABLE, TaskIndex.class, TaskIndex::of);
    }

    /** Every row of a service (any status), oldest first. */
    public List<TaskRow> forService(String serviceArn) {
        return index().service(serviceArn);
    }

    /** Every RUNNING row of every service, read once. */
    public List<TaskRow> running() {
        return index().running();
    }

    /** Keeps only the newest {@code keep} STOPPED rows of a service, like ECS forgetting old tasks. */
    public void pruneStopped(String serviceArn, int keep) {
        List<TaskRow> stopped = forService(serviceArn).stream().filter(TaskRow::stoppedStatus).toList();
        for (int i = 0; i < stopped.size() - keep; i++) delete(stopped.get(i).taskArn());
    }

    public void put(TaskRow row) {
        rows.put(row.taskArn(), row);
    }

    /**
     * Records the task and its reservation as one write: one commit where there were two, and
     * never a reservation without its task row or a starting task without its reservation.
     */
    public void book(TaskRow row, PlacementRow reservation) {
        store.writeAll(List.of(new EcsStore.Write(TaskRow.TABLE, row.taskArn(), Json.write(row)),
                new EcsStore.Write(PlacementRow.TABLE, row.taskArn(), Json.write(reservation))));
    }

    /**
     * Forgets the task and its reservation as one write: a process killed between the two would
     * leave a reservation no task row leads to, booking its room for ever.
     */
    public void delete(String taskArn) {
        store.writeAll(List.of(new EcsStore.Write(PlacementRow.TABLE, taskArn, null),
                new EcsStore.Write(TaskRow.TABLE, taskArn, null)));
    }
}
