package dev.berth.ecs.schema;

import dev.berth.engine.provider.AttributeSchema;
import dev.berth.engine.provider.BlockSchema;
import dev.berth.engine.provider.ResourceSchema;

import java.util.List;

import static dev.berth.engine.provider.AttributeType.MAP_OF_STRING;
import static dev.berth.engine.provider.AttributeType.STRING;

/** {@code ecs_cluster}: mirrors {@code aws_ecs_cluster}'s core attributes. */
public final class ClusterSchema {
    public static final String TYPE = "ecs_cluster";
    public static final String NAME = "name", TAGS = "tags", ID = "id", ARN = "arn";

    private ClusterSchema() {
    }

    /** Built once: a plan asks every resource instance for its schema, and the schema never changes. */
    private static final ResourceSchema SCHEMA = build();

    public static ResourceSchema schema() {
        return SCHEMA;
    }

    private static ResourceSchema build() {
        return new ResourceSchema(TYPE, BlockSchema.of(List.of(
                AttributeSchema.named(NAME, STRING).required().forceNew()
                        .description("Cluster name; letters, numbers, hyphens and underscores.").build(),
                AttributeSchema.named(TAGS, MAP_OF_STRING).optional().description("Tags of the cluster.").build(),
                AttributeSchema.named(ID, STRING).keepsOnUpdate().description("Same as arn, as in AWS.").build(),
                AttributeSchema.named(ARN, STRING).keepsOnUpdate().description("The cluster ARN.").build())),
                0, "A cluster: a Docker network its tasks join.");
    }
}
