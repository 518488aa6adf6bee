package dev.berth.ecs.runtime.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.ecs.runtime.TaskMetadata;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The JSON documents of ECS's task metadata endpoint version 4, field for field as the ECS
 * agent writes them (see the developer guide's "Task metadata endpoint version 4" examples, kept
 * as test fixtures): the container's own metadata at {@code ${ECS_CONTAINER_METADATA_URI_V4}} and
 * the task's at {@code .../task}. berth pulls no images, so the pull timestamps are absent.
 */
public final class MetadataDocuments {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MetadataDocuments() {
    }

    /** {@code ${ECS_CONTAINER_METADATA_URI_V4}}: one container. */
    public static ObjectNode container(String taskArn, ContainerFacts c) {
        ObjectNode n = JSON.createObjectNode();
        n.put("DockerId", c.dockerId());
        n.put("Name", c.name());
        n.put("DockerName", c.dockerName());
        n.put("Image", c.image());
        n.put("ImageID", c.imageId() == null ? "" : c.imageId());
        if (!c.labels().isEmpty()) n.set("Labels", strings(c.labels()));
        n.put("DesiredStatus", "RUNNING");
        n.put("KnownStatus", c.knownStatus());
        if (c.exitCode() != null) n.put("ExitCode", c.exitCode());
        ObjectNode limits = n.putObject("Limits");
        limits.put("CPU", c.cpu());
        limits.put("Memory", c.memoryMiB());
        putIfKnown(n, "CreatedAt", c.createdAt());
        putIfKnown(n, "StartedAt", c.startedAt());
        putIfKnown(n, "FinishedAt", c.finishedAt());
        n.put("Type", "NORMAL");
        if (c.logDriver() != null && !c.logDriver().isBlank()) {
            n.put("LogDriver", c.logDriver());
            if (!c.logOptions().isEmpty()) n.set("LogOptions", strings(c.logOptions()));
        }
        n.put("ContainerARN", containerArn(taskArn, c.name()));
        n.set("Networks", networks(c));
        return n;
    }

    /** {@code ${ECS_CONTAINER_METADATA_URI_V4}/task}: the task and every container of it. */
    public static ObjectNode task(String taskArn, TaskMetadata t, String knownStatus, List<ContainerFacts> containers) {
        ObjectNode n = JSON.createObjectNode();
        n.put("Cluster", t.clusterArn());
        if (t.serviceName() != null) n.put("ServiceName", t.serviceName());
        n.put("TaskARN", taskArn);
        n.put("Family", t.family());
        // ECS writes the revision as a string here, unlike in its API.
        n.put("Revision", Long.toString(t.revision()));
        n.put("DesiredStatus", "RUNNING");
        n.put("KnownStatus", knownStatus);
        if (t.cpuUnits() != null || t.memoryMiB() != null) {
            ObjectNode limits = n.putObject("Limits");
            // Task-level CPU is in vCPUs (256 units are 0.25), memory in MiB.
            if (t.cpuUnits() != null) {
                limits.put("CPU", new BigDecimal(t.cpuUnits()).divide(new BigDecimal(1024)).doubleValue());
            }
            if (t.memoryMiB() != null) limits.put("Memory", t.memoryMiB());
        }
        if (t.availabilityZone() != null) n.put("AvailabilityZone", t.availabilityZone());
        if (t.launchType() != null) n.put("LaunchType", t.launchType());
        ArrayNode list = n.putArray("Containers");
        for (ContainerFacts c : containers) list.add(container(taskArn, c));
        return n;
    }

    /** The task's known status from its containers', as ECS rolls them up. */
    public static String taskStatus(List<ContainerFacts> containers) {
        if (!containers.isEmpty() && containers.stream().allMatch(c -> "RUNNING".equals(c.knownStatus()))) {
            return "RUNNING";
        }
        return containers.stream().anyMatch(c -> "STOPPED".equals(c.knownStatus())) ? "STOPPED" : "PENDING";
    }

    /** Docker's container state as ECS's container status. */
    public static String containerStatus(String dockerState) {
        if (dockerState == null) return "PENDING";
        return switch (dockerState) {
            case "running", "paused", "restarting" -> "RUNNING";
            case "exited", "dead", "removing" -> "STOPPED";
            default -> "PENDING";
        };
    }

    /**
     * A stable container ARN in ECS's shape, derived from the task ARN and the container's name:
     * {@code arn:aws:ecs:REGION:ACCOUNT:container/CLUSTER/TASK_ID/UUID}.
     */
    static String containerArn(String taskArn, String name) {
        int colon = taskArn.indexOf(":task/");
        if (colon < 0) return null;
        String uuid = UUID.nameUUIDFromBytes((taskArn + "/" + name).getBytes(StandardCharsets.UTF_8)).toString();
        return taskArn.substring(0, colon) + ":container/" + taskArn.substring(colon + ":task/".length()) + "/" + uuid;
    }

    private static ArrayNode networks(ContainerFacts c) {
        ArrayNode list = JSON.createArrayNode();
        ObjectNode net = list.addObject();
        net.put("NetworkMode", c.networkMode());
        ArrayNode ips = net.putArray("IPv4Addresses");
        c.ipv4Addresses().forEach(ips::add);
        if ("awsvpc".equals(c.networkMode())) {
            net.put("AttachmentIndex", 0);
            if (c.macAddress() != null && !c.macAddress().isBlank()) net.put("MACAddress", c.macAddress());
        }
        return list;
    }

    private static ObjectNode strings(Map<String, String> map) {
        ObjectNode n = JSON.createObjectNode();
        new TreeMap<>(map).forEach(n::put);
        return n;
    }

    private static void putIfKnown(ObjectNode n, String field, String value) {
        if (value != null && !value.isBlank()) n.put(field, value);
    }

    /** Compact JSON text of a document. */
    public static String text(JsonNode n) {
        return n.toString();
    }
}
