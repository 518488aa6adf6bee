package dev.berth.ecs.taskdef;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A container's {@code mountPoints} and {@code volumesFrom}, read from its canonical JSON. Like
 * {@link TaskVolume}, a view over what the field table already checked: absent or null is none.
 */
public record ContainerMounts(List<MountPoint> mountPoints, List<VolumeFrom> volumesFrom) {
    public static final ContainerMounts NONE = new ContainerMounts(List.of(), List.of());

    /** {@code readOnly} absent means read-write, as in ECS. */
    public record MountPoint(String sourceVolume, String containerPath, boolean readOnly) {
    }

    public record VolumeFrom(String sourceContainer, boolean readOnly) {
    }

    public ContainerMounts {
        mountPoints = List.copyOf(mountPoints);
        volumesFrom = List.copyOf(volumesFrom);
    }

    public static ContainerMounts of(JsonNode mountPoints, JsonNode volumesFrom) {
        List<MountPoint> mounts = new ArrayList<>();
        for (JsonNode m : objects(mountPoints)) {
            mounts.add(new MountPoint(TaskVolume.text(m, "sourceVolume"), TaskVolume.text(m, "containerPath"),
                    readOnly(m)));
        }
        List<VolumeFrom> from = new ArrayList<>();
        for (JsonNode f : objects(volumesFrom)) from.add(new VolumeFrom(TaskVolume.text(f, "sourceContainer"), readOnly(f)));
        return new ContainerMounts(mounts, from);
    }

    /** A container's mounts, from the fields the table left outside its typed core. */
    public static ContainerMounts of(ContainerDefinition c) {
        return of(c.extra("mountPoints"), c.extra("volumesFrom"));
    }

    public boolean isEmpty() {
        return mountPoints.isEmpty() && volumesFrom.isEmpty();
    }

    private static boolean readOnly(JsonNode n) {
        JsonNode v = TaskVolume.present(n, "readOnly");
        return v != null && v.asBoolean(false);
    }

    private static List<JsonNode> objects(JsonNode list) {
        List<JsonNode> out = new ArrayList<>();
        if (list == null || !list.isArray()) return out;
        for (JsonNode n : list) if (n != null && n.isObject()) out.add(n);
        return out;
    }
}
