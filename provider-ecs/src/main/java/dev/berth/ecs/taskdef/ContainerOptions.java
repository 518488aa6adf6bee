package dev.berth.ecs.taskdef;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A typed view, in ECS terms, of a container's further options: links, hostname, user, ulimits,
 * linuxParameters, environmentFiles, ... Read from the canonical JSON the field table keeps
 * (never parsed a second way); a field that is absent is null, or an empty list or map.
 */
public record ContainerOptions(List<String> links, String hostname, String user, String workingDirectory,
                               Boolean readonlyRootFilesystem, Boolean privileged, List<Ulimit> ulimits,
                               Map<String, String> dockerLabels, List<HostEntry> extraHosts, List<String> dnsServers,
                               List<String> dnsSearchDomains, LinuxParameters linuxParameters,
                               List<EnvironmentFile> environmentFiles, List<SystemControl> systemControls,
                               Boolean pseudoTerminal, Boolean interactive, Boolean disableNetworking,
                               List<String> dockerSecurityOptions, List<ResourceRequirement> resourceRequirements,
                               RestartPolicy restartPolicy) {

    public record Ulimit(String name, Long softLimit, Long hardLimit) {
    }

    public record HostEntry(String hostname, String ipAddress) {
    }

    public record EnvironmentFile(String value, String type) {
    }

    public record SystemControl(String namespace, String value) {
    }

    public record ResourceRequirement(String type, String value) {
    }

    public record Tmpfs(String containerPath, Integer size, List<String> mountOptions) {
    }

    public record Device(String hostPath, String containerPath, List<String> permissions) {
    }

    public record LinuxParameters(Boolean initProcessEnabled, List<String> capabilitiesAdd,
                                  List<String> capabilitiesDrop, Integer sharedMemorySize, List<Tmpfs> tmpfs,
                                  List<Device> devices, Integer maxSwap, Integer swappiness) {
    }

    public static final ContainerOptions NONE = of(name -> null);

    /**
     * The capability ECS's agent advertises when it allows privileged containers; a task with one
     * is placed only on instances whose attributes carry it.
     */
    public static final String PRIVILEGED_CAPABILITY = "com.amazonaws.ecs.capability.privileged-container";

    /** The options of a container whose fields outside the typed core {@code extra} returns (null when absent). */
    public static ContainerOptions of(Function<String, JsonNode> extra) {
        return new ContainerOptions(strings(extra.apply("links")), text(extra.apply("hostname")),
                text(extra.apply("user")), text(extra.apply("workingDirectory")),
                bool(extra.apply("readonlyRootFilesystem")), bool(extra.apply("privileged")),
                objects(extra.apply("ulimits"), n -> new Ulimit(text(n.get("name")), number(n.get("softLimit")),
                        number(n.get("hardLimit")))),
                map(extra.apply("dockerLabels")),
                objects(extra.apply("extraHosts"), n -> new HostEntry(text(n.get("hostname")), text(n.get("ipAddress")))),
                strings(extra.apply("dnsServers")), strings(extra.apply("dnsSearchDomains")),
                linux(extra.apply("linuxParameters")),
                objects(extra.apply("environmentFiles"), n -> new EnvironmentFile(text(n.get("value")), text(n.get("type")))),
                objects(extra.apply("systemControls"), n -> new SystemControl(text(n.get("namespace")),
                        text(n.get("value")))),
                bool(extra.apply("pseudoTerminal")), bool(extra.apply("interactive")),
                bool(extra.apply("disableNetworking")), strings(extra.apply("dockerSecurityOptions")),
                objects(extra.apply("resourceRequirements"), n -> new ResourceRequirement(text(n.get("type")),
                        text(n.get("value")))),
                restart(extra.apply("restartPolicy")));
    }

    /** The options of a registered or configured container. */
    public static ContainerOptions of(ContainerDefinition c) {
        return of(c::extra);
    }

    /** The options of a container given as one JSON object (its container definition). */
    public static ContainerOptions ofJson(JsonNode container) {
        return of(container::get);
    }

    public boolean is(Boolean flag) {
        return Boolean.TRUE.equals(flag);
    }

    /** How many GPUs the container asks for (0 when none). */
    public int gpus() {
        int n = 0;
        for (ResourceRequirement r : resourceRequirements) {
            if ("GPU".equals(r.type()) && r.value() != null && r.value().trim().matches("\\d{1,6}")) {
                n += Integer.parseInt(r.value().trim());
            }
        }
        return n;
    }

    private static RestartPolicy restart(JsonNode n) {
        if (!present(n)) return null;
        List<Integer> ignored = new ArrayList<>();
        JsonNode codes = n.get("ignoredExitCodes");
        if (present(codes) && codes.isArray()) for (JsonNode c : codes) if (integer(c) != null) ignored.add(integer(c));
        return new RestartPolicy(bool(n.get("enabled")), ignored, integer(n.get("restartAttemptPeriod")));
    }

    private static LinuxParameters linux(JsonNode n) {
        if (!present(n)) return null;
        JsonNode caps = n.get("capabilities");
        return new LinuxParameters(bool(n.get("initProcessEnabled")),
                present(caps) ? strings(caps.get("add")) : List.of(), present(caps) ? strings(caps.get("drop")) : List.of(),
                integer(n.get("sharedMemorySize")),
                objects(n.get("tmpfs"), t -> new Tmpfs(text(t.get("containerPath")), integer(t.get("size")),
                        strings(t.get("mountOptions")))),
                objects(n.get("devices"), d -> new Device(text(d.get("hostPath")), text(d.get("containerPath")),
                        strings(d.get("permissions")))),
                integer(n.get("maxSwap")), integer(n.get("swappiness")));
    }

    private static boolean present(JsonNode n) {
        return n != null && !n.isNull() && !n.isMissingNode();
    }

    private static String text(JsonNode n) {
        return present(n) ? n.asText() : null;
    }

    private static Boolean bool(JsonNode n) {
        return present(n) ? (n.isBoolean() ? n.booleanValue() : Boolean.parseBoolean(n.asText())) : null;
    }

    private static Long number(JsonNode n) {
        if (!present(n)) return null;
        try {
            return n.isNumber() ? n.longValue() : Long.valueOf(n.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer integer(JsonNode n) {
        Long v = number(n);
        return v == null || v > Integer.MAX_VALUE || v < Integer.MIN_VALUE ? null : v.intValue();
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (present(n) && n.isArray()) for (JsonNode s : n) if (present(s)) out.add(s.asText());
        return List.copyOf(out);
    }

    private static Map<String, String> map(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        if (present(n) && n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), present(e.getValue()) ? e.getValue().asText() : "");
            }
        }
        return Map.copyOf(out);
    }

    private static <T> List<T> objects(JsonNode n, Function<JsonNode, T> read) {
        List<T> out = new ArrayList<>();
        if (present(n) && n.isArray()) for (JsonNode o : n) if (o.isObject()) out.add(read.apply(o));
        return List.copyOf(out);
    }
}
