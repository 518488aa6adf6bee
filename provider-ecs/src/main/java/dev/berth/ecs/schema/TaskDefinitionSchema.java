package dev.berth.ecs.schema;

import dev.berth.engine.provider.AttributeSchema;
import dev.berth.engine.provider.BlockSchema;
import dev.berth.engine.provider.BlockSchema.NestedBlock;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.ecs.taskdef.fields.ContainerFields;
import dev.berth.ecs.taskdef.fields.HclFields;
import dev.berth.ecs.taskdef.fields.TaskFields;
import dev.berth.engine.value.Value;

import java.util.ArrayList;

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
            ARN_WITHOUT_REVISION = "arn_without_revision", ID = "id", TAGS = "tags", SKIP_DESTROY = "skip_destroy",
            TRACK_LATEST = "track_latest";

    private TaskDefinitionSchema() {
    }

    /** Built once: a plan asks every resource instance for its schema, and the schema never changes. */
    private static final ResourceSchema SCHEMA = build();

    public static ResourceSchema schema() {
        return SCHEMA;
    }

    private static ResourceSchema build() {
        BlockSchema container = HclFields.schema(ContainerFields.ALL, false);
        BlockSchema taskLevel = HclFields.schema(TaskFields.ALL, true);
        List<AttributeSchema> attributes = new ArrayList<>(List.of(
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
                AttributeSchema.named(REVISION, NUMBER).keepsOnUpdate().build(),
                AttributeSchema.named(ARN, STRING).keepsOnUpdate().build(),
                AttributeSchema.named(ARN_WITHOUT_REVISION, STRING).computed().build(),
                AttributeSchema.named(ID, STRING).keepsOnUpdate().description("family:revision").build(),
                AttributeSchema.named(TAGS, MAP_OF_STRING).optional()
                        .description("Tags of the revision; a change tags it in place.").build(),
                AttributeSchema.named(SKIP_DESTROY, BOOL).defaultValue(Value.of(false))
                        .description("Keep the revision registered (ACTIVE) when the resource is destroyed.").build(),
                AttributeSchema.named(TRACK_LATEST, BOOL).defaultValue(Value.of(false))
                        .description("Read the family's latest ACTIVE revision on refresh, as other clients "
                                + "register them.").build()));
        attributes.addAll(taskLevel.attributes().values());
        // Not force-new itself: a switch between the block and JSON forms with identical
        // content changes no revision; a content change does, via container_definitions.
        List<NestedBlock> blocks = new ArrayList<>(List.of(new NestedBlock(CONTAINER, container, 0, 0, false)));
        blocks.addAll(taskLevel.blocks().values());
        return new ResourceSchema(TYPE, BlockSchema.of(attributes, blocks), 0,
                "A task definition revision; any change registers a new revision.");
    }
}
