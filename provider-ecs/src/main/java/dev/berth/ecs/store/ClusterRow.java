package dev.berth.ecs.store;

import java.util.Map;
import java.util.TreeMap;

/** A row of the {@code clusters} table, keyed by cluster ARN. */
public record ClusterRow(String arn, String name, String network, Map<String, String> tags, String status) {
    public static final String TABLE = "clusters";

    public ClusterRow {
        tags = tags == null ? Map.of() : new TreeMap<>(tags);
    }

    /** The Docker network a cluster's tasks join. */
    public static String networkFor(String clusterName) {
        return "berth-" + clusterName;
    }
}
