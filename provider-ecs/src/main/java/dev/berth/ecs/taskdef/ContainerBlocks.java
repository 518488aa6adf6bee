package dev.berth.ecs.taskdef;

import dev.berth.ecs.value.Attrs;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.berth.ecs.schema.TaskDefinitionSchema.C_COMMAND;
import static dev.berth.ecs.schema.TaskDefinitionSchema.C_CPU;
import static dev.berth.ecs.schema.TaskDefinitionSchema.C_ENTRY_POINT;
import static dev.berth.ecs.schema.TaskDefinitionSchema.C_ENVIRONMENT;
import static dev.berth.ecs.schema.TaskDefinitionSchema.C_ESSENTIAL;
import static dev.berth.ecs.schema.TaskDefinitionSchema.C_HEALTH_CHECK;
import static dev.berth.ecs.schema.TaskDefinitionSchema.C_IMAGE;
import static dev.berth.ecs.schema.TaskDefinitionSchema.H_COMMAND;
import static dev.berth.ecs.schema.TaskDefinitionSchema.H_INTERVAL;
import static dev.berth.ecs.schema.TaskDefinitionSchema.H_RETRIES;
import static dev.berth.ecs.schema.TaskDefinitionSchema.H_START_PERIOD;
import static dev.berth.ecs.schema.TaskDefinitionSchema.H_TIMEOUT;
import static dev.berth.ecs.schema.TaskDefinitionSchema.C_MEMORY;
import static dev.berth.ecs.schema.TaskDefinitionSchema.C_MEMORY_RESERVATION;
import static dev.berth.ecs.schema.TaskDefinitionSchema.C_NAME;
import static dev.berth.ecs.schema.TaskDefinitionSchema.C_PORT_MAPPINGS;
import static dev.berth.ecs.schema.TaskDefinitionSchema.P_CONTAINER_PORT;
import static dev.berth.ecs.schema.TaskDefinitionSchema.P_HOST_PORT;
import static dev.berth.ecs.schema.TaskDefinitionSchema.P_PROTOCOL;

/**
 * Reads berth's snake_case {@code container} blocks into the same model the JSON form gives.
 * Values that are unknown are recorded by field name; numbers that are not whole are reported.
 */
public final class ContainerBlocks {
    private ContainerBlocks() {
    }

    public record Read(List<ContainerDefinition> containers, List<BadNumber> badNumbers) {
    }

    /** A number that is not a whole number; {@code path} is relative to the resource. */
    public record BadNumber(List<Object> path, String value) {
    }

    public static Read read(List<Value> blocks) {
        List<ContainerDefinition> out = new ArrayList<>();
        List<BadNumber> bad = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            MapValue b = blocks.get(i).unmarked() instanceof MapValue m ? m : MapValue.EMPTY;
            out.add(container(b, i, bad));
        }
        return new Read(out, bad);
    }

    private static ContainerDefinition container(MapValue b, int i, List<BadNumber> bad) {
        Set<String> unknown = new HashSet<>();
        note(b, C_NAME, "name", unknown);
        note(b, C_IMAGE, "image", unknown);
        note(b, C_CPU, "cpu", unknown);
        note(b, C_MEMORY, "memory", unknown);
        note(b, C_MEMORY_RESERVATION, "memoryReservation", unknown);
        note(b, C_ESSENTIAL, "essential", unknown);
        note(b, C_ENTRY_POINT, "entryPoint", unknown);
        note(b, C_COMMAND, "command", unknown);
        note(b, C_ENVIRONMENT, "environment", unknown);
        note(b, C_PORT_MAPPINGS, "portMappings", unknown);

        List<PortMapping> ports = new ArrayList<>();
        List<Value> pms = Attrs.items(b, C_PORT_MAPPINGS);
        for (int j = 0; j < pms.size(); j++) {
            MapValue p = pms.get(j).unmarked() instanceof MapValue m ? m : MapValue.EMPTY;
            List<Object> at = List.of("container", i, C_PORT_MAPPINGS, j);
            ports.add(new PortMapping(whole(p, P_CONTAINER_PORT, at, bad), whole(p, P_HOST_PORT, at, bad),
                    Attrs.string(p, P_PROTOCOL)));
        }
        Map<String, String> env = Attrs.stringMap(Attrs.raw(b, C_ENVIRONMENT));
        if (env != null) env.values().removeIf(v -> v == null);
        List<Object> at = List.of("container", i);
        return new ContainerDefinition(Attrs.string(b, C_NAME), Attrs.string(b, C_IMAGE), whole(b, C_CPU, at, bad),
                whole(b, C_MEMORY, at, bad), whole(b, C_MEMORY_RESERVATION, at, bad), ports, env,
                knownItems(Attrs.strings(Attrs.raw(b, C_ENTRY_POINT))), knownItems(Attrs.strings(Attrs.raw(b, C_COMMAND))),
                Attrs.bool(Attrs.raw(b, C_ESSENTIAL)), unknown, healthCheck(b, at, bad, unknown));
    }

    private static HealthCheck healthCheck(MapValue b, List<Object> container, List<BadNumber> bad, Set<String> unknown) {
        List<Value> blocks = Attrs.items(b, C_HEALTH_CHECK);
        if (blocks.isEmpty()) return null;
        MapValue h = blocks.get(0).unmarked() instanceof MapValue m ? m : MapValue.EMPTY;
        if (Attrs.unknown(h, H_COMMAND) || Attrs.unknown(h, H_INTERVAL) || Attrs.unknown(h, H_TIMEOUT)
                || Attrs.unknown(h, H_RETRIES) || Attrs.unknown(h, H_START_PERIOD)) {
            unknown.add("healthCheck");
        }
        List<Object> at = new ArrayList<>(container);
        at.add(C_HEALTH_CHECK);
        at.add(0);
        return new HealthCheck(knownItems(Attrs.strings(Attrs.raw(h, H_COMMAND))), whole(h, H_INTERVAL, at, bad),
                whole(h, H_TIMEOUT, at, bad), whole(h, H_RETRIES, at, bad), whole(h, H_START_PERIOD, at, bad));
    }

    /** Unknown elements are dropped; the field is already recorded as unknown. */
    private static List<String> knownItems(List<String> items) {
        if (items == null) return null;
        List<String> out = new ArrayList<>(items);
        out.removeIf(s -> s == null);
        return out;
    }

    private static void note(MapValue b, String attr, String field, Set<String> unknown) {
        if (Attrs.unknown(b, attr)) unknown.add(field);
    }

    private static Integer whole(MapValue obj, String key, List<Object> at, List<BadNumber> bad) {
        BigDecimal n = Attrs.number(obj, key);
        if (n == null) return null;
        try {
            return n.intValueExact();
        } catch (ArithmeticException e) {
            List<Object> path = new ArrayList<>(at);
            path.add(key);
            bad.add(new BadNumber(path, n.toPlainString()));
            return null;
        }
    }
}
