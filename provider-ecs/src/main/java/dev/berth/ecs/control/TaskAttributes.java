package dev.berth.ecs.control;

import dev.berth.ecs.api.Shapes.Tag;
import dev.berth.ecs.api.Shapes.TaskOverride;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What ECS says of a task beyond the {@code tasks} row (status, containers, stop code): the
 * attributes a RunTask or StartTask gave it, where it runs, and, once it stopped, what each of
 * its containers exited with. Kept in its own table ({@code task_attributes}, keyed by task ARN)
 * so service tasks, which have none of these, keep their rows as they are.
 *
 * @param dockerHost the engine the task runs on (null: the local engine, where FARGATE tasks run)
 * @param exits      container name to how it ended, recorded when the task is seen stopped
 */
record TaskAttributes(String taskArn, String clusterArn, String group, String startedBy, String launchType,
                      String containerInstanceArn, String dockerHost, TaskOverride overrides, List<Tag> tags,
                      String clientToken, String createdAt, Map<String, Exit> exits) {
    static final String TABLE = "task_attributes";

    TaskAttributes {
        tags = tags == null ? List.of() : List.copyOf(tags);
        exits = exits == null ? Map.of() : new TreeMap<>(exits);
    }

    /** How one container ended: Docker's exit code (null when it never ran) and ECS's reason text. */
    record Exit(Integer exitCode, String reason) {
    }

    TaskAttributes withExits(Map<String, Exit> now) {
        return new TaskAttributes(taskArn, clusterArn, group, startedBy, launchType, containerInstanceArn, dockerHost,
                overrides, tags, clientToken, createdAt, now);
    }
}
