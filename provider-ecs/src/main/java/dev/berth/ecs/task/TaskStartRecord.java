package dev.berth.ecs.task;

import dev.berth.ecs.store.PlacementRow;
import dev.berth.ecs.store.TaskTable;
import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.runtime.RuntimeFailure;

import java.time.Instant;

/**
 * Records a task's start as ECS shows it: PROVISIONING once it has an ARN, PENDING while its
 * containers are created, and STOPPED with TaskFailedToStart when they could not be, so a task
 * that never ran is still visible with its reason.
 */
final class TaskStartRecord {
    private final TaskTable tasks;
    private final TaskRow row;

    private TaskStartRecord(TaskTable tasks, TaskRow row) {
        this.tasks = tasks;
        this.row = row;
    }

    /** Records {@code row}, a PROVISIONING task, with its reservation in the same write. */
    static TaskStartRecord provisioning(TaskTable tasks, TaskRow row, PlacementRow reservation) {
        tasks.book(row, reservation);
        return new TaskStartRecord(tasks, row);
    }

    void pending() {
        tasks.put(row.withStatus(TaskRow.PENDING));
    }

    /** Records the failure and hands it back, so the caller can rethrow it. */
    RuntimeException failed(RuntimeException cause) {
        String reason = cause instanceof RuntimeFailure ? cause.getMessage()
                : "The task could not be started: " + cause.getClass().getSimpleName();
        tasks.put(row.stopped(Instant.now().toString(), TaskRow.TASK_FAILED_TO_START, reason));
        return cause;
    }
}
