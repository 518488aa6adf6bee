package dev.berth.ecs.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks from the outside, through the API, that no container instance holds more than it
 * registered: for each instance the tasks ListTasks names on it are described in one call, and
 * the cpu and memory their task definitions reserve (task-level sizes, else the sum of the
 * containers') must fit its registered CPU and MEMORY; no host port may appear twice on the
 * instance, and the static host port at most once on the whole engine the instances share.
 * A task that stops between the list and the describe is described STOPPED and not counted, so
 * a sample may miss a brief over-commit but never reports one that did not happen.
 */
final class Reservations {
    private final EcsWire wire;
    private final LoadWorld world;
    private final Map<String, int[]> sizes = new ConcurrentHashMap<>();

    Reservations(EcsWire wire, LoadWorld world) {
        this.wire = wire;
        this.world = world;
    }

    /** One sentence per over-commit seen now; empty when every instance fits. */
    List<String> check() {
        List<String> out = new ArrayList<>();
        ObjectNode d = EcsWire.body().put("cluster", world.cluster);
        world.instances.forEach(d.putArray("containerInstances")::add);
        Map<String, int[]> registered = new HashMap<>();
        for (JsonNode i : wire.call("DescribeContainerInstances", d).path("containerInstances")) {
            registered.put(i.path("containerInstanceArn").asText(), new int[]{resource(i, "CPU"), resource(i, "MEMORY")});
        }
        for (String instance : world.instances) {
            List<String> arns = world.list(EcsWire.body().put("cluster", world.cluster).put("containerInstance", instance));
            if (arns.isEmpty()) continue;
            if (arns.size() > 100) arns = arns.subList(0, 100); // one describe, so one moment; the rest unchecked
            int cpu = 0, memory = 0;
            Set<Integer> ports = new HashSet<>();
            for (JsonNode t : world.describe(arns).values()) {
                if ("STOPPED".equals(t.path("lastStatus").asText())) continue;
                int[] size = size(t.path("taskDefinitionArn").asText());
                cpu += size[0];
                memory += size[1];
                for (JsonNode c : t.path("containers")) {
                    for (JsonNode b : c.path("networkBindings")) {
                        if (!ports.add(b.path("hostPort").asInt())) {
                            out.add(instance + " has host port " + b.path("hostPort").asInt() + " twice");
                        }
                    }
                }
            }
            int[] reg = registered.get(instance);
            if (reg != null && (cpu > reg[0] || memory > reg[1])) {
                out.add(instance + " holds cpu " + cpu + "/" + reg[0] + " and memory " + memory + "/" + reg[1]);
            }
        }
        List<String> onPort = world.list(EcsWire.body().put("cluster", world.cluster).put("family", world.cluster + "-port"));
        long holding = onPort.isEmpty() ? 0 : world.describe(onPort.subList(0, Math.min(100, onPort.size()))).values().stream()
                .filter(t -> !"STOPPED".equals(t.path("lastStatus").asText())).count();
        if (holding > 1) out.add(holding + " tasks hold static host port " + world.staticPort + " on one engine");
        return out;
    }

    private static int resource(JsonNode instance, String name) {
        for (JsonNode r : instance.path("registeredResources")) {
            if (name.equals(r.path("name").asText())) return r.path("integerValue").asInt();
        }
        return Integer.MAX_VALUE;
    }

    /** cpu and memory a task of the definition reserves, as ECS's scheduler counts them. */
    private int[] size(String taskDefinitionArn) {
        return sizes.computeIfAbsent(taskDefinitionArn, arn -> {
            JsonNode td = wire.call("DescribeTaskDefinition", EcsWire.body().put("taskDefinition", arn)).path("taskDefinition");
            int cpu = 0, memory = 0;
            for (JsonNode c : td.path("containerDefinitions")) {
                cpu += c.path("cpu").asInt();
                memory += c.path("memory").asInt(c.path("memoryReservation").asInt());
            }
            if (td.hasNonNull("cpu")) cpu = Integer.parseInt(td.path("cpu").asText());
            if (td.hasNonNull("memory")) memory = Integer.parseInt(td.path("memory").asText());
            return new int[]{cpu, memory};
        });
    }
}
