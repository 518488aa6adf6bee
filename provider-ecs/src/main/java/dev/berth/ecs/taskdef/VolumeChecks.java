package dev.berth.ecs.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.ecs.resource.Diags;
import dev.berth.ecs.schema.TaskDefinitionSchema;
import dev.berth.ecs.taskdef.fields.Field;
import dev.berth.ecs.taskdef.fields.HclFields;
import dev.berth.ecs.taskdef.fields.TaskFields;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link VolumeRules} on a configuration: the task's {@code volume} blocks and its containers'
 * mount points and volumesFrom, each problem pointing at the block or field it is in. Skipped
 * while the volumes or a container's mounts are only known after apply (apply checks again).
 */
public final class VolumeChecks {
    static final String VOLUMES = "volumes";

    private VolumeChecks() {
    }

    public static List<ProviderDiagnostic> check(MapValue config, ContainerSource source) {
        List<ContainerDefinition> cs = source.containers();
        if (cs == null) return List.of();
        List<TaskVolume> volumes = volumes(config);
        if (volumes == null) return List.of();
        List<VolumeRules.Container> containers = new ArrayList<>();
        for (ContainerDefinition c : cs) {
            if (!c.known("mountPoints") || !c.known("volumesFrom")) return List.of();
            containers.add(new VolumeRules.Container(c.name(), ContainerMounts.of(c)));
        }
        List<String> compat = Attrs.strings(Attrs.raw(config, TaskDefinitionSchema.REQUIRES_COMPATIBILITIES));
        boolean fargate = compat != null && compat.contains("FARGATE");
        Field volumeField = Field.find(TaskFields.ALL, VOLUMES);
        List<ProviderDiagnostic> out = new ArrayList<>();
        for (VolumeRules.Problem p : VolumeRules.check(volumes, containers, fargate)) {
            List<Object> path = p.volume() != null ? List.of(volumeField.hcl(), p.volume())
                    : source.path(p.container(), p.field());
            out.add(Diags.error(p.message(), path));
        }
        return out;
    }

    /** The configuration's volumes as ECS's JSON reads them, or null while they are unknown. */
    static List<TaskVolume> volumes(MapValue config) {
        Field f = Field.find(TaskFields.ALL, VOLUMES);
        Value v = Attrs.raw(config, f.hcl());
        if (v.isNull()) return List.of();
        if (!v.isWhollyKnown()) return null;
        JsonNode json = HclFields.toJson(config, List.of(f), List.of()).json().get(VOLUMES);
        return TaskVolume.list(json);
    }
}
