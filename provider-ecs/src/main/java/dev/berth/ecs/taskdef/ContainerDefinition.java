package dev.berth.ecs.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.ecs.taskdef.fields.ContainerFields;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One container of a task definition, in ECS terms (MiB, CPU units). Null means "not set". The
 * fields berth reasons about everywhere are typed components; every other field of ECS's
 * ContainerDefinition stays in {@code extras}, in canonical JSON, read through {@link #extra}
 * by the small views that give it meaning. {@code unknownFields} names the fields (camelCase)
 * whose value is only known after apply, so validation can skip the rules that need them.
 */
public record ContainerDefinition(String name, String image, Integer cpu, Integer memory, Integer memoryReservation,
                                  List<PortMapping> portMappings, Map<String, String> environment,
                                  List<String> entryPoint, List<String> command, Boolean essential,
                                  Set<String> unknownFields, HealthCheck healthCheck, ObjectNode extras) {

    public ContainerDefinition {
        portMappings = portMappings == null ? List.of() : List.copyOf(portMappings);
        environment = environment == null ? Map.of() : new TreeMap<>(environment);
        entryPoint = entryPoint == null ? null : List.copyOf(entryPoint);
        command = command == null ? null : List.copyOf(command);
        unknownFields = unknownFields == null ? Set.of() : Set.copyOf(unknownFields);
        extras = extras == null ? JsonNodeFactory.instance.objectNode() : extras.deepCopy();
    }

    /** A container with only the typed fields. */
    public ContainerDefinition(String name, String image, Integer cpu, Integer memory, Integer memoryReservation,
                               List<PortMapping> portMappings, Map<String, String> environment,
                               List<String> entryPoint, List<String> command, Boolean essential,
                               Set<String> unknownFields, HealthCheck healthCheck) {
        this(name, image, cpu, memory, memoryReservation, portMappings, environment, entryPoint, command, essential,
                unknownFields, healthCheck, null);
    }

    /** A container without a health check. */
    public ContainerDefinition(String name, String image, Integer cpu, Integer memory, Integer memoryReservation,
                               List<PortMapping> portMappings, Map<String, String> environment,
                               List<String> entryPoint, List<String> command, Boolean essential,
                               Set<String> unknownFields) {
        this(name, image, cpu, memory, memoryReservation, portMappings, environment, entryPoint, command, essential,
                unknownFields, null, null);
    }

    /** A container from its canonical JSON object (what {@code FieldReader} makes of ECS's JSON). */
    static ContainerDefinition fromCanonical(ObjectNode node, Set<String> unknownFields) {
        ObjectNode extras = node.deepCopy();
        extras.remove(ContainerFields.CORE);
        List<PortMapping> ports = new ArrayList<>();
        for (JsonNode p : list(node, "portMappings")) {
            ports.add(new PortMapping(integer(p, "containerPort"), integer(p, "hostPort"), text(p, "protocol"),
                    text(p, "name"), text(p, "appProtocol"), text(p, "containerPortRange")));
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode e : list(node, "environment")) env.put(e.get("name").asText(), e.get("value").asText());
        JsonNode h = node.get("healthCheck");
        HealthCheck health = h == null ? null : new HealthCheck(strings(h, "command"), integer(h, "interval"),
                integer(h, "timeout"), integer(h, "retries"), integer(h, "startPeriod"));
        JsonNode essential = node.get("essential");
        return new ContainerDefinition(text(node, "name"), text(node, "image"), integer(node, "cpu"),
                integer(node, "memory"), integer(node, "memoryReservation"), ports, env, strings(node, "entryPoint"),
                strings(node, "command"), essential == null ? null : essential.asBoolean(), unknownFields, health,
                extras);
    }

    /** A registered revision's containers, read back from the canonical JSON its row was written with. */
    public static List<ContainerDefinition> of(TaskDefinitionRow td) {
        ContainerDefinitionsJson.Parsed parsed = ContainerDefinitionsJson.parse(td.containerDefinitions());
        if (!parsed.ok()) throw new IllegalStateException("task definition " + td.arn() + " has unreadable containers");
        return parsed.containers();
    }

    /** A field outside the typed core, in canonical JSON, or null when the container does not set it. */
    public JsonNode extra(String json) {
        JsonNode v = extras.get(json);
        return v == null || v.isNull() ? null : v;
    }

    /** AWS's default: a container is essential unless it says otherwise. */
    public boolean effectiveEssential() {
        return essential == null || essential;
    }

    public boolean known(String field) {
        return !unknownFields.contains(field);
    }

    private static Iterable<JsonNode> list(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null ? List.of() : v;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null ? null : v.asText();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null ? null : v.intValue();
    }

    private static List<String> strings(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null) return null;
        List<String> out = new ArrayList<>();
        for (Iterator<JsonNode> it = v.elements(); it.hasNext(); ) out.add(it.next().asText());
        return out;
    }
}
