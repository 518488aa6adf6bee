package dev.berth.ecs.data;

import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.EcsException;
import dev.berth.engine.provider.AttributeSchema;
import dev.berth.engine.provider.AttributeType;
import dev.berth.engine.provider.BlockSchema;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.provider.ProviderRequests.ReadDataSourceResponse;
import dev.berth.engine.provider.ResourceSchema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The provider's data sources: {@code ecs_cluster}, {@code ecs_task_definition},
 * {@code ecs_container_definition} and {@code ecs_container_instance}, named and shaped as
 * terraform-provider-aws's aws_ecs_* data sources where those exist.
 */
public final class DataSources {
    private DataSources() {
    }

    public static Map<String, EcsDataSource> all(EcsApi api) {
        Map<String, EcsDataSource> out = new LinkedHashMap<>();
        out.put(ClusterData.TYPE, new ClusterData(api));
        out.put(TaskDefinitionData.TYPE, new TaskDefinitionData(api));
        out.put(ContainerDefinitionData.TYPE, new ContainerDefinitionData(api));
        out.put(ContainerInstanceData.TYPE, new ContainerInstanceData(api));
        return out;
    }

    static AttributeSchema required(String name, String description) {
        return AttributeSchema.named(name, AttributeType.STRING).required().description(description).build();
    }

    static AttributeSchema computed(String name, AttributeType type) {
        return AttributeSchema.named(name, type).computed().build();
    }

    static ResourceSchema schema(String type, String description, List<AttributeSchema> attributes) {
        return new ResourceSchema(type, BlockSchema.of(attributes), 0, description);
    }

    static ReadDataSourceResponse failed(String summary, EcsException cause, String path) {
        String detail = cause == null ? null : cause.errorName() + ": " + cause.getMessage();
        return new ReadDataSourceResponse(null, List.of(ProviderDiagnostic.error(summary, detail, path)));
    }
}
