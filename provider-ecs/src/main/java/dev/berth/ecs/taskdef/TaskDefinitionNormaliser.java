package dev.berth.ecs.taskdef;

import dev.berth.ecs.value.Attrs;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static dev.berth.ecs.schema.TaskDefinitionSchema.CONTAINER;
import static dev.berth.ecs.schema.TaskDefinitionSchema.CONTAINER_DEFINITIONS;
import static dev.berth.ecs.schema.TaskDefinitionSchema.CPU;
import static dev.berth.ecs.schema.TaskDefinitionSchema.MEMORY;
import static dev.berth.ecs.schema.TaskDefinitionSchema.NETWORK_MODE;
import static dev.berth.ecs.schema.TaskDefinitionSchema.REQUIRES_COMPATIBILITIES;

/**
 * Turns a configuration into the values AWS would store, so that writing the same task
 * definition differently (JSON or blocks, "1 vCPU" or "1024", compatibilities in another order)
 * plans as no change. Values that do not parse are left as written; validation reports them.
 */
public final class TaskDefinitionNormaliser {
    private TaskDefinitionNormaliser() {
    }

    public static MapValue normalise(MapValue config) {
        Map<String, Value> m = new HashMap<>(TaskLevelConfig.normalised(config));
        m.put(CPU, size(config, CPU));
        m.put(MEMORY, size(config, MEMORY));
        Value compat = compatibilities(config);
        m.put(REQUIRES_COMPATIBILITIES, compat);
        m.put(NETWORK_MODE, networkMode(config, compat));
        m.put(CONTAINER_DEFINITIONS, containers(config));
        if (Attrs.raw(config, CONTAINER).isNull()) m.put(CONTAINER, Value.list(List.of()));
        return Attrs.with(config, m);
    }

    private static Value size(MapValue config, String attr) {
        Value v = config.get(attr);
        String text = Attrs.string(v);
        if (text == null) return v;
        Optional<Integer> parsed = attr.equals(CPU) ? TaskSize.cpuUnits(text) : TaskSize.memoryMiB(text);
        return parsed.map(n -> Value.of(String.valueOf(n))).orElse(v);
    }

    /** A set: sorted and without duplicates, so order never shows as a change. */
    private static Value compatibilities(MapValue config) {
        Value v = config.get(REQUIRES_COMPATIBILITIES);
        List<String> items = Attrs.strings(v);
        if (items == null || !v.isWhollyKnown()) return v;
        return Attrs.ofStrings(new ArrayList<>(new TreeSet<>(items)));
    }

    private static Value networkMode(MapValue config, Value compat) {
        Value v = config.get(NETWORK_MODE);
        if (!v.isNull()) return v;
        if (!compat.isWhollyKnown()) return Value.unknown();
        List<String> items = Attrs.strings(compat);
        return Value.of(items != null && items.contains("FARGATE") ? "awsvpc" : "bridge");
    }

    private static Value containers(MapValue config) {
        ContainerSource source = ContainerSource.of(config);
        String canonical = source.canonical();
        if (canonical != null) return Value.of(canonical);
        // Unreadable JSON stays as written (validation reports it); otherwise it is not known yet.
        return source.problems().stream().noneMatch(dev.berth.engine.provider.ProviderDiagnostic::isError) ? Value.unknown() : config.get(CONTAINER_DEFINITIONS);
    }
}
