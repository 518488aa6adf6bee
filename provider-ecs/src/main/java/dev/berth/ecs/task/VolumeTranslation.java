package dev.berth.ecs.task;

import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.ContainerVolumes;
import dev.berth.ecs.runtime.VolumeLaunch;
import dev.berth.ecs.taskdef.ContainerMounts;
import dev.berth.ecs.taskdef.TaskVolume;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ECS's volumes, mount points and volumesFrom in the runtime's terms. A host volume with a
 * sourcePath is a bind mount; one without (ECS's empty volume) is a volume of the task's own; a
 * Docker volume keeps its scope. Kinds berth cannot provide were refused at registration.
 */
final class VolumeTranslation {
    private VolumeTranslation() {
    }

    static List<VolumeLaunch> volumes(List<TaskVolume> volumes) {
        List<VolumeLaunch> out = new ArrayList<>();
        for (TaskVolume v : volumes) {
            if (v.unsupported() != null || v.name() == null) continue;
            if (v.bindMount()) {
                out.add(VolumeLaunch.bind(v.name(), v.sourcePath()));
            } else if (v.docker() == null) {
                out.add(VolumeLaunch.empty(v.name()));
            } else {
                TaskVolume.DockerVolume d = v.docker();
                out.add(new VolumeLaunch(v.name(), d.shared() ? VolumeLaunch.Kind.SHARED : VolumeLaunch.Kind.TASK, null,
                        d.effectiveDriver(), d.driverOpts(), d.labels(), d.effectiveAutoprovision()));
            }
        }
        return out;
    }

    static ContainerVolumes container(ContainerMounts m) {
        if (m == null || m.isEmpty()) return ContainerVolumes.NONE;
        List<ContainerVolumes.Mount> mounts = new ArrayList<>();
        for (ContainerMounts.MountPoint p : m.mountPoints()) {
            mounts.add(new ContainerVolumes.Mount(p.sourceVolume(), p.containerPath(), p.readOnly()));
        }
        List<ContainerVolumes.From> from = new ArrayList<>();
        for (ContainerMounts.VolumeFrom f : m.volumesFrom()) {
            from.add(new ContainerVolumes.From(f.sourceContainer(), f.readOnly()));
        }
        return new ContainerVolumes(mounts, from);
    }

    /**
     * The containers in definition order, except that a container whose volumes another takes
     * comes before it: Docker needs the source to exist when the taker is created. Registration
     * refuses cycles; any left keep their definition order.
     */
    static List<ContainerLaunch> sourcesFirst(List<ContainerLaunch> containers) {
        Map<String, ContainerLaunch> byName = new LinkedHashMap<>();
        for (ContainerLaunch c : containers) byName.putIfAbsent(c.name(), c);
        List<ContainerLaunch> out = new ArrayList<>();
        Set<String> placed = new HashSet<>(), visiting = new HashSet<>();
        for (ContainerLaunch c : containers) place(c, byName, placed, visiting, out);
        return out;
    }

    private static void place(ContainerLaunch c, Map<String, ContainerLaunch> byName, Set<String> placed,
                              Set<String> visiting, List<ContainerLaunch> out) {
        if (placed.contains(c.name()) || !visiting.add(c.name())) return;
        for (ContainerVolumes.From f : c.volumes().volumesFrom()) {
            ContainerLaunch source = byName.get(f.container());
            if (source != null) place(source, byName, placed, visiting, out);
        }
        placed.add(c.name());
        out.add(c);
    }
}
