package dev.berth.ecs.taskdef.fields;

import dev.berth.engine.value.Value;

import java.util.List;

import static dev.berth.ecs.taskdef.fields.Field.bool;
import static dev.berth.ecs.taskdef.fields.Field.integer;
import static dev.berth.ecs.taskdef.fields.Field.integers;
import static dev.berth.ecs.taskdef.fields.Field.nameValues;
import static dev.berth.ecs.taskdef.fields.Field.object;
import static dev.berth.ecs.taskdef.fields.Field.objects;
import static dev.berth.ecs.taskdef.fields.Field.string;
import static dev.berth.ecs.taskdef.fields.Field.stringMap;
import static dev.berth.ecs.taskdef.fields.Field.strings;

/**
 * Every field of ECS's ContainerDefinition (botocore's ECS model, 2014-11-13), in ECS's order.
 * The JSON form, the HCL {@code container} blocks, the canonical form and the block schema all
 * come from this one table. A field marked pending is refused by name until berth honours it.
 */
public final class ContainerFields {
    /** ECS's Secret: both parts required; valueFrom is a secret's NAME or an ARN (see dev.berth.ecs.secret). */
    private static Field secret(String json) {
        return objects(json, string("name").required(), string("valueFrom").required());
    }

    public static final List<Field> ALL = List.of(
            string("name").required(),
            string("image").required(),
            object("repositoryCredentials", string("credentialsParameter"))
                    .refused("berth pulls from registries the Docker engine is logged in to."),
            integer("cpu").describe("CPU units (1024 per vCPU)."),
            integer("memory").describe("Hard limit in MiB."),
            integer("memoryReservation").describe("Soft limit in MiB."),
            strings("links"),
            objects("portMappings", integer("containerPort"),
                    integer("hostPort").describe("bridge: host port on 127.0.0.1 (0 or unset: a free one per task); "
                            + "awsvpc and host: the container port, as ECS fills it in."),
                    string("protocol").hclDefault(Value.of("tcp")),
                    string("name"), string("appProtocol"), string("containerPortRange")),
            bool("essential").hclDefault(Value.of(true)),
            object("restartPolicy", bool("enabled"), integers("ignoredExitCodes"), integer("restartAttemptPeriod")),
            strings("entryPoint"),
            strings("command"),
            nameValues("environment"),
            objects("environmentFiles", string("value"), string("type")),
            objects("mountPoints", string("sourceVolume"), string("containerPath"), bool("readOnly")),
            objects("volumesFrom", string("sourceContainer"), bool("readOnly")),
            object("linuxParameters",
                    object("capabilities", strings("add"), strings("drop")),
                    objects("devices", string("hostPath"), string("containerPath"), strings("permissions")),
                    bool("initProcessEnabled"), integer("sharedMemorySize"),
                    objects("tmpfs", string("containerPath"), integer("size"), strings("mountOptions")),
                    integer("maxSwap"), integer("swappiness")),
            secret("secrets"),
            objects("dependsOn", string("containerName"), string("condition")),
            integer("startTimeout"),
            integer("stopTimeout"),
            string("versionConsistency").describe("enabled (default): tasks of a deployment run the image digest "
                    + "resolved when it started; disabled: each launch uses the tag as it is then."),
            string("hostname"),
            string("user"),
            string("workingDirectory"),
            bool("disableNetworking"),
            bool("privileged"),
            bool("readonlyRootFilesystem"),
            strings("dnsServers"),
            strings("dnsSearchDomains"),
            objects("extraHosts", string("hostname"), string("ipAddress")),
            strings("dockerSecurityOptions"),
            bool("interactive"),
            bool("pseudoTerminal"),
            stringMap("dockerLabels"),
            objects("ulimits", string("name"), integer("softLimit"), integer("hardLimit")),
            object("logConfiguration", string("logDriver"), stringMap("options"), secret("secretOptions")),
            object("healthCheck", strings("command").required()
                            .describe("[\"CMD-SHELL\", \"command\"] or [\"CMD\", \"executable\", ...]."), integer("interval").describe("Seconds, 5-300 (30)."),
                    integer("timeout").describe("Seconds, 2-60 (5)."), integer("retries").describe("1-10 (3)."),
                    integer("startPeriod").describe("Seconds, 0-300 (0).")),
            objects("systemControls", string("namespace"), string("value")),
            objects("resourceRequirements", string("value"), string("type")),
            object("firelensConfiguration", string("type"), stringMap("options")),
            strings("credentialSpecs").refused("credential specs are for Windows gMSA, which berth has not."));

    /** The fields {@code ContainerDefinition} carries as typed components; the rest are extras. */
    public static final List<String> CORE = List.of("name", "image", "cpu", "memory", "memoryReservation",
            "portMappings", "essential", "entryPoint", "command", "environment", "healthCheck");

    private ContainerFields() {
    }

    public static Field field(String json) {
        return Field.find(ALL, json);
    }
}
