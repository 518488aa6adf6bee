package dev.berth.ecs.taskdef;

import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.value.MapValue;

import java.util.Optional;

import static dev.berth.ecs.schema.TaskDefinitionSchema.CONTAINER_DEFINITIONS;
import static dev.berth.ecs.schema.TaskDefinitionSchema.CPU;
import static dev.berth.ecs.schema.TaskDefinitionSchema.EXECUTION_ROLE_ARN;
import static dev.berth.ecs.schema.TaskDefinitionSchema.FAMILY;
import static dev.berth.ecs.schema.TaskDefinitionSchema.MEMORY;
import static dev.berth.ecs.schema.TaskDefinitionSchema.NETWORK_MODE;
import static dev.berth.ecs.schema.TaskDefinitionSchema.REQUIRES_COMPATIBILITIES;
import static dev.berth.ecs.schema.TaskDefinitionSchema.TASK_ROLE_ARN;

/**
 * A revision a plan is about to register, read from the task definition's planned value: its
 * ARN is assigned at apply, but its sizes, network mode and containers are already known, and
 * they are all placement needs. Its ARN here names no registered revision, so every running
 * task counts as running an older one.
 */
public final class PlannedRevision {
    private PlannedRevision() {
    }

    /**
     * The same revision as the RegisterTaskDefinition request apply will send, for a control plane
     * to preview placement with (CreateService/UpdateService dry runs) before it exists.
     */
    public static Optional<dev.berth.ecs.api.TaskDefinitionCalls.RegisterTaskDefinitionRequest> request(MapValue planned) {
        return of(planned).map(row -> {
            java.util.List<java.util.Map<String, Object>> containers;
            try {
                containers = dev.berth.ecs.store.Json.MAPPER.readValue(row.containerDefinitions(),
                        new com.fasterxml.jackson.core.type.TypeReference<java.util.List<java.util.Map<String, Object>>>() {
                        });
            } catch (java.io.IOException e) {
                return null;
            }
            return new dev.berth.ecs.api.TaskDefinitionCalls.RegisterTaskDefinitionRequest(row.family(),
                    row.taskRoleArn(), row.executionRoleArn(), row.networkMode(), containers, null,
                    row.requiresCompatibilities(), row.cpu(), row.memory(), null);
        });
    }

    public static Optional<TaskDefinitionRow> of(MapValue planned) {
        for (String attr : new String[]{FAMILY, CPU, MEMORY, NETWORK_MODE, CONTAINER_DEFINITIONS}) {
            if (Attrs.unknown(planned, attr)) return Optional.empty();
        }
        String family = Attrs.string(planned, FAMILY), containers = Attrs.string(planned, CONTAINER_DEFINITIONS);
        if (family == null || containers == null || !ContainerDefinitionsJson.parse(containers).ok()) {
            return Optional.empty();
        }
        return Optional.of(new TaskDefinitionRow(EcsArn.taskDefinitionFamily(family) + ":(new revision)", family, 0,
                TaskDefinitionRow.ACTIVE, Attrs.string(planned, CPU), Attrs.string(planned, MEMORY),
                Attrs.string(planned, NETWORK_MODE), Attrs.strings(Attrs.raw(planned, REQUIRES_COMPATIBILITIES)),
                Attrs.string(planned, EXECUTION_ROLE_ARN), Attrs.string(planned, TASK_ROLE_ARN), containers, null));
    }
}
