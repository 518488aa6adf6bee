package dev.berth.ecs.taskdef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** ECS's rules for port mappings' {@code name}, {@code appProtocol} and {@code containerPortRange}. */
final class PortMappingRules {
    private static final Pattern NAME = Pattern.compile("[a-z0-9_][a-z0-9_-]{0,63}");
    private static final Set<String> APP_PROTOCOLS = Set.of("http", "http2", "grpc");
    private static final int MAX_RANGES = 100;

    private PortMappingRules() {
    }

    /** One broken rule: container index, port mapping index, field, message. */
    record Problem(int container, int port, String field, String message) {
    }

    /** {@code networkMode} null: not yet known. */
    static List<Problem> check(List<ContainerDefinition> containers, String networkMode) {
        List<Problem> out = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < containers.size(); i++) {
            ContainerDefinition c = containers.get(i);
            String label = c.name() == null ? "Container " + (i + 1) : "Container \"" + c.name() + "\"";
            int ranges = 0;
            for (int j = 0; j < c.portMappings().size(); j++) {
                PortMapping p = c.portMappings().get(j);
                if (p.name() != null) {
                    if (!NAME.matcher(p.name()).matches()) {
                        out.add(new Problem(i, j, "name", label + ": port mapping name \"" + p.name() + "\" must be up "
                                + "to 64 lowercase letters, numbers, underscores and hyphens, not starting with a hyphen."));
                    } else if (names.putIfAbsent(p.name(), label) != null) {
                        out.add(new Problem(i, j, "name", label + ": port mapping name \"" + p.name()
                                + "\" is used twice; port mapping names must be unique within a task definition."));
                    }
                }
                if (p.appProtocol() != null && !APP_PROTOCOLS.contains(p.appProtocol())) {
                    out.add(new Problem(i, j, "appProtocol", label + ": appProtocol \"" + p.appProtocol()
                            + "\" is not one of http, http2, grpc."));
                }
                if (p.containerPortRange() == null) continue;
                ranges++;
                if (networkMode != null && !networkMode.equals("bridge") && !networkMode.equals("awsvpc")) {
                    out.add(new Problem(i, j, "containerPortRange", "containerPortRange is only supported when "
                            + "networkMode=bridge or networkMode=awsvpc, not " + networkMode + "."));
                }
                if (p.range() == null) {
                    out.add(new Problem(i, j, "containerPortRange", label + ": containerPortRange \""
                            + p.containerPortRange() + "\" must be FROM-TO with 1 <= FROM < TO <= 65535."));
                }
                if (p.containerPort() != null) {
                    out.add(new Problem(i, j, "containerPort", label + ": a port mapping sets either containerPort "
                            + "or containerPortRange, not both."));
                }
                if (p.hostPort() != null) {
                    out.add(new Problem(i, j, "hostPort", label + ": a port mapping with a containerPortRange has "
                            + "no hostPort; ECS chooses the host ports."));
                }
            }
            if (ranges > MAX_RANGES) {
                out.add(new Problem(i, 0, "containerPortRange", label + ": at most " + MAX_RANGES
                        + " port ranges per container."));
            }
        }
        return out;
    }
}
