package dev.berth.ecs.task;

import dev.berth.ecs.store.PlacementRow;
import dev.berth.ecs.store.TaskTable;
import dev.berth.ecs.store.TaskRow;
import dev.berth.ecs.runtime.RuntimeFailure;

import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.ecs.taskdef.ContainerDefinition;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * Records the failure and hands it back, so the caller can rethrow it. A missing image is
     * also said on the containers that name it, as ECS says CannotPullContainerError on the
     * container of a stopped task ({@code td}'s containers; every one when none names the image
     * as it was resolved).
     */
    RuntimeException failed(RuntimeException cause, TaskDefinitionRow td) {
        String reason = cause instanceof RuntimeFailure ? cause.getMessage()
                : "The task could not be started: " + cause.getClass().getSimpleName();
        TaskRow stopped = row.stopped(Instant.now().toString(), TaskRow.TASK_FAILED_TO_START, reason);
        if (cause instanceof RuntimeFailure.ImageMissing missing) {
            List<ContainerDefinition> all = ContainerDefinition.of(td);
            List<ContainerDefinition> naming = all.stream().filter(c -> names(c.image(), missing.image())).toList();
            Map<String, TaskRow.Exit> exits = new LinkedHashMap<>();
            for (ContainerDefinition c : naming.isEmpty() ? all : naming) {
                exits.put(c.name(), new TaskRow.Exit(null, missing.containerReason()));
            }
            stopped = stopped.withExits(exits);
        }
        tasks.put(stopped);
        return cause;
    }

    /** Whether {@code missing} is {@code image}, or what it was resolved to (image@sha256:...). */
    private static boolean names(String image, String missing) {
        if (image == null || missing == null) return false;
        return image.equals(missing) || missing.contains("@") && repository(image).equals(repository(missing));
    }

    /** The reference without its tag or digest. */
    private static String repository(String ref) {
        int at = ref.indexOf('@');
        if (at >= 0) return ref.substring(0, at);
        int colon = ref.lastIndexOf(':');
        return colon > ref.lastIndexOf('/') ? ref.substring(0, colon) : ref;
    }
}
