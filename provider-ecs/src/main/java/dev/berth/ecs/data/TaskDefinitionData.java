package dev.berth.ecs.data;

import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.TaskDefinitionCalls.DescribeTaskDefinitionRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.TaskDefinition;
import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.store.Json;
import dev.berth.ecs.taskdef.ContainerDefinitionsJson;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.provider.ProviderRequests.ReadDataSourceResponse;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.berth.engine.provider.AttributeType.LIST_OF_STRING;
import static dev.berth.engine.provider.AttributeType.NUMBER;
import static dev.berth.engine.provider.AttributeType.STRING;

/**
 * {@code data "ecs_task_definition"}: a family's latest ACTIVE revision, or the revision a
 * {@code family:revision} or ARN names (an INACTIVE one too, as DescribeTaskDefinition allows).
 */
final class TaskDefinitionData implements EcsDataSource {
    static final String TYPE = "ecs_task_definition";

    private final EcsApi api;

    TaskDefinitionData(EcsApi api) {
        this.api = api;
    }

    @Override
    public ResourceSchema schema() {
        return DataSources.schema(TYPE, "A task definition revision: family (its latest ACTIVE revision), "
                + "family:revision or ARN.", List.of(
                DataSources.required("task_definition", "family, family:revision or ARN."),
                DataSources.computed("id", STRING), DataSources.computed("arn", STRING),
                DataSources.computed("arn_without_revision", STRING), DataSources.computed("family", STRING),
                DataSources.computed("revision", NUMBER), DataSources.computed("status", STRING),
                DataSources.computed("network_mode", STRING), DataSources.computed("task_role_arn", STRING),
                DataSources.computed("execution_role_arn", STRING), DataSources.computed("cpu", STRING),
                DataSources.computed("memory", STRING),
                DataSources.computed("requires_compatibilities", LIST_OF_STRING),
                DataSources.computed("container_definitions", STRING)));
    }

    @Override
    public ReadDataSourceResponse read(MapValue config) {
        String ref = Attrs.string(config, "task_definition");
        TaskDefinition td;
        try {
            td = describe(api, ref);
        } catch (EcsException e) {
            return DataSources.failed("Cannot read ECS task definition \"" + ref + "\".", e, "task_definition");
        }
        Map<String, Value> m = new HashMap<>();
        m.put("id", Value.of(td.taskDefinitionArn()));
        m.put("arn", Value.of(td.taskDefinitionArn()));
        m.put("arn_without_revision", Value.of(EcsArn.taskDefinitionFamily(td.family())));
        m.put("family", Value.of(td.family()));
        m.put("revision", Value.of(td.revision()));
        m.put("status", Value.of(td.status()));
        m.put("network_mode", Value.of(td.networkMode()));
        m.put("task_role_arn", Value.of(td.taskRoleArn()));
        m.put("execution_role_arn", Value.of(td.executionRoleArn()));
        m.put("cpu", Value.of(td.cpu()));
        m.put("memory", Value.of(td.memory()));
        m.put("requires_compatibilities", td.requiresCompatibilities() == null ? Value.nil()
                : Attrs.ofStrings(td.requiresCompatibilities()));
        m.put("container_definitions", Value.of(canonical(td)));
        return new ReadDataSourceResponse(Attrs.with(config, m), List.of());
    }

    static TaskDefinition describe(EcsApi api, String ref) {
        return api.describeTaskDefinition(new DescribeTaskDefinitionRequest(ref, null)).taskDefinition();
    }

    /** The same canonical JSON an {@code ecs_task_definition} resource keeps, so the two compare equal. */
    static String canonical(TaskDefinition td) {
        return ContainerDefinitionsJson.canonical(ContainerDefinitionsJson.parse(Json.write(td.containerDefinitions()))
                .containers(), td.networkMode());
    }
}
