package dev.berth.ecs.control;

import dev.berth.ecs.api.Shapes.KeyValuePair;

import java.util.List;

/** A cluster's settings (containerInsights), keyed by cluster ARN in {@code cluster_settings}. */
record ClusterSettingsRow(List<KeyValuePair> settings) {
    static final String TABLE = "cluster_settings";

    ClusterSettingsRow {
        settings = settings == null ? List.of() : List.copyOf(settings);
    }
}
