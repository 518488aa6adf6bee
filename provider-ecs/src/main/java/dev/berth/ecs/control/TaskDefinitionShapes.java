package dev.berth.ecs.control;

import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.taskdef.RoleArns;
import dev.berth.ecs.api.TaskDefinitionCalls.RegisterTaskDefinitionRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.TaskDefinition;
import dev.berth.ecs.scheduler.FargateSizes;
import dev.berth.ecs.schema.TaskDefinitionSchema;
import dev.berth.ecs.store.Json;
import dev.berth.ecs.store.StoredJsonList;
import dev.berth.ecs.taskdef.TaskDefinitionNormaliser;
import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.ecs.taskdef.TaskDefinitionValidator;
import dev.berth.ecs.taskdef.fields.HclFields;
import dev.berth.ecs.taskdef.fields.TaskFields;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A RegisterTaskDefinition request checked by the same rules and normalised by the same code as
 * an {@code ecs_task_definition} configuration (one validator, one canonical form), and a
 * registered revision in ECS's TaskDefinition shape.
 */
final class TaskDefinitionShapes {
    /** What the registry stores: normalised sizes, network mode, compatibilities and canonical containers. */
    record Registration(String family, String cpu, String memory, String networkMode,
                        List<String> requiresCompatibilities, String containers, String taskFields) {
    }

    private TaskDefinitionShapes() {
    }

    static Registration validated(RegisterTaskDefinitionRequest r) {
        if (r.family() == null || r.family().isEmpty()) throw EcsException.client("Family is required.");
        // ECS says no more than this about a bad role, whichever of the two it is.
        if ((r.taskRoleArn() != null && !RoleArns.valid(r.taskRoleArn()))
                || (r.executionRoleArn() != null && !RoleArns.valid(r.executionRoleArn()))) {
            throw EcsException.client(RoleArns.ECS_MESSAGE);
        }
        String taskFields = TaskLevel.canonical(r);
        Map<String, Value> m = new HashMap<>();
        m.put(TaskDefinitionSchema.FAMILY, Value.of(r.family()));
        m.put(TaskDefinitionSchema.CPU, text(r.cpu()));
        m.put(TaskDefinitionSchema.MEMORY, text(r.memory()));
        m.put(TaskDefinitionSchema.NETWORK_MODE, text(r.networkMode()));
        m.put(TaskDefinitionSchema.REQUIRES_COMPATIBILITIES, r.requiresCompatibilities() == null ? Value.nil()
                : Attrs.ofStrings(r.requiresCompatibilities()));
        m.put(TaskDefinitionSchema.EXECUTION_ROLE_ARN, text(r.executionRoleArn()));
        m.put(TaskDefinitionSchema.TASK_ROLE_ARN, text(r.taskRoleArn()));
        m.put(TaskDefinitionSchema.CONTAINER_DEFINITIONS, Value.of(Json.write(
                r.containerDefinitions() == null ? List.of() : r.containerDefinitions())));
        m.put(TaskDefinitionSchema.CONTAINER, Value.list(List.of()));
        // The task-level fields as the configuration holds them, so the one validator sees them too.
        if (taskFields != null) m.putAll(HclFields.toHcl(Json.readTree(taskFields), TaskFields.ALL));
        MapValue config = new MapValue(m);
        List<String> errors = new ArrayList<>();
        for (ProviderDiagnostic d : TaskDefinitionValidator.validate(config)) if (d.isError()) errors.add(d.summary());
        if (!errors.isEmpty()) throw EcsException.client(String.join(" ", errors));
        MapValue n = TaskDefinitionNormaliser.normalise(config);
        return new Registration(r.family(), Attrs.string(n, TaskDefinitionSchema.CPU),
                Attrs.string(n, TaskDefinitionSchema.MEMORY), Attrs.string(n, TaskDefinitionSchema.NETWORK_MODE),
                Attrs.strings(Attrs.raw(n, TaskDefinitionSchema.REQUIRES_COMPATIBILITIES)),
                Attrs.string(n, TaskDefinitionSchema.CONTAINER_DEFINITIONS), taskFields);
    }

    private static Value text(String s) {
        return s == null ? Value.nil() : Value.of(s);
    }

    static TaskDefinition of(TaskDefinitionRow row) {
        List<Map<String, Object>> containers;
        try {
            containers = new StoredJsonList(row.containerDefinitions());
        } catch (IllegalStateException e) {
            throw new EcsException(EcsException.SERVER, "Task definition " + row.arn() + " has unreadable containers.");
        }
        TaskLevel t = TaskLevel.of(row);
        return new TaskDefinition(row.arn(), containers, row.family(), row.taskRoleArn(), row.executionRoleArn(),
                row.networkMode(), (int) row.revision(), t.list("volumes"), row.status(), compatibilities(row),
                row.requiresCompatibilities(), row.cpu(), row.memory(), instant(row.registeredAt()), null, null,
                t.list("placementConstraints"), t.text("pidMode"), t.text("ipcMode"), t.map("proxyConfiguration"),
                t.list("inferenceAccelerators"), t.map("ephemeralStorage"), t.map("runtimePlatform"),
                t.bool("enableFaultInjection"));
    }

    /** EC2 always; FARGATE too when the revision has what Fargate needs (awsvpc and a valid size). */
    private static List<String> compatibilities(TaskDefinitionRow row) {
        List<String> out = new ArrayList<>(List.of("EC2"));
        if ("awsvpc".equals(row.networkMode()) && row.cpu() != null && row.memory() != null) {
            try {
                if (FargateSizes.validate(Integer.parseInt(row.cpu()), Integer.parseInt(row.memory())).isEmpty()) {
                    out.add("FARGATE");
                }
            } catch (NumberFormatException ignored) {
                // Sizes berth stored are numbers; anything else is simply not Fargate-sized.
            }
        }
        return out;
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
