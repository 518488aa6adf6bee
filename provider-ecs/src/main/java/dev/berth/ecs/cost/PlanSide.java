package dev.berth.ecs.cost;

import dev.berth.ecs.schema.TaskDefinitionSchema;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.provider.CostRequests.CostSubject;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The task definitions of one side of a plan (before, or after), so a service on that side is
 * sized by the revision it will run: found by the reference it names (ARN, family:revision or
 * family) or, when that is unknown until apply, by the task definition its configuration refers to.
 */
final class PlanSide {
    /** The HCL name of ECS's runtimePlatform in an ecs_task_definition (a block). */
    static final String RUNTIME_PLATFORM = "runtime_platform";
    private final Map<String, MapValue> byRef = new HashMap<>();
    private final Map<ResourceAddr, List<MapValue>> byResource = new HashMap<>();

    private PlanSide() {
    }

    static PlanSide of(List<CostSubject> subjects, Function<CostSubject, MapValue> side) {
        PlanSide out = new PlanSide();
        for (CostSubject s : subjects) {
            MapValue v = side.apply(s);
            if (v == null || !s.type().equals(TaskDefinitionSchema.TYPE)) continue;
            out.byResource.computeIfAbsent(s.addr().resource(), k -> new ArrayList<>()).add(v);
            for (String key : List.of(TaskDefinitionSchema.ARN, TaskDefinitionSchema.ID, TaskDefinitionSchema.FAMILY)) {
                String ref = Attrs.string(v, key);
                if (ref != null) out.byRef.putIfAbsent(ref, v);
            }
        }
        return out;
    }

    /**
     * The size of the task definition a service on this side names; {@code lookup} asks the
     * control plane about one the plan does not hold.
     */
    Sizing sizeOf(MapValue service, List<ResourceAddr> upstream, TaskDefinitionSizes.Lookup lookup) {
        if (!Attrs.unknown(service, "task_definition")) {
            String ref = Attrs.string(service, "task_definition");
            if (ref == null) return Sizing.unknown("the service names no task definition");
            MapValue td = byRef.get(ref);
            return td != null ? sizing(td) : lookup.find(ref);
        }
        List<MapValue> referred = new ArrayList<>();
        for (ResourceAddr a : upstream) referred.addAll(byResource.getOrDefault(a, List.of()));
        if (referred.size() == 1) return sizing(referred.get(0));
        return Sizing.unknown("its task definition is known only after apply");
    }

    /** The size of a planned or recorded {@code ecs_task_definition}. */
    static Sizing sizing(MapValue td) {
        String name = Attrs.string(td, TaskDefinitionSchema.FAMILY);
        if (Attrs.unknown(td, TaskDefinitionSchema.CPU) || Attrs.unknown(td, TaskDefinitionSchema.MEMORY)
                || Attrs.unknown(td, RUNTIME_PLATFORM)) {
            return Sizing.unknown("the size of task definition " + name + " is known only after apply");
        }
        List<Value> platform = Attrs.items(td, RUNTIME_PLATFORM);
        String arch = platform.isEmpty() || !(platform.get(0).unmarked() instanceof MapValue p) ? null
                : Attrs.string(p, "cpu_architecture");
        return Sizing.of(name, Attrs.string(td, TaskDefinitionSchema.CPU), Attrs.string(td, TaskDefinitionSchema.MEMORY),
                arch);
    }
}
