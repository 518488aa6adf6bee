package dev.berth.ecs.control;

import dev.berth.ecs.api.Shapes.Tag;
import dev.berth.ecs.api.Shapes.TaskOverride;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What ECS says of a RunTask or StartTask task beyond its {@code tasks} row (status, group,
 * startedBy, launch type, containers): the overrides and tags it was given, its client token,
 * when it was created, and, once it stopped, what each of its containers exited with (kept here
 * because its containers are removed). In {@code task_attributes}, keyed by task ARN.
 *
 * @param exits container name to how it ended
 */
record TaskAttributes(String taskArn, String clusterArn, TaskOverride overrides, List<Tag> tags, String clientToken,
                      String createdAt, Map<String, Exit> exits) {
    static final String TABLE = "task_attributes";

    TaskAttributes {
        tags = tags == null ? List.of() : List.copyOf(tags);
        exits = exits == null ? Map.of() : new TreeMap<>(exits);
    }

    /** How one container ended: Docker's exit code (null when not known) and a reason text. */
    record Exit(Integer exitCode, String reason) {
    }

    TaskAttributes withExits(Map<String, Exit> now) {
        return new TaskAttributes(taskArn, clusterArn, overrides, tags, clientToken, createdAt, now);
    }
}
