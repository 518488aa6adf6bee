package dev.berth.ecs.task;

import dev.berth.ecs.logs.LogRouting;
import dev.berth.ecs.resource.EcsLabels;
import dev.berth.ecs.runtime.ContainerLaunch;
import dev.berth.ecs.runtime.PortBinding;
import dev.berth.ecs.runtime.TaskLaunch;
import dev.berth.ecs.runtime.TaskMetadata;
import dev.berth.ecs.runtime.TaskPlatform;
import dev.berth.ecs.task.firelens.FirelensWiring;
import dev.berth.ecs.taskdef.ContainerDefinition;
import dev.berth.ecs.taskdef.ContainerOrder;
import dev.berth.ecs.taskdef.LogConfiguration;
import dev.berth.ecs.taskdef.ContainerSecrets;
import dev.berth.ecs.taskdef.ContainerMounts;
import dev.berth.ecs.taskdef.ContainerOptions;
import dev.berth.ecs.taskdef.TaskVolume;
import dev.berth.ecs.taskdef.fields.TaskFields;
import dev.berth.ecs.taskdef.PortMapping;
import dev.berth.ecs.taskdef.TaskSize;
import dev.berth.ecs.store.TaskDefinitionRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Translates a task definition from ECS terms into what the container runtime launches. */
public final class LaunchTranslator {
    /**
     * Docker's smallest CPU share. The ECS agent (1.2.0 on) passes a null, 0 or 1 cpu to Docker
     * as 2 shares, so a container without cpu gets 2, not Docker's default of 1024.
     */
    public static final int MIN_CPU_SHARES = 2;

    private LaunchTranslator() {
    }

    public static TaskLaunch launch(String taskArn, String network, TaskDefinitionRow td, Map<String, String> labels) {
        return launch(taskArn, network, td, labels, null, null);
    }

    /** With where the task runs, for its metadata endpoint (both may be null). */
    public static TaskLaunch launch(String taskArn, String network, TaskDefinitionRow td, Map<String, String> labels,
                                    String launchType, String availabilityZone) {
        List<ContainerLaunch> containers = new ArrayList<>();
        for (ContainerDefinition c : ContainerDefinition.of(td)) {
            containers.add(container(c, ContainerOptions.of(c), System.getenv())
                    .withLog(LogRouting.route(LogConfiguration.of(c), taskArn, c.name())));
        }
        List<TaskVolume> volumes = TaskVolume.list(TaskFields.get(td, "volumes"));
        TaskLaunch launch = new TaskLaunch(taskArn, network, td.networkMode(), labels,
                VolumeTranslation.sourcesFirst(containers), VolumeTranslation.volumes(volumes), platform(td),
                metadata(td, labels, launchType, availabilityZone));
        String cluster = labels.get(EcsLabels.CLUSTER);
        return FirelensWiring.wire(launch, ContainerDefinition.of(td),
                cluster == null ? null : cluster.substring(cluster.lastIndexOf('/') + 1),
                td.family() + ":" + td.revision());
    }

    static TaskMetadata metadata(TaskDefinitionRow td, Map<String, String> labels, String launchType, String zone) {
        String service = labels.get(EcsLabels.SERVICE);
        return new TaskMetadata(labels.get(EcsLabels.CLUSTER), td.family(), td.revision(),
                td.cpu() == null ? null : TaskSize.cpuUnits(td.cpu()).orElse(null),
                td.memory() == null ? null : TaskSize.memoryMiB(td.memory()).orElse(null), launchType, zone,
                td.taskRoleArn(), service == null ? null : service.substring(service.lastIndexOf('/') + 1));
    }

    /** The CPU shares Docker gets for a container's cpu units, as the ECS agent sets them. */
    public static int cpuShares(Integer cpu) {
        return cpu == null ? MIN_CPU_SHARES : Math.max(MIN_CPU_SHARES, cpu);
    }

    static TaskPlatform platform(TaskDefinitionRow td) {
        com.fasterxml.jackson.databind.JsonNode arch = TaskFields.get(td, "runtimePlatform");
        com.fasterxml.jackson.databind.JsonNode pid = TaskFields.get(td, "pidMode"), ipc = TaskFields.get(td, "ipcMode");
        return new TaskPlatform(pid == null ? null : pid.asText(), ipc == null ? null : ipc.asText(),
                arch == null || !arch.has("cpuArchitecture") ? null : arch.get("cpuArchitecture").asText());
    }

    static ContainerLaunch container(ContainerDefinition c) {
        return container(c, ContainerOptions.NONE, Map.of());
    }

    /** {@code processEnv} locates environment files ({@code BERTH_S3_DIR}, {@code XDG_DATA_HOME}). */
    static ContainerLaunch container(ContainerDefinition c, ContainerOptions o, Map<String, String> processEnv) {
        Integer shares = cpuShares(c.cpu());
        List<PortBinding> ports = new ArrayList<>();
        for (PortMapping p : PortMapping.expand(c.portMappings())) {
            ports.add(new PortBinding(p.containerPort(), p.hostPort() == null ? 0 : p.hostPort(), p.effectiveProtocol()));
        }
        Map<String, String> env = EnvironmentFiles.merge(c.name(), o.environmentFiles(), c.environment(), processEnv);
        return new ContainerLaunch(c.name(), c.image(), shares, c.memory(), c.memoryReservation(), ports,
                env, c.entryPoint(), c.command(), c.effectiveEssential(), health(c.healthCheck()),
                VolumeTranslation.container(ContainerMounts.of(c)), SettingsTranslator.settings(o), null,
                ContainerOrder.of(c).lifecycle(), ContainerSecrets.of(c).byVariable());
    }

    static dev.berth.ecs.runtime.HealthProbe health(dev.berth.ecs.taskdef.HealthCheck h) {
        if (h == null) return null;
        return new dev.berth.ecs.runtime.HealthProbe(h.command(), h.effectiveInterval(), h.effectiveTimeout(),
                h.effectiveRetries(), h.effectiveStartPeriod());
    }
}
