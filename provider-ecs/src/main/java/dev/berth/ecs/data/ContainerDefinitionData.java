package dev.berth.ecs.data;

import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.TaskDefinitionCalls.TaskDefinition;
import dev.berth.ecs.store.Json;
import dev.berth.ecs.taskdef.ContainerDefinition;
import dev.berth.ecs.taskdef.ContainerDefinitionsJson;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.provider.ProviderRequests.ReadDataSourceResponse;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.berth.engine.provider.AttributeType.BOOL;
import static dev.berth.engine.provider.AttributeType.MAP_OF_STRING;
import static dev.berth.engine.provider.AttributeType.NUMBER;
import static dev.berth.engine.provider.AttributeType.STRING;

/**
 * {@code data "ecs_container_definition"}: one container of a task definition revision, as
 * aws_ecs_container_definition reads it. berth's container definitions carry no Docker labels and
 * cannot disable networking, so those read as an empty map and false.
 */
final class ContainerDefinitionData implements EcsDataSource {
    static final String TYPE = "ecs_container_definition";

    private final EcsApi api;

    ContainerDefinitionData(EcsApi api) {
        this.api = api;
    }

    @Override
    public ResourceSchema schema() {
        return DataSources.schema(TYPE, "A container of a task definition revision.", List.of(
                DataSources.required("task_definition", "family, family:revision or ARN."),
                DataSources.required("container_name", "The container's name."),
                DataSources.computed("id", STRING), DataSources.computed("image", STRING),
                DataSources.computed("image_digest", STRING), DataSources.computed("cpu", NUMBER),
                DataSources.computed("memory", NUMBER), DataSources.computed("memory_reservation", NUMBER),
                DataSources.computed("environment", MAP_OF_STRING), DataSources.computed("docker_labels", MAP_OF_STRING),
                DataSources.computed("disable_networking", BOOL)));
    }

    @Override
    public ReadDataSourceResponse read(MapValue config) {
        String ref = Attrs.string(config, "task_definition");
        String name = Attrs.string(config, "container_name");
        TaskDefinition td;
        try {
            td = TaskDefinitionData.describe(api, ref);
        } catch (EcsException e) {
            return DataSources.failed("Cannot read ECS task definition \"" + ref + "\".", e, "task_definition");
        }
        Optional<ContainerDefinition> c = ContainerDefinitionsJson.parse(Json.write(td.containerDefinitions()))
                .containers().stream().filter(x -> name.equals(x.name())).findFirst();
        if (c.isEmpty()) {
            return DataSources.failed("Task definition " + td.taskDefinitionArn() + " has no container named \"" + name
                    + "\".", null, "container_name");
        }
        String image = c.get().image();
        int at = image == null ? -1 : image.indexOf('@');
        Map<String, Value> m = new HashMap<>();
        m.put("id", Value.of(td.taskDefinitionArn() + "/" + name));
        m.put("image", Value.of(image));
        m.put("image_digest", Value.of(at < 0 ? "" : image.substring(at + 1)));
        m.put("cpu", Value.of(c.get().cpu() == null ? 0 : c.get().cpu()));
        m.put("memory", Value.of(c.get().memory() == null ? 0 : c.get().memory()));
        m.put("memory_reservation", Value.of(c.get().memoryReservation() == null ? 0 : c.get().memoryReservation()));
        m.put("environment", Attrs.ofStringMap(c.get().environment()));
        dev.berth.ecs.taskdef.ContainerOptions options = dev.berth.ecs.taskdef.ContainerOptions.of(c.get());
        m.put("docker_labels", Attrs.ofStringMap(options.dockerLabels()));
        m.put("disable_networking", Value.of(options.is(options.disableNetworking())));
        return new ReadDataSourceResponse(Attrs.with(config, m), List.of());
    }
}
