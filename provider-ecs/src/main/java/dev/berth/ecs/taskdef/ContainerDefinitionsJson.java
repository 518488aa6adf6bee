package dev.berth.ecs.taskdef;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.ecs.store.Json;
import dev.berth.ecs.taskdef.fields.ContainerFields;
import dev.berth.ecs.taskdef.fields.FieldReader;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads AWS's {@code containerDefinitions} JSON and writes its canonical form: keys sorted,
 * ECS's defaults explicit as DescribeTaskDefinition shows them ({@code essential}, {@code cpu}
 * 0, {@code protocol}, {@code hostPort} in awsvpc and host modes, the health check's times, and
 * the four lists ECS always answers with), maps and environment sorted by name, other null and
 * empty fields left out and numbers as integers, so equal definitions always give the identical
 * string and berth's describe output is ECS's.
 */
public final class ContainerDefinitionsJson {

    private ContainerDefinitionsJson() {
    }

    /** The containers of a JSON document, or the problems that stop it being read, and warnings. */
    public record Parsed(List<ContainerDefinition> containers, List<String> errors, List<String> warnings) {
        public Parsed(List<ContainerDefinition> containers, List<String> errors) {
            this(containers, errors, List.of());
        }

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public static Parsed parse(String json) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return new Parsed(List.of(), List.of("container_definitions is not valid JSON: "
                    + e.getOriginalMessage() + "."));
        }
        if (root == null || !root.isArray()) {
            return new Parsed(List.of(), List.of("container_definitions must be a JSON array of container definitions."));
        }
        return read(root, List.of());
    }

    /**
     * Reads a JSON array of container objects; {@code unknown.get(i)} names the fields of the
     * i-th container whose values are not known yet (the HCL blocks' unknowns), or is absent.
     */
    static Parsed read(JsonNode array, List<Set<String>> unknown) {
        List<ContainerDefinition> out = new ArrayList<>();
        FieldReader reader = new FieldReader();
        for (int i = 0; i < array.size(); i++) {
            JsonNode node = array.get(i);
            ObjectNode canonical = reader.object(node, ContainerFields.ALL, label(node, i));
            out.add(ContainerDefinition.fromCanonical(canonical, i < unknown.size() ? unknown.get(i) : Set.of()));
        }
        return new Parsed(out, reader.errors(), reader.warnings());
    }

    /** How messages name a container: by its name when it has a readable one. */
    private static String label(JsonNode node, int i) {
        JsonNode name = node.isObject() ? node.get("name") : null;
        return name != null && name.isTextual() && !name.asText().isEmpty()
                ? "Container \"" + name.asText() + "\"" : "Container definition " + (i + 1);
    }

    /**
     * ECS answers with these lists empty rather than absent (botocore's RegisterTaskDefinition
     * example: a request without them, a task definition with all four as []).
     */
    private static final List<String> ALWAYS_LISTED = List.of("environment", "mountPoints", "portMappings",
            "volumesFrom");

    /** The canonical form where the network mode is not known: no host port is filled in. */
    public static String canonical(List<ContainerDefinition> containers) {
        return canonical(containers, null);
    }

    /** The canonical form of a task in {@code networkMode} (null when not known). */
    public static String canonical(List<ContainerDefinition> containers, String networkMode) {
        boolean samePorts = samePorts(networkMode);
        List<Map<String, Object>> out = new ArrayList<>();
        for (ContainerDefinition c : containers) out.add(canonical(c, samePorts));
        return Json.write(out);
    }

    /** In awsvpc and host modes the host port is the container port, and ECS says so on describe. */
    static boolean samePorts(String networkMode) {
        return "awsvpc".equals(networkMode) || "host".equals(networkMode);
    }

    private static Map<String, Object> canonical(ContainerDefinition c, boolean samePorts) {
        Map<String, Object> m = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = c.extras().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            m.put(e.getKey(), e.getValue());
        }
        m.put("name", c.name());
        m.put("image", c.image());
        // ContainerDefinition.cpu is an unboxed Integer in ECS's model: always answered, 0 when unset.
        m.put("cpu", c.cpu() == null ? 0 : c.cpu());
        m.put("memory", c.memory());
        m.put("memoryReservation", c.memoryReservation());
        m.put("essential", c.effectiveEssential());
        if (c.entryPoint() != null && !c.entryPoint().isEmpty()) m.put("entryPoint", c.entryPoint());
        if (c.command() != null && !c.command().isEmpty()) m.put("command", c.command());
        if (!c.environment().isEmpty()) {
            List<Map<String, Object>> env = new ArrayList<>();
            c.environment().forEach((k, v) -> env.add(new TreeMap<>(Map.of("name", k, "value", v))));
            m.put("environment", env);
        }
        if (!c.portMappings().isEmpty()) {
            List<Map<String, Object>> ports = new ArrayList<>();
            for (PortMapping p : c.portMappings()) {
                Map<String, Object> pm = new TreeMap<>();
                pm.put("containerPort", p.containerPort());
                pm.put("hostPort", p.hostPort() == null && samePorts ? p.containerPort() : p.hostPort());
                pm.put("protocol", p.effectiveProtocol());
                pm.put("name", p.name());
                pm.put("appProtocol", p.appProtocol());
                pm.put("containerPortRange", p.containerPortRange());
                pm.values().removeIf(Objects::isNull);
                ports.add(pm);
            }
            m.put("portMappings", ports);
        }
        if (c.healthCheck() != null) m.put("healthCheck", c.healthCheck().canonical());
        m.values().removeIf(Objects::isNull);
        for (String list : ALWAYS_LISTED) m.putIfAbsent(list, List.of());
        return m;
    }
}
