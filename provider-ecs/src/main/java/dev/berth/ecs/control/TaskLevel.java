package dev.berth.ecs.control;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.TaskDefinitionCalls.RegisterTaskDefinitionRequest;
import dev.berth.ecs.store.Json;
import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.ecs.taskdef.TaskLevelRules;
import dev.berth.ecs.taskdef.fields.Field;
import dev.berth.ecs.taskdef.fields.FieldReader;
import dev.berth.ecs.taskdef.fields.TaskFields;

import java.util.List;
import java.util.Map;

/**
 * The task-level fields of {@link TaskFields} between the API's records and a revision's row:
 * a request's fields are read by the table's one reader (so RegisterTaskDefinition and HCL
 * refuse the same things with the same words) into the canonical JSON the row keeps.
 */
record TaskLevel(JsonNode fields) {

    /** The canonical JSON of a request's task-level fields, or null when it sets none. */
    static String canonical(RegisterTaskDefinitionRequest r) {
        ObjectNode all = dev.berth.ecs.api.EcsJson.MAPPER.valueToTree(r);
        ObjectNode mine = Json.MAPPER.createObjectNode();
        for (Field f : TaskFields.ALL) if (all.hasNonNull(f.json())) mine.set(f.json(), all.get(f.json()));
        FieldReader reader = new FieldReader();
        ObjectNode canonical = reader.object(mine, TaskFields.ALL, "Task definition");
        if (!reader.errors().isEmpty()) throw EcsException.client(String.join(" ", reader.errors()));
        boolean fargate = r.requiresCompatibilities() != null && r.requiresCompatibilities().contains("FARGATE");
        List<String> problems = TaskLevelRules.check(canonical, fargate).stream().map(TaskLevelRules.Problem::message)
                .toList();
        if (!problems.isEmpty()) throw EcsException.client(String.join(" ", problems));
        return canonical.isEmpty() ? null : Json.write(canonical);
    }

    static TaskLevel of(TaskDefinitionRow row) {
        return new TaskLevel(row.taskFields() == null ? Json.MAPPER.createObjectNode() : Json.readTree(row.taskFields()));
    }

    List<Map<String, Object>> list(String name) {
        JsonNode v = fields.get(name);
        return v == null ? null : Json.MAPPER.convertValue(v, new TypeReference<>() {
        });
    }

    Map<String, Object> map(String name) {
        JsonNode v = fields.get(name);
        return v == null ? null : Json.MAPPER.convertValue(v, new TypeReference<>() {
        });
    }

    String text(String name) {
        JsonNode v = fields.get(name);
        return v == null ? null : v.asText();
    }

    Boolean bool(String name) {
        JsonNode v = fields.get(name);
        return v == null ? null : v.asBoolean();
    }
}
