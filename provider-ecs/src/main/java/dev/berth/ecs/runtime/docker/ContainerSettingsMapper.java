package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.DeviceRequest;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Link;
import com.github.dockerjava.api.model.Ulimit;
import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.ContainerSettings;
import dev.berth.ecs.runtime.TaskLaunch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a container's further options ({@link ContainerSettings}) on its Docker create request,
 * each as ECS's agent maps it. The one addition of berth's own: in bridge mode every container
 * of a task reaches the others by their container names (links scoped to the container, so two
 * tasks of one service on one network never answer for each other).
 */
final class ContainerSettingsMapper {
    private static final long MIB = 1024L * 1024L;

    private ContainerSettingsMapper() {
    }

    static void apply(CreateContainerCmd cmd, HostConfig host, TaskLaunch task, ContainerLaunch c) {
        ContainerSettings s = c.settings();
        if (s.hostname() != null) cmd.withHostName(s.hostname());
        if (s.user() != null) cmd.withUser(s.user());
        if (s.workingDirectory() != null) cmd.withWorkingDir(s.workingDirectory());
        if (s.pseudoTerminal()) cmd.withTty(true);
        if (s.interactive()) cmd.withStdinOpen(true);
        if (s.networkDisabled()) cmd.withNetworkDisabled(true);
        cmd.withLabels(labels(s.dockerLabels(), cmd.getLabels()));
        if (s.readonlyRootFilesystem()) host.withReadonlyRootfs(true);
        if (s.privileged()) host.withPrivileged(true);
        if (!s.ulimits().isEmpty()) {
            host.withUlimits(s.ulimits().stream().map(u -> new Ulimit(u.name(), u.soft(), u.hard())).toList());
        }
        if (!s.extraHosts().isEmpty()) {
            host.withExtraHosts(s.extraHosts().stream().map(h -> h.hostname() + ":" + h.ipAddress())
                    .toArray(String[]::new));
        }
        if (!s.dnsServers().isEmpty()) host.withDns(s.dnsServers());
        if (!s.dnsSearchDomains().isEmpty()) host.withDnsSearch(s.dnsSearchDomains());
        if (s.initProcess()) host.withInit(true);
        if (!s.capabilitiesAdded().isEmpty()) host.withCapAdd(capabilities(s.capabilitiesAdded()));
        if (!s.capabilitiesDropped().isEmpty()) host.withCapDrop(capabilities(s.capabilitiesDropped()));
        if (s.sharedMemoryMiB() != null) host.withShmSize(s.sharedMemoryMiB() * MIB);
        if (!s.tmpfs().isEmpty()) host.withTmpFs(tmpfs(s.tmpfs()));
        if (!s.devices().isEmpty()) host.withDevices(devices(s.devices()));
        // As ECS's agent: swap is counted on top of the hard limit, and swappiness only means
        // something when swap is set.
        if (s.maxSwapMiB() != null && c.memoryMiB() != null) {
            host.withMemorySwap((c.memoryMiB() + (long) s.maxSwapMiB()) * MIB);
            if (s.swappiness() != null) host.withMemorySwappiness(s.swappiness().longValue());
        }
        if (!s.sysctls().isEmpty()) host.withSysctls(new LinkedHashMap<>(s.sysctls()));
        if (!s.securityOptions().isEmpty()) host.withSecurityOpts(s.securityOptions());
        List<Link> links = links(task, c);
        if (!links.isEmpty()) host.withLinks(links);
        if (s.gpus() > 0) {
            // What `docker run --gpus N` sends; an engine without a GPU driver refuses it at start.
            host.withDeviceRequests(List.of(new DeviceRequest().withDriver("").withCount(s.gpus())
                    .withCapabilities(List.of(List.of("gpu")))));
        }
    }

    /** The user's labels under berth's own, so berth's can never be replaced. */
    static Map<String, String> labels(Map<String, String> user, Map<String, String> berths) {
        Map<String, String> out = new LinkedHashMap<>(user);
        if (berths != null) out.putAll(berths);
        return out;
    }

    /**
     * Docker links for a container of a bridge task: the task's other containers under their
     * names, then the definition's own links under their aliases. On a user-defined network a
     * link is an alias resolved only by the linking container, and its target may be created
     * after it, so two containers can link each other.
     */
    static List<Link> links(TaskLaunch task, ContainerLaunch c) {
        // A container without networking resolves nothing and answers nothing.
        if (!"bridge".equalsIgnoreCase(task.networkMode()) || c.settings().networkDisabled()) return List.of();
        Map<String, String> aliasToContainer = new LinkedHashMap<>();
        for (ContainerLaunch other : task.containers()) {
            if (!other.name().equals(c.name()) && !other.settings().networkDisabled()) {
                aliasToContainer.put(other.name(), other.name());
            }
        }
        c.settings().links().forEach((container, alias) -> aliasToContainer.put(alias, container));
        List<Link> out = new ArrayList<>();
        aliasToContainer.forEach((alias, container) ->
                out.add(new Link(ContainerNaming.containerName(task.taskArn(), container), alias)));
        return out;
    }

    static Map<String, String> tmpfs(List<ContainerSettings.Tmpfs> mounts) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ContainerSettings.Tmpfs t : mounts) {
            List<String> options = new ArrayList<>(t.mountOptions());
            if (t.sizeMiB() != null) options.add("size=" + t.sizeMiB() + "m");
            out.put(t.containerPath(), String.join(",", options));
        }
        return out;
    }

    private static List<Device> devices(List<ContainerSettings.Device> devices) {
        return devices.stream().map(d -> new Device(d.permissions() == null ? "rwm" : d.permissions(),
                d.containerPath() == null ? d.hostPath() : d.containerPath(), d.hostPath())).toList();
    }

    private static Capability[] capabilities(List<String> names) {
        return names.stream().map(Capability::valueOf).toArray(Capability[]::new);
    }
}
