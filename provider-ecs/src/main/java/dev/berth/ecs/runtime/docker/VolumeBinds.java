package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.api.model.VolumesFrom;
import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.ContainerVolumes;
import dev.berth.ecs.runtime.RuntimeFailure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A container's mount points and volumesFrom on its Docker host config. Mounts are binds, as ECS's
 * agent writes them: a host path is bound as it is (Docker makes a missing directory), a
 * Docker volume by its name.
 */
final class VolumeBinds {
    private VolumeBinds() {
    }

    static void apply(HostConfig host, String taskArn, ContainerLaunch c, Map<String, String> sources) {
        ContainerVolumes v = c.volumes();
        if (!v.mounts().isEmpty()) {
            List<Bind> binds = new ArrayList<>();
            for (ContainerVolumes.Mount m : v.mounts()) {
                String source = sources.get(m.volume());
                if (source == null) {
                    // Registration refuses this; a launch built by hand still gets a sentence.
                    throw new RuntimeFailure("Container \"" + c.name() + "\" mounts volume \"" + m.volume()
                            + "\", which task " + taskArn + " does not define.", null);
                }
                binds.add(new Bind(source, new Volume(m.containerPath()), m.readOnly() ? AccessMode.ro : AccessMode.rw));
            }
            host.withBinds(binds);
        }
        if (!v.volumesFrom().isEmpty()) {
            List<VolumesFrom> from = new ArrayList<>();
            for (ContainerVolumes.From f : v.volumesFrom()) {
                from.add(new VolumesFrom(ContainerNaming.containerName(taskArn, f.container()),
                        f.readOnly() ? AccessMode.ro : AccessMode.rw));
            }
            host.withVolumesFrom(from);
        }
    }
}
