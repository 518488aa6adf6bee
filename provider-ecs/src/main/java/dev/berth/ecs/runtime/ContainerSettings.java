package dev.berth.ecs.runtime;

import java.util.List;
import java.util.Map;

/**
 * The container options beyond image, limits, ports, environment and command, already in the
 * runtime's terms (MiB, Linux names). {@link #NONE} is a container that sets none of them; null
 * and false mean "Docker's default".
 *
 * @param links          other containers of the task this one reaches by an alias: container name
 *                       to alias (ECS's {@code links}, "name:alias")
 * @param gpus           how many GPUs the container needs (0: none)
 * @param maxSwapMiB     swap on top of the memory limit (0: no swap); null leaves the engine's
 */
public record ContainerSettings(String hostname, String user, String workingDirectory, boolean readonlyRootFilesystem,
                                boolean privileged, List<Ulimit> ulimits, Map<String, String> dockerLabels,
                                List<HostEntry> extraHosts, List<String> dnsServers, List<String> dnsSearchDomains,
                                boolean initProcess, List<String> capabilitiesAdded, List<String> capabilitiesDropped,
                                Integer sharedMemoryMiB, List<Tmpfs> tmpfs, List<Device> devices, Integer maxSwapMiB,
                                Integer swappiness, Map<String, String> sysctls, boolean pseudoTerminal,
                                boolean interactive, boolean networkDisabled, List<String> securityOptions,
                                Map<String, String> links, int gpus) {

    public static final ContainerSettings NONE = new ContainerSettings(null, null, null, false, false, null, null, null,
            null, null, false, null, null, null, null, null, null, null, null, false, false, false, null, null, 0);

    public ContainerSettings {
        ulimits = ulimits == null ? List.of() : List.copyOf(ulimits);
        dockerLabels = dockerLabels == null ? Map.of() : Map.copyOf(dockerLabels);
        extraHosts = extraHosts == null ? List.of() : List.copyOf(extraHosts);
        dnsServers = dnsServers == null ? List.of() : List.copyOf(dnsServers);
        dnsSearchDomains = dnsSearchDomains == null ? List.of() : List.copyOf(dnsSearchDomains);
        capabilitiesAdded = capabilitiesAdded == null ? List.of() : List.copyOf(capabilitiesAdded);
        capabilitiesDropped = capabilitiesDropped == null ? List.of() : List.copyOf(capabilitiesDropped);
        tmpfs = tmpfs == null ? List.of() : List.copyOf(tmpfs);
        devices = devices == null ? List.of() : List.copyOf(devices);
        sysctls = sysctls == null ? Map.of() : Map.copyOf(sysctls);
        securityOptions = securityOptions == null ? List.of() : List.copyOf(securityOptions);
        links = links == null ? Map.of() : Map.copyOf(links);
    }

    /** A resource limit; soft and hard as the kernel counts them (bytes, seconds or a count). */
    public record Ulimit(String name, long soft, long hard) {
    }

    /** One line added to /etc/hosts. */
    public record HostEntry(String hostname, String ipAddress) {
    }

    /** A tmpfs mount; {@code sizeMiB} null leaves the kernel's default size. */
    public record Tmpfs(String containerPath, Integer sizeMiB, List<String> mountOptions) {
        public Tmpfs {
            mountOptions = mountOptions == null ? List.of() : List.copyOf(mountOptions);
        }
    }

    /** A host device exposed to the container; {@code permissions} as Docker's "rwm" letters, null for all. */
    public record Device(String hostPath, String containerPath, String permissions) {
    }
}
