package dev.berth.ecs.store;

import java.util.List;

/**
 * A row of the {@code task_definitions} table, keyed by ARN. {@code containerDefinitions} is the
 * canonical JSON, and so is {@code taskFields}: the task-level fields of {@code TaskFields}
 * (volumes, pidMode, ...), an object; null in rows written before berth knew them. Rows are never deleted: deregistration only sets status INACTIVE, so tasks
 * still running a revision can resolve it.
 */
public record TaskDefinitionRow(String arn, String family, long revision, String status, String cpu, String memory,
                                String networkMode, List<String> requiresCompatibilities, String executionRoleArn,
                                String taskRoleArn, String containerDefinitions, String registeredAt,
                                String taskFields) {
    public static final String TABLE = "task_definitions";
    public static final String ACTIVE = "ACTIVE", INACTIVE = "INACTIVE";

    public TaskDefinitionRow {
        requiresCompatibilities = requiresCompatibilities == null ? null : List.copyOf(requiresCompatibilities);
    }

    /** A revision without task-level fields. */
    public TaskDefinitionRow(String arn, String family, long revision, String status, String cpu, String memory,
                             String networkMode, List<String> requiresCompatibilities, String executionRoleArn,
                             String taskRoleArn, String containerDefinitions, String registeredAt) {
        this(arn, family, revision, status, cpu, memory, networkMode, requiresCompatibilities, executionRoleArn,
                taskRoleArn, containerDefinitions, registeredAt, null);
    }

    public boolean active() {
        return ACTIVE.equals(status);
    }

    public TaskDefinitionRow withStatus(String newStatus) {
        return new TaskDefinitionRow(arn, family, revision, newStatus, cpu, memory, networkMode,
                requiresCompatibilities, executionRoleArn, taskRoleArn, containerDefinitions, registeredAt, taskFields);
    }
}
