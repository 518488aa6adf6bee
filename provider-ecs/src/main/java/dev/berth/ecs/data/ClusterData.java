package dev.berth.ecs.data;

import dev.berth.ecs.api.ClusterCalls.Cluster;
import dev.berth.ecs.api.ClusterCalls.DescribeClustersRequest;
import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.Shapes.KeyValuePair;
import dev.berth.ecs.api.Shapes.Tag;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.provider.ProviderRequests.ReadDataSourceResponse;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static dev.berth.engine.provider.AttributeType.ANY;
import static dev.berth.engine.provider.AttributeType.MAP_OF_STRING;
import static dev.berth.engine.provider.AttributeType.NUMBER;
import static dev.berth.engine.provider.AttributeType.STRING;

/** {@code data "ecs_cluster"}: an ACTIVE cluster by name, as aws_ecs_cluster's data source reads it. */
final class ClusterData implements EcsDataSource {
    static final String TYPE = "ecs_cluster";

    private final EcsApi api;

    ClusterData(EcsApi api) {
        this.api = api;
    }

    @Override
    public ResourceSchema schema() {
        return DataSources.schema(TYPE, "An ACTIVE cluster, by name.", List.of(
                DataSources.required("cluster_name", "The cluster's name."),
                DataSources.computed("id", STRING), DataSources.computed("arn", STRING),
                DataSources.computed("status", STRING),
                DataSources.computed("pending_tasks_count", NUMBER),
                DataSources.computed("running_tasks_count", NUMBER),
                DataSources.computed("registered_container_instances_count", NUMBER),
                DataSources.computed("setting", ANY),
                DataSources.computed("tags", MAP_OF_STRING)));
    }

    @Override
    public ReadDataSourceResponse read(MapValue config) {
        String name = Attrs.string(config, "cluster_name");
        Optional<Cluster> found;
        try {
            found = api.describeClusters(new DescribeClustersRequest(List.of(name), List.of("SETTINGS", "TAGS")))
                    .clusters().stream().filter(c -> "ACTIVE".equals(c.status())).findFirst();
        } catch (EcsException e) {
            return DataSources.failed("Cannot read ECS cluster \"" + name + "\".", e, "cluster_name");
        }
        if (found.isEmpty()) {
            return DataSources.failed("No ACTIVE ECS cluster named \"" + name + "\".", null, "cluster_name");
        }
        Cluster c = found.get();
        Map<String, Value> m = new HashMap<>();
        m.put("id", Value.of(c.clusterArn()));
        m.put("arn", Value.of(c.clusterArn()));
        m.put("status", Value.of(c.status()));
        m.put("pending_tasks_count", Value.of(c.pendingTasksCount()));
        m.put("running_tasks_count", Value.of(c.runningTasksCount()));
        m.put("registered_container_instances_count", Value.of(c.registeredContainerInstancesCount()));
        List<Value> settings = new ArrayList<>();
        for (KeyValuePair s : c.settings() == null ? List.<KeyValuePair>of() : c.settings()) {
            settings.add(new MapValue(Map.of("name", Value.of(s.name()), "value", Value.of(s.value()))));
        }
        m.put("setting", Value.list(settings));
        Map<String, String> tags = new TreeMap<>();
        for (Tag t : c.tags() == null ? List.<Tag>of() : c.tags()) tags.put(t.key(), t.value());
        m.put("tags", Attrs.ofStringMap(tags));
        return new ReadDataSourceResponse(Attrs.with(config, m), List.of());
    }
}
