package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.FirelensLaunch;
import dev.berth.ecs.runtime.LogRoute;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.runtime.TaskLaunch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Docker side of a task's FireLens router. ECS's agent binds a host directory at the
 * router's {@code /var/run} and gives the other containers {@code fluentd-address
 * unix://<that directory>/fluent.sock}; berth's directory is the task's socket volume, whose
 * mount point is a path on the engine's own host, so the fluentd driver (which dockerd runs)
 * reaches the socket wherever the engine is. The configuration is copied into the router
 * before it starts, where the agent binds a file.
 */
final class FirelensRouter {
    private final DockerClient client;
    private final FirelensLaunch firelens;
    private final String address;

    private FirelensRouter(DockerClient client, FirelensLaunch firelens, String address) {
        this.client = client;
        this.firelens = firelens;
        this.address = address;
    }

    /** Null when the task has no router; {@code sources} maps task volume names to Docker's. */
    static FirelensRouter of(DockerClient client, TaskLaunch task, Map<String, String> sources) {
        FirelensLaunch f = task.firelens();
        if (f == null) return null;
        String volume = sources.get(f.socketVolume());
        String mountpoint = volume == null ? null : client.inspectVolumeCmd(volume).exec().getMountpoint();
        if (mountpoint == null || mountpoint.isEmpty()) {
            throw new RuntimeFailure("The engine did not say where the FireLens socket volume of task "
                    + task.taskArn() + " lives, so no container can send its logs to the router.", null);
        }
        return new FirelensRouter(client, f, "unix://" + mountpoint + "/" + FirelensLaunch.SOCKET_FILE);
    }

    /** The container as created: a routed one's fluentd driver points at the socket. */
    ContainerLaunch wire(ContainerLaunch c) {
        if (!firelens.routed().contains(c.name()) || c.log() == null) return c;
        Map<String, String> options = new TreeMap<>(c.log().dockerOptions());
        options.put("fluentd-address", address);
        return c.withLog(LogRoute.docker(c.log().dockerDriver(), options));
    }

    /** Puts the configuration file into the router, once it is created and before it starts. */
    void created(ContainerLaunch c, String id) {
        if (!c.name().equals(firelens.router())) return;
        String path = firelens.configPath().substring(1);
        TarArchive tar = new TarArchive();
        String dir = "";
        for (String part : path.substring(0, path.lastIndexOf('/')).split("/")) {
            dir = dir.isEmpty() ? part : dir + "/" + part;
            tar.directory(dir);
        }
        tar.file(path, firelens.config(), 0644);
        try (InputStream in = new ByteArrayInputStream(tar.bytes())) {
            client.copyArchiveToContainerCmd(id).withTarInputStream(in).withRemotePath("/").exec();
        } catch (IOException e) {
            throw new RuntimeFailure("Could not write the FireLens configuration into \"" + c.name() + "\": "
                    + e.getMessage(), e);
        }
    }
}
