package dev.berth.ecs.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.ecs.api.EcsJson;
import dev.berth.ecs.api.TaskDefinitionCalls.TaskDefinition;
import dev.berth.ecs.resource.Diags;
import dev.berth.ecs.store.Json;
import dev.berth.ecs.taskdef.fields.Field;
import dev.berth.ecs.taskdef.fields.FieldReader;
import dev.berth.ecs.taskdef.fields.HclFields;
import dev.berth.ecs.taskdef.fields.TaskFields;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import static dev.berth.ecs.schema.TaskDefinitionSchema.REQUIRES_COMPATIBILITIES;
import static dev.berth.ecs.schema.TaskDefinitionSchema.SKIP_DESTROY;
import static dev.berth.ecs.schema.TaskDefinitionSchema.TAGS;
import static dev.berth.ecs.schema.TaskDefinitionSchema.TRACK_LATEST;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The task-level fields of {@link TaskFields} in an {@code ecs_task_definition}: its HCL
 * attributes and blocks as ECS's JSON (read by the table's one reader, so a field berth does not
 * honour is refused by name) and a revision's fields back as attribute values for refresh.
 */
public final class TaskLevelConfig {
    private TaskLevelConfig() {
    }

    /** The canonical JSON object of the configuration's task-level fields (unknown ones left out). */
    public static ObjectNode json(MapValue config) {
        HclFields.Converted c = HclFields.toJson(config, TaskFields.ALL, List.of());
        return new FieldReader().object(c.json(), TaskFields.ALL, "Task definition");
    }

    public static List<ProviderDiagnostic> validate(MapValue config) {
        List<ProviderDiagnostic> out = new ArrayList<>();
        HclFields.Converted c = HclFields.toJson(config, TaskFields.ALL, List.of());
        // No task-level field set (most task definitions; blocks come as empty lists): every rule
        // below is about a field that is.
        if (c.badNumbers().isEmpty() && nothingSet(c.json())) return List.of();
        for (HclFields.BadNumber b : c.badNumbers()) {
            out.add(Diags.error(b.value() + " is not a whole number.", b.path()));
        }
        // One field at a time, so each problem points at the attribute or block it is about.
        for (Field f : TaskFields.ALL) {
            if (!c.json().has(f.json())) continue;
            FieldReader reader = new FieldReader();
            reader.object(Json.MAPPER.createObjectNode().set(f.json(), c.json().get(f.json())), TaskFields.ALL,
                    "Task definition");
            for (String e : reader.errors()) out.add(Diags.error(e, List.of(f.hcl())));
        }
        if (out.isEmpty() && !Attrs.unknown(config, REQUIRES_COMPATIBILITIES)) {
            List<String> compat = Attrs.strings(Attrs.raw(config, REQUIRES_COMPATIBILITIES));
            ObjectNode canonical = new FieldReader().object(c.json(), TaskFields.ALL, "Task definition");
            for (TaskLevelRules.Problem p : TaskLevelRules.check(canonical, compat != null && compat.contains("FARGATE"))) {
                Field f = Field.find(TaskFields.ALL, p.field());
                out.add(Diags.error(p.message(), List.of(f == null ? p.field() : f.hcl())));
            }
        }
        return out;
    }

    private static boolean nothingSet(ObjectNode json) {
        for (JsonNode v : json) if (!v.isArray() || !v.isEmpty()) return false;
        return true;
    }

    /**
     * Absent fields as the state keeps them (blocks as empty lists, attributes as null), so
     * leaving one out is no change; berth's own flags default to false.
     */
    public static Map<String, Value> normalised(MapValue config) {
        Map<String, Value> m = new HashMap<>();
        for (Field f : TaskFields.ALL) {
            if (Attrs.raw(config, f.hcl()).isNull()) m.put(f.hcl(), f.kind().nested() ? Value.list(List.of()) : Value.nil());
        }
        for (String flag : List.of(SKIP_DESTROY, TRACK_LATEST)) m.put(flag, flag(config, flag));
        Map<String, String> tags = Attrs.stringMap(Attrs.raw(config, TAGS));
        if (!Attrs.unknown(config, TAGS) && (tags == null || tags.isEmpty())) m.put(TAGS, Value.nil());
        return m;
    }

    /** One of berth's own flags (not ECS fields), false unless set. */
    public static Value flag(MapValue config, String name) {
        return Value.of(Boolean.TRUE.equals(Attrs.bool(Attrs.raw(config, name))));
    }

    /** The state of a revision that sets no task-level field, as {@link #state} makes it: made once, as a refresh asks for it per revision. */
    private static final Map<String, Value> NONE_SET = Map.copyOf(HclFields.toHcl(
            new FieldReader().object(Json.MAPPER.createObjectNode(), TaskFields.ALL, "Task definition"), TaskFields.ALL));

    /** A revision's task-level fields as the attributes and blocks a state holds. */
    public static Map<String, Value> state(TaskDefinition td) {
        // Only the task-level fields: converting the whole revision (its containers too) to a
        // tree cost more than the rest of reading it back.
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("volumes", td.volumes());
        fields.put("placementConstraints", td.placementConstraints());
        fields.put("pidMode", td.pidMode());
        fields.put("ipcMode", td.ipcMode());
        fields.put("proxyConfiguration", td.proxyConfiguration());
        fields.put("inferenceAccelerators", td.inferenceAccelerators());
        fields.put("ephemeralStorage", td.ephemeralStorage());
        fields.put("runtimePlatform", td.runtimePlatform());
        fields.put("enableFaultInjection", td.enableFaultInjection());
        fields.values().removeIf(java.util.Objects::isNull);
        if (fields.isEmpty()) return NONE_SET;
        ObjectNode all = EcsJson.MAPPER.valueToTree(fields);
        ObjectNode mine = Json.MAPPER.createObjectNode();
        for (Field f : TaskFields.ALL) if (all.hasNonNull(f.json())) mine.set(f.json(), all.get(f.json()));
        ObjectNode canonical = new FieldReader().object(mine, TaskFields.ALL, "Task definition");
        return HclFields.toHcl(canonical, TaskFields.ALL);
    }

    /** A field of the canonical JSON as the API's records take it: a list, a map or a scalar. */
    public static <T> T get(ObjectNode canonical, String json, Class<T> type) {
        JsonNode v = canonical.get(json);
        return v == null ? null : Json.MAPPER.convertValue(v, type);
    }
}
