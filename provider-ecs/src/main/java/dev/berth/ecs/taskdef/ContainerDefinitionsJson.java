package dev.berth.ecs.taskdef;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.ecs.store.Json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Reads AWS's {@code containerDefinitions} JSON and writes its canonical form: keys sorted,
 * {@code essential} and {@code protocol} explicit, environment sorted by name, empty lists left
 * out and numbers as integers, so equal definitions always give the identical string.
 */
public final class ContainerDefinitionsJson {
    private static final List<String> PORT_FIELDS = List.of("containerPort", "hostPort", "protocol");

    private ContainerDefinitionsJson() {
    }

    /** The containers of a JSON document, or the problems that stop it being read. */
    public record Parsed(List<ContainerDefinition> containers, List<String> errors) {
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
        List<ContainerDefinition> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            Reader r = new Reader("Container definition " + (i + 1), errors);
            ContainerDefinition c = r.container(root.get(i));
            if (c != null) out.add(c);
        }
        return new Parsed(out, errors);
    }

    public static String canonical(List<ContainerDefinition> containers) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ContainerDefinition c : containers) out.add(canonical(c));
        return Json.write(out);
    }

    private static Map<String, Object> canonical(ContainerDefinition c) {
        Map<String, Object> m = new TreeMap<>();
        m.put("name", c.name());
        m.put("image", c.image());
        m.put("cpu", c.cpu());
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
                pm.put("hostPort", p.hostPort());
                pm.put("protocol", p.effectiveProtocol());
                pm.values().removeIf(Objects::isNull);
                ports.add(pm);
            }
            m.put("portMappings", ports);
        }
        if (c.healthCheck() != null) m.put("healthCheck", c.healthCheck().canonical());
        m.values().removeIf(Objects::isNull);
        return m;
    }

    /** Reads one container, collecting every problem rather than stopping at the first. */
    private record Reader(String what, List<String> errors) {

        ContainerDefinition container(JsonNode node) {
            if (!node.isObject()) {
                errors.add(what + " must be a JSON object.");
                return null;
            }
            checkFields(node, ContainerDefinition.FIELDS, what);
            String name = text(node, "name");
            String label = name == null ? what : "Container \"" + name + "\"";
            Reader r = new Reader(label, errors);
            return new ContainerDefinition(name, r.text(node, "image"), r.integer(node, "cpu"),
                    r.integer(node, "memory"), r.integer(node, "memoryReservation"), r.ports(node),
                    r.environment(node), r.strings(node, "entryPoint"), r.strings(node, "command"),
                    r.bool(node, "essential"), null, r.healthCheck(node));
        }

        HealthCheck healthCheck(JsonNode node) {
            JsonNode v = field(node, "healthCheck");
            if (v == null) return null;
            if (!v.isObject()) {
                errors.add(what + ": healthCheck must be an object.");
                return null;
            }
            checkFields(v, HealthCheck.FIELDS, what + " healthCheck");
            return new HealthCheck(strings(v, "command"), integer(v, "interval"), integer(v, "timeout"),
                    integer(v, "retries"), integer(v, "startPeriod"));
        }

        private void checkFields(JsonNode node, List<String> valid, String owner) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!valid.contains(f)) {
                    errors.add(owner + " has an unknown field \"" + f + "\"; valid fields are "
                            + String.join(", ", valid) + ".");
                }
            }
        }

        private JsonNode field(JsonNode node, String name) {
            JsonNode v = node.get(name);
            return v == null || v.isNull() ? null : v;
        }

        String text(JsonNode node, String name) {
            JsonNode v = field(node, name);
            if (v == null) return null;
            if (!v.isValueNode()) {
                errors.add(what + ": " + name + " must be a string.");
                return null;
            }
            return v.asText();
        }

        Integer integer(JsonNode node, String name) {
            JsonNode v = field(node, name);
            if (v == null) return null;
            try {
                BigDecimal d = v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText().trim());
                if (!v.isValueNode()) throw new NumberFormatException();
                return d.intValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                errors.add(what + ": " + name + " must be a whole number, not " + v + ".");
                return null;
            }
        }

        Boolean bool(JsonNode node, String name) {
            JsonNode v = field(node, name);
            if (v == null) return null;
            if (v.isBoolean()) return v.booleanValue();
            if (v.isTextual() && (v.asText().equals("true") || v.asText().equals("false"))) {
                return Boolean.parseBoolean(v.asText());
            }
            errors.add(what + ": " + name + " must be true or false.");
            return null;
        }

        List<String> strings(JsonNode node, String name) {
            JsonNode v = field(node, name);
            if (v == null) return null;
            if (!v.isArray()) {
                errors.add(what + ": " + name + " must be a list of strings.");
                return null;
            }
            List<String> out = new ArrayList<>();
            for (JsonNode item : v) out.add(item.isValueNode() ? item.asText() : item.toString());
            return out;
        }

        Map<String, String> environment(JsonNode node) {
            JsonNode v = field(node, "environment");
            if (v == null) return null;
            Map<String, String> out = new LinkedHashMap<>();
            if (!v.isArray()) {
                errors.add(what + ": environment must be a list of {name, value} objects.");
                return out;
            }
            for (JsonNode e : v) {
                String name = e.isObject() ? text(e, "name") : null;
                if (name == null || name.isEmpty()) {
                    errors.add(what + ": every environment entry needs a name.");
                    continue;
                }
                checkFields(e, List.of("name", "value"), what + " environment variable \"" + name + "\"");
                if (out.containsKey(name)) errors.add(what + " sets environment variable \"" + name + "\" twice.");
                String value = text(e, "value");
                out.put(name, value == null ? "" : value);
            }
            return out;
        }

        List<PortMapping> ports(JsonNode node) {
            JsonNode v = field(node, "portMappings");
            if (v == null) return null;
            List<PortMapping> out = new ArrayList<>();
            if (!v.isArray()) {
                errors.add(what + ": portMappings must be a list of objects.");
                return out;
            }
            for (JsonNode p : v) {
                if (!p.isObject()) {
                    errors.add(what + ": each port mapping must be an object.");
                    continue;
                }
                checkFields(p, PORT_FIELDS, what + " port mapping");
                out.add(new PortMapping(integer(p, "containerPort"), integer(p, "hostPort"), text(p, "protocol")));
            }
            return out;
        }
    }
}
