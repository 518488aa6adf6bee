package dev.berth.ecs.store;

import java.util.List;

/**
 * A row of the {@code task_definitions} table, keyed by ARN. {@code containerDefinitions} is the
 * canonical JSON. Rows are never deleted: deregistration only sets status INACTIVE, so tasks
 * still running a revision can resolve it.
 */
public record TaskDefinitionRow(String arn, String family, long revision, String status, String cpu, String memory,
                                String networkMode, List<String> requiresCompatibilities, String executionRoleArn,
                                String taskRoleArn, String containerDefinitions, String registeredAt) {
    public static final String TABLE = "task_definitions";
    public static final String ACTIVE = "ACTIVE", INACTIVE = "INACTIVE";

    public TaskDefinitionRow {
        requiresCompatibilities = requiresCompatibilities == null ? null : List.copyOf(requiresCompatibilities);
    }

    public boolean active() {
        return ACTIVE.equals(status);
    }

    public TaskDefinitionRow withStatus(String newStatus) {
        return new TaskDefinitionRow(arn, family, revision, newStatus, cpu, memory, networkMode,
                requiresCompatibilities, executionRoleArn, taskRoleArn, containerDefinitions, registeredAt);
    }
}
