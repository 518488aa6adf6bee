package dev.berth.ecs.control;

import dev.berth.ecs.api.Shapes.Tag;
import dev.berth.ecs.api.Shapes.TaskOverride;

import java.util.List;

/**
 * What ECS says of a RunTask or StartTask task beyond its {@code tasks} row (status, group,
 * startedBy, launch type, containers): the overrides and tags it was given, its client token,
 * when it was created. How its containers ended is kept on its {@code tasks} row, as for
 * service tasks. In {@code task_attributes}, keyed by task ARN.
 */
record TaskAttributes(String taskArn, String clusterArn, TaskOverride overrides, List<Tag> tags, String clientToken,
                      String createdAt) {
    static final String TABLE = "task_attributes";

    TaskAttributes {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
