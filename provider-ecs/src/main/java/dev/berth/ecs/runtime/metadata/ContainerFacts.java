package dev.berth.ecs.runtime.metadata;

import java.util.List;
import java.util.Map;

/**
 * One task container as its engine reports it, for the metadata documents. Null leaves a field
 * out, as ECS leaves out what has not happened yet (no {@code StartedAt} before the start).
 *
 * @param name          the container's name in the task definition
 * @param knownStatus   ECS's container status: PENDING, RUNNING or STOPPED
 * @param cpu           the CPU shares it runs with
 * @param memoryMiB     its hard memory limit in MiB, or 0 when it has none
 * @param networkMode   ECS's network mode of the task
 * @param ipv4Addresses the addresses of its namespace on the task's network (none in none mode)
 */
public record ContainerFacts(String name, String dockerId, String dockerName, String image, String imageId,
                             Map<String, String> labels, String knownStatus, Integer exitCode, int cpu,
                             long memoryMiB, String createdAt, String startedAt, String finishedAt,
                             String logDriver, Map<String, String> logOptions, String networkMode,
                             List<String> ipv4Addresses, String macAddress) {
    public ContainerFacts {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        logOptions = logOptions == null ? Map.of() : Map.copyOf(logOptions);
        ipv4Addresses = ipv4Addresses == null ? List.of() : List.copyOf(ipv4Addresses);
    }
}
