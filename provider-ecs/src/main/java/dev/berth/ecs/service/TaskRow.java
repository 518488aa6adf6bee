package dev.berth.ecs.service;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A row of the {@code tasks} table, keyed by task ARN. {@code seq} orders tasks by start (the
 * newest stops first when scaling in); {@code endpoints} maps "container:port/protocol" to
 * "127.0.0.1:hostPort".
 */
public record TaskRow(String taskArn, String serviceArn, String clusterArn, String taskDefinitionArn, String status,
                      long seq, String startedAt, String stoppedAt, String stoppedReason,
                      List<TaskContainer> containers, Map<String, String> endpoints) {
    public static final String TABLE = "tasks";
    public static final String RUNNING = "RUNNING", STOPPED = "STOPPED";

    public TaskRow {
        containers = containers == null ? List.of() : List.copyOf(containers);
        endpoints = endpoints == null ? Map.of() : new TreeMap<>(endpoints);
    }

    /** One container of a started task; essential ones decide whether the task still runs. */
    public record TaskContainer(String name, String containerId, boolean essential) {
    }

    public boolean running() {
        return RUNNING.equals(status);
    }

    public TaskRow stopped(String at, String reason) {
        return new TaskRow(taskArn, serviceArn, clusterArn, taskDefinitionArn, STOPPED, seq, startedAt, at, reason,
                containers, endpoints);
    }
}
