package dev.berth.ecs.taskdef.fields;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.ecs.store.Json;
import dev.berth.ecs.store.TaskDefinitionRow;

import java.util.List;

import static dev.berth.ecs.taskdef.fields.Field.bool;
import static dev.berth.ecs.taskdef.fields.Field.integer;
import static dev.berth.ecs.taskdef.fields.Field.nameValues;
import static dev.berth.ecs.taskdef.fields.Field.object;
import static dev.berth.ecs.taskdef.fields.Field.objects;
import static dev.berth.ecs.taskdef.fields.Field.string;
import static dev.berth.ecs.taskdef.fields.Field.stringMap;

/**
 * The task-level fields of ECS's RegisterTaskDefinition beyond the ones berth has always had
 * (family, cpu, memory, networkMode, requiresCompatibilities, the role ARNs, containers and
 * tags). HCL names follow terraform-provider-aws's {@code aws_ecs_task_definition}, which
 * spells some of them its own way ({@code volume}, {@code host_path}, {@code size_in_gib}).
 */
public final class TaskFields {
    public static final List<Field> ALL = List.of(
            objects("volumes",
                    string("name"),
                    object("host", string("sourcePath")).flatInHcl("host_path"),
                    object("dockerVolumeConfiguration", string("scope"), bool("autoprovision"), string("driver"),
                            stringMap("driverOpts"), stringMap("labels")),
                    object("efsVolumeConfiguration", string("fileSystemId"), string("rootDirectory"),
                            string("transitEncryption"), integer("transitEncryptionPort"),
                            object("authorizationConfig", string("accessPointId"), string("iam")))
                            .refused("there is no EFS here; use a host_path or docker_volume_configuration volume."),
                    object("fsxWindowsFileServerVolumeConfiguration", string("fileSystemId"), string("rootDirectory"),
                            object("authorizationConfig", string("credentialsParameter"), string("domain")))
                            .refused("there is no FSx here; use a host_path or docker_volume_configuration volume."),
                    bool("configuredAtLaunch").hcl("configure_at_launch")).hcl("volume"),
            objects("placementConstraints", string("type"), string("expression")),
            string("pidMode"),
            string("ipcMode"),
            object("proxyConfiguration", string("type"), string("containerName"), nameValues("properties"))
                    .refused("App Mesh's proxy needs the ECS agent's traffic redirection (iptables rules in the "
                            + "task's namespace), which berth does not set up; run the proxy as a container and "
                            + "address it directly."),
            objects("inferenceAccelerators", string("deviceName"), string("deviceType")).hcl("inference_accelerator")
                    .refused("Elastic Inference accelerators do not exist outside AWS (and AWS retired them)."),
            // Fargate's ephemeral storage: the engine's disk is not capped, so a task gets at least this much.
            object("ephemeralStorage", integer("sizeInGiB").hcl("size_in_gib")),
            object("runtimePlatform", string("operatingSystemFamily"), string("cpuArchitecture")),
            bool("enableFaultInjection"));

    private TaskFields() {
    }

    /** A registered revision's task-level field, or null when the revision does not set it. */
    public static JsonNode get(TaskDefinitionRow row, String json) {
        if (row.taskFields() == null || row.taskFields().isEmpty()) return null;
        JsonNode v = Json.readTree(row.taskFields()).get(json);
        return v == null || v.isNull() ? null : v;
    }
}
