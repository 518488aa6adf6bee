package dev.berth.ecs.taskdef;

import dev.berth.ecs.store.TaskDefinitionRow;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One container of a task definition, in ECS terms (MiB, CPU units). Null means "not set".
 * {@code unknownFields} names the fields (camelCase) whose value is only known after apply, so
 * validation can skip the rules that need them instead of reporting them missing.
 */
public record ContainerDefinition(String name, String image, Integer cpu, Integer memory, Integer memoryReservation,
                                  List<PortMapping> portMappings, Map<String, String> environment,
                                  List<String> entryPoint, List<String> command, Boolean essential,
                                  Set<String> unknownFields, HealthCheck healthCheck) {

    /** The fields the container definitions JSON may contain. */
    public static final List<String> FIELDS = List.of("name", "image", "cpu", "memory", "memoryReservation",
            "portMappings", "environment", "entryPoint", "command", "essential", "healthCheck");

    public ContainerDefinition {
        portMappings = portMappings == null ? List.of() : List.copyOf(portMappings);
        environment = environment == null ? Map.of() : new TreeMap<>(environment);
        entryPoint = entryPoint == null ? null : List.copyOf(entryPoint);
        command = command == null ? null : List.copyOf(command);
        unknownFields = unknownFields == null ? Set.of() : Set.copyOf(unknownFields);
    }

    /** A container without a health check. */
    public ContainerDefinition(String name, String image, Integer cpu, Integer memory, Integer memoryReservation,
                               List<PortMapping> portMappings, Map<String, String> environment,
                               List<String> entryPoint, List<String> command, Boolean essential,
                               Set<String> unknownFields) {
        this(name, image, cpu, memory, memoryReservation, portMappings, environment, entryPoint, command, essential,
                unknownFields, null);
    }

    /** A registered revision's containers, read back from the canonical JSON its row was written with. */
    public static List<ContainerDefinition> of(TaskDefinitionRow td) {
        ContainerDefinitionsJson.Parsed parsed = ContainerDefinitionsJson.parse(td.containerDefinitions());
        if (!parsed.ok()) throw new IllegalStateException("task definition " + td.arn() + " has unreadable containers");
        return parsed.containers();
    }

    /** AWS's default: a container is essential unless it says otherwise. */
    public boolean effectiveEssential() {
        return essential == null || essential;
    }

    /**
     * A field outside the typed core, as canonical JSON; null when absent. Stands in until the
     * field table (the lead's {@code taskdef.fields}) lands and answers it for every field.
     */
    public com.fasterxml.jackson.databind.JsonNode extra(String field) {
        return null;
    }

    public boolean known(String field) {
        return !unknownFields.contains(field);
    }
}
