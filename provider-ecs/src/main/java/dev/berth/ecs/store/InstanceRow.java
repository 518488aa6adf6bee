package dev.berth.ecs.store;

import java.util.Map;
import java.util.TreeMap;

/**
 * A row of the {@code container_instances} table, keyed by ARN. {@code engine} is the resolved
 * endpoint (the local engine's when {@code dockerHost} is null), so instances sharing an engine
 * can be recognised; {@code attributes} include the ones berth adds. {@code connected} is what the
 * last read found, so planning, which must not reach out, knows whether the agent answers.
 * {@code engineCpu} and {@code engineMemory} are what the engine itself reported at registration
 * (null when it did not answer, or for rows written before): the engine's room, booked across
 * every instance on it whatever their clusters.
 */
public record InstanceRow(String arn, String id, String clusterArn, String dockerHost, String engine, int cpu,
                          int memory, Map<String, String> attributes, String status,
                          boolean connected, Integer engineCpu, Integer engineMemory) {
    public static final String TABLE = "container_instances";
    public static final String ACTIVE = "ACTIVE", DRAINING = "DRAINING";

    public InstanceRow {
        attributes = attributes == null ? Map.of() : new TreeMap<>(attributes);
    }

    public InstanceRow(String arn, String id, String clusterArn, String dockerHost, String engine, int cpu, int memory,
                       Map<String, String> attributes, String status, boolean connected) {
        this(arn, id, clusterArn, dockerHost, engine, cpu, memory, attributes, status, connected, null, null);
    }

    public InstanceRow withConnected(boolean now) {
        return new InstanceRow(arn, id, clusterArn, dockerHost, engine, cpu, memory, attributes, status, now, engineCpu,
                engineMemory);
    }

    public boolean draining() {
        return DRAINING.equals(status);
    }
}
