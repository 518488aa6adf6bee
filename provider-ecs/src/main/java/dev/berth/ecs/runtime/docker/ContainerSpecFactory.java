package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.PortBinding;
import dev.berth.ecs.runtime.TaskLaunch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the Docker create request for one container of a task. */
final class ContainerSpecFactory {
    static final String LOOPBACK = "127.0.0.1";
    private static final long MIB = 1024L * 1024L;

    private ContainerSpecFactory() {
    }

    /**
     * @param networkMode Docker's network mode for this container: a network name,
     *                    {@code container:<id>}, {@code host} or {@code none}
     * @param publish     the port mappings this container publishes; in awsvpc mode the first
     *                    container publishes those of the whole task
     */
    static CreateContainerCmd command(DockerClient client, TaskLaunch task, ContainerLaunch c, String networkMode,
                                      List<PortBinding> publish) {
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode(networkMode)
                // berth's agent replaces failed tasks the way ECS does; Docker restarting them
                // behind its back would hide the failure.
                .withRestartPolicy(RestartPolicy.noRestart());
        if (c.cpuShares() != null) {
            host.withCpuShares(c.cpuShares());
        }
        if (c.memoryMiB() != null) {
            host.withMemory(c.memoryMiB() * MIB);
        }
        if (c.memoryReservationMiB() != null) {
            host.withMemoryReservation(c.memoryReservationMiB() * MIB);
        }
        CreateContainerCmd cmd = client.createContainerCmd(c.image())
                .withName(ContainerNaming.containerName(task.taskArn(), c.name()))
                .withLabels(ContainerNaming.labels(task.labels(), task.taskArn(), c.name()))
                .withEnv(environment(c.environment()));
        if (!publish.isEmpty()) {
            Ports ports = new Ports();
            Set<ExposedPort> exposed = new LinkedHashSet<>();
            for (PortBinding p : publish) {
                ExposedPort port = exposedPort(p);
                exposed.add(port);
                // Always on loopback: berth never exposes tasks beyond this machine.
                ports.bind(port, p.hostPort() == 0 ? Ports.Binding.bindIp(LOOPBACK)
                        : Ports.Binding.bindIpAndPort(LOOPBACK, p.hostPort()));
            }
            host.withPortBindings(ports);
            cmd.withExposedPorts(new ArrayList<>(exposed));
        }
        if (c.entryPoint() != null) {
            cmd.withEntrypoint(c.entryPoint());
        }
        if (c.command() != null) {
            cmd.withCmd(c.command());
        }
        if (c.health() != null) {
            cmd.withHealthcheck(HealthConfigs.of(c.health()));
        }
        ContainerSettingsMapper.apply(cmd, host, task, c);
        return cmd.withHostConfig(host);
    }

    static ExposedPort exposedPort(PortBinding p) {
        String protocol = p.protocol() == null || p.protocol().isBlank() ? "tcp" : p.protocol().toLowerCase();
        return new ExposedPort(p.containerPort(), InternetProtocol.parse(protocol));
    }

    private static List<String> environment(Map<String, String> env) {
        List<String> list = new ArrayList<>(env.size());
        env.forEach((k, v) -> list.add(k + "=" + (v == null ? "" : v)));
        return list;
    }
}
