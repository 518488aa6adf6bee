package dev.berth.ecs.schema;

import dev.berth.engine.provider.AttributeSchema;
import dev.berth.engine.provider.BlockSchema;
import dev.berth.engine.provider.BlockSchema.NestedBlock;
import dev.berth.engine.value.Value;

import java.util.List;

import static dev.berth.engine.provider.AttributeType.ANY;
import static dev.berth.engine.provider.AttributeType.BOOL;
import static dev.berth.engine.provider.AttributeType.NUMBER;
import static dev.berth.engine.provider.AttributeType.STRING;

/**
 * The part of {@code ecs_service} about placement and deployments (aws_ecs_service's names),
 * kept apart so the core service schema stays small.
 */
public final class Ec2ServiceSchema {
    public static final String MIN_HEALTHY = "deployment_minimum_healthy_percent", MAX_PERCENT = "deployment_maximum_percent",
            FORCE_NEW_DEPLOYMENT = "force_new_deployment", WAIT_FOR_STEADY_STATE = "wait_for_steady_state",
            EVENTS = "events", STRATEGY = "ordered_placement_strategy", CONSTRAINTS = "placement_constraints",
            CIRCUIT_BREAKER = "deployment_circuit_breaker";
    public static final String S_TYPE = "type", S_FIELD = "field", C_TYPE = "type", C_EXPRESSION = "expression",
            B_ENABLE = "enable", B_ROLLBACK = "rollback", E_AT = "at", E_MESSAGE = "message";
    public static final int MAX_STRATEGIES = 5, MAX_CONSTRAINTS = 10;

    private Ec2ServiceSchema() {
    }

    public static List<AttributeSchema> attributes() {
        return List.of(
                AttributeSchema.named(MIN_HEALTHY, NUMBER).defaultValue(Value.of(100))
                        .description("Running tasks never drop below this percent of desired (rounded up).").build(),
                AttributeSchema.named(MAX_PERCENT, NUMBER).defaultValue(Value.of(200))
                        .description("Running tasks never exceed this percent of desired (rounded down).").build(),
                AttributeSchema.named(FORCE_NEW_DEPLOYMENT, BOOL).optional()
                        .description("Replace every task on the next update, even with the same revision.").build(),
                AttributeSchema.named(WAIT_FOR_STEADY_STATE, BOOL).optional()
                        .description("Fail the apply unless desired_count tasks run at its end.").build(),
                AttributeSchema.named(EVENTS, ANY).runtime()
                        .description("Newest service events first: at, message (up to 100).").build());
    }

    public static List<NestedBlock> blocks() {
        BlockSchema strategy = BlockSchema.of(List.of(
                AttributeSchema.named(S_TYPE, STRING).required().description("binpack, spread or random.").build(),
                AttributeSchema.named(S_FIELD, STRING).optional()
                        .description("cpu/memory for binpack; instanceId, host or attribute:NAME for spread.").build()));
        BlockSchema constraint = BlockSchema.of(List.of(
                AttributeSchema.named(C_TYPE, STRING).required().description("distinctInstance or memberOf.").build(),
                AttributeSchema.named(C_EXPRESSION, STRING).optional().description("Cluster query for memberOf.").build()));
        BlockSchema breaker = BlockSchema.of(List.of(
                AttributeSchema.named(B_ENABLE, BOOL).required().build(),
                AttributeSchema.named(B_ROLLBACK, BOOL).required().build()));
        return List.of(new NestedBlock(STRATEGY, strategy, 0, MAX_STRATEGIES, false),
                new NestedBlock(CONSTRAINTS, constraint, 0, MAX_CONSTRAINTS, false),
                new NestedBlock(CIRCUIT_BREAKER, breaker, 0, 1, false));
    }
}
