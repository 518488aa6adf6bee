package dev.berth.ecs.schema;

import dev.berth.engine.provider.AttributeSchema;
import dev.berth.engine.provider.BlockSchema;
import dev.berth.engine.provider.BlockSchema.NestedBlock;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.value.Value;

import java.util.List;

import static dev.berth.engine.provider.AttributeType.BOOL;
import static dev.berth.engine.provider.AttributeType.LIST_OF_STRING;
import static dev.berth.engine.provider.AttributeType.MAP_OF_STRING;
import static dev.berth.engine.provider.AttributeType.NUMBER;
import static dev.berth.engine.provider.AttributeType.SET_OF_STRING;
import static dev.berth.engine.provider.AttributeType.STRING;

/**
 * {@code ecs_task_definition}: mirrors {@code aws_ecs_task_definition}. Containers come either as
 * AWS's {@code container_definitions} JSON or as berth's snake_case {@code container} blocks;
 * both normalise to one canonical JSON kept in {@code container_definitions}.
 */
public final class TaskDefinitionSchema {
    public static final String TYPE = "ecs_task_definition";
    public static final String FAMILY = "family", CPU = "cpu", MEMORY = "memory", NETWORK_MODE = "network_mode",
            REQUIRES_COMPATIBILITIES = "requires_compatibilities", EXECUTION_ROLE_ARN = "execution_role_arn",
            TASK_ROLE_ARN = "task_role_arn", CONTAINER_DEFINITIONS = "container_definitions",
            CONTAINER = "container", REVISION = "revision", ARN = "arn",
            ARN_WITHOUT_REVISION = "arn_without_revision", ID = "id";

    /** Attributes of a {@code container} block, in ECS's camelCase on the right. */
    public static final String C_NAME = "name", C_IMAGE = "image", C_CPU = "cpu", C_MEMORY = "memory",
            C_MEMORY_RESERVATION = "memory_reservation", C_ESSENTIAL = "essential", C_ENTRY_POINT = "entry_point",
            C_COMMAND = "command", C_ENVIRONMENT = "environment", C_PORT_MAPPINGS = "port_mappings",
            P_CONTAINER_PORT = "container_port", P_HOST_PORT = "host_port", P_PROTOCOL = "protocol",
            C_HEALTH_CHECK = "health_check", H_COMMAND = "command", H_INTERVAL = "interval", H_TIMEOUT = "timeout",
            H_RETRIES = "retries", H_START_PERIOD = "start_period";

    private TaskDefinitionSchema() {
    }

    /** ECS's healthCheck as a block; times in seconds. */
    private static BlockSchema healthCheck() {
        return BlockSchema.of(List.of(
                AttributeSchema.named(H_COMMAND, LIST_OF_STRING).required()
                        .description("[\"CMD-SHELL\", \"command\"] or [\"CMD\", \"executable\", ...].").build(),
                AttributeSchema.named(H_INTERVAL, NUMBER).optional().description("Seconds, 5-300 (30).").build(),
                AttributeSchema.named(H_TIMEOUT, NUMBER).optional().description("Seconds, 2-60 (5).").build(),
                AttributeSchema.named(H_RETRIES, NUMBER).optional().description("1-10 (3).").build(),
                AttributeSchema.named(H_START_PERIOD, NUMBER).optional().description("Seconds, 0-300 (0).").build()),
                List.of());
    }

    public static ResourceSchema schema() {
        BlockSchema portMapping = BlockSchema.of(List.of(
                AttributeSchema.named(P_CONTAINER_PORT, NUMBER).required().build(),
                AttributeSchema.named(P_HOST_PORT, NUMBER).optional()
                        .description("Host port on 127.0.0.1; unset picks a free one per task.").build(),
                AttributeSchema.named(P_PROTOCOL, STRING).defaultValue(Value.of("tcp")).build()));
        BlockSchema container = BlockSchema.of(List.of(
                AttributeSchema.named(C_NAME, STRING).required().build(),
                AttributeSchema.named(C_IMAGE, STRING).required().build(),
                AttributeSchema.named(C_CPU, NUMBER).optional().description("CPU units (1024 per vCPU).").build(),
                AttributeSchema.named(C_MEMORY, NUMBER).optional().description("Hard limit in MiB.").build(),
                AttributeSchema.named(C_MEMORY_RESERVATION, NUMBER).optional().description("Soft limit in MiB.").build(),
                AttributeSchema.named(C_ESSENTIAL, BOOL).defaultValue(Value.of(true)).build(),
                AttributeSchema.named(C_ENTRY_POINT, LIST_OF_STRING).optional().build(),
                AttributeSchema.named(C_COMMAND, LIST_OF_STRING).optional().build(),
                AttributeSchema.named(C_ENVIRONMENT, MAP_OF_STRING).optional().build()),
                List.of(new NestedBlock(C_PORT_MAPPINGS, portMapping, 0, 0, false),
                        new NestedBlock(C_HEALTH_CHECK, healthCheck(), 0, 1, false)));
        return new ResourceSchema(TYPE, BlockSchema.of(List.of(
                AttributeSchema.named(FAMILY, STRING).required().forceNew().build(),
                AttributeSchema.named(CPU, STRING).optional().forceNew()
                        .description("Task CPU units, e.g. \"256\" or \"1 vCPU\".").build(),
                AttributeSchema.named(MEMORY, STRING).optional().forceNew()
                        .description("Task memory in MiB, e.g. \"512\" or \"1 GB\".").build(),
                AttributeSchema.named(NETWORK_MODE, STRING).optional().computed().forceNew()
                        .description("awsvpc, bridge, host or none; awsvpc for FARGATE, else bridge.").build(),
                AttributeSchema.named(REQUIRES_COMPATIBILITIES, SET_OF_STRING).optional().forceNew().build(),
                AttributeSchema.named(EXECUTION_ROLE_ARN, STRING).optional().forceNew().build(),
                AttributeSchema.named(TASK_ROLE_ARN, STRING).optional().forceNew().build(),
                AttributeSchema.named(CONTAINER_DEFINITIONS, STRING).optional().computed().forceNew()
                        .derivedFrom(CONTAINER)
                        .description("Containers as AWS's JSON; canonical form in state.").build(),
                AttributeSchema.named(REVISION, NUMBER).computed().build(),
                AttributeSchema.named(ARN, STRING).computed().build(),
                AttributeSchema.named(ARN_WITHOUT_REVISION, STRING).computed().build(),
                AttributeSchema.named(ID, STRING).computed().description("family:revision").build()),
                // Not force-new itself: a switch between the block and JSON forms with identical
                // content changes no revision; a content change does, via container_definitions.
                List.of(new NestedBlock(CONTAINER, container, 0, 0, false))),
                0, "A task definition revision; any change registers a new revision.");
    }
}
