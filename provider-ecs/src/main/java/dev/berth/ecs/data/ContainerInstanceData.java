package dev.berth.ecs.data;

import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.InstanceCalls.ContainerInstance;
import dev.berth.ecs.api.InstanceCalls.DescribeContainerInstancesRequest;
import dev.berth.ecs.api.InstanceCalls.ListContainerInstancesRequest;
import dev.berth.ecs.api.Shapes.Resource;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.provider.AttributeSchema;
import dev.berth.engine.provider.ProviderRequests.ReadDataSourceResponse;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.berth.engine.provider.AttributeType.BOOL;
import static dev.berth.engine.provider.AttributeType.MAP_OF_STRING;
import static dev.berth.engine.provider.AttributeType.NUMBER;
import static dev.berth.engine.provider.AttributeType.STRING;

/**
 * {@code data "ecs_container_instance"} (AWS's provider has none): one registered instance of a
 * cluster, named by {@code container_instance} (ARN or id) or found by {@code filter}, a cluster
 * query such as {@code attribute:ecs.availability-zone == zone-a}, which must match exactly one
 * ACTIVE or DRAINING instance.
 */
final class ContainerInstanceData implements EcsDataSource {
    static final String TYPE = "ecs_container_instance";

    private final EcsApi api;

    ContainerInstanceData(EcsApi api) {
        this.api = api;
    }

    @Override
    public ResourceSchema schema() {
        return DataSources.schema(TYPE, "A container instance of a cluster, by ARN, id or cluster query.", List.of(
                DataSources.required("cluster", "Cluster name or ARN."),
                AttributeSchema.named("container_instance", STRING).optional()
                        .description("The instance's ARN or id.").build(),
                AttributeSchema.named("filter", STRING).optional()
                        .description("A cluster query matching exactly one instance.").build(),
                DataSources.computed("id", STRING), DataSources.computed("arn", STRING),
                DataSources.computed("status", STRING), DataSources.computed("agent_connected", BOOL),
                DataSources.computed("running_tasks_count", NUMBER), DataSources.computed("pending_tasks_count", NUMBER),
                DataSources.computed("registered_cpu", NUMBER), DataSources.computed("registered_memory", NUMBER),
                DataSources.computed("remaining_cpu", NUMBER), DataSources.computed("remaining_memory", NUMBER),
                DataSources.computed("attributes", MAP_OF_STRING), DataSources.computed("docker_host", STRING)));
    }

    @Override
    public ReadDataSourceResponse read(MapValue config) {
        String cluster = Attrs.string(config, "cluster");
        String ref = Attrs.string(config, "container_instance");
        String filter = Attrs.string(config, "filter");
        if ((ref == null) == (filter == null)) {
            return DataSources.failed("Set exactly one of container_instance and filter.", null, "container_instance");
        }
        try {
            if (ref == null) {
                List<String> arns = api.listContainerInstances(new ListContainerInstancesRequest(cluster, filter, null,
                        null, null)).containerInstanceArns();
                if (arns.size() != 1) {
                    return DataSources.failed("The filter matches " + arns.size() + " container instances of cluster \""
                            + cluster + "\"; it must match exactly one.", null, "filter");
                }
                ref = arns.get(0);
            }
            var found = api.describeContainerInstances(new DescribeContainerInstancesRequest(cluster, List.of(ref),
                    null)).containerInstances();
            if (found.isEmpty()) {
                return DataSources.failed("Cluster \"" + cluster + "\" has no container instance \"" + ref + "\".", null,
                        "container_instance");
            }
            return new ReadDataSourceResponse(Attrs.with(config, values(found.get(0))), List.of());
        } catch (EcsException e) {
            return DataSources.failed("Cannot read the container instances of cluster \"" + cluster + "\".", e,
                    filter != null ? "filter" : "cluster");
        }
    }

    private static Map<String, Value> values(ContainerInstance ci) {
        Map<String, Value> m = new HashMap<>();
        m.put("id", Value.of(ci.containerInstanceArn()));
        m.put("arn", Value.of(ci.containerInstanceArn()));
        m.put("status", Value.of(ci.status()));
        m.put("agent_connected", Value.of(Boolean.TRUE.equals(ci.agentConnected())));
        m.put("running_tasks_count", Value.of(ci.runningTasksCount() == null ? 0 : ci.runningTasksCount()));
        m.put("pending_tasks_count", Value.of(ci.pendingTasksCount() == null ? 0 : ci.pendingTasksCount()));
        m.put("registered_cpu", Value.of(size(ci.registeredResources(), "CPU")));
        m.put("registered_memory", Value.of(size(ci.registeredResources(), "MEMORY")));
        m.put("remaining_cpu", Value.of(size(ci.remainingResources(), "CPU")));
        m.put("remaining_memory", Value.of(size(ci.remainingResources(), "MEMORY")));
        Map<String, String> attributes = new TreeMap<>();
        if (ci.attributes() != null) ci.attributes().forEach(a -> attributes.put(a.name(), a.value()));
        m.put("attributes", Attrs.ofStringMap(attributes));
        m.put("docker_host", Value.of(ci.dockerHost()));
        return m;
    }

    private static int size(List<Resource> resources, String name) {
        if (resources == null) return 0;
        for (Resource r : resources) if (name.equals(r.name()) && r.integerValue() != null) return r.integerValue();
        return 0;
    }
}
