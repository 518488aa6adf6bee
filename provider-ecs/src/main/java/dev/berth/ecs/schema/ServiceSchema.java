package dev.berth.ecs.schema;

import dev.berth.engine.provider.AttributeSchema;
import dev.berth.engine.provider.BlockSchema;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.value.Value;

import java.util.List;

import static dev.berth.engine.provider.AttributeType.ANY;
import static dev.berth.engine.provider.AttributeType.LIST_OF_STRING;
import static dev.berth.engine.provider.AttributeType.NUMBER;
import static dev.berth.engine.provider.AttributeType.STRING;

/** {@code ecs_service}: mirrors {@code aws_ecs_service}'s core attributes. */
public final class ServiceSchema {
    public static final String TYPE = "ecs_service";
    public static final String NAME = "name", CLUSTER = "cluster", TASK_DEFINITION = "task_definition",
            DESIRED_COUNT = "desired_count", LAUNCH_TYPE = "launch_type", ID = "id", ARN = "arn",
            RUNNING_COUNT = "running_count", TASKS = "tasks", ENDPOINTS = "endpoints",
            ORPHANED_CONTAINERS = "orphaned_containers", STOPPED_TASKS = "stopped_tasks";
    /** Keys of each object in {@code tasks}. */
    public static final String T_ARN = "arn", T_TASK_DEFINITION = "task_definition", T_LAST_STATUS = "last_status",
            T_ENDPOINTS = "endpoints", T_CONTAINERS = "containers";
    /** Keys of each object in {@code stopped_tasks}, as ECS's DescribeTasks names them. */
    public static final String T_STOP_CODE = "stop_code", T_STOPPED_REASON = "stopped_reason",
            T_STOPPED_AT = "stopped_at";
    /** Keys of each object in a task's {@code containers}: what Docker runs, in task definition terms. */
    public static final String C_NAME = "name", C_IMAGE = "image", C_CPU_SHARES = "cpu_shares", C_MEMORY = "memory",
            C_MEMORY_RESERVATION = "memory_reservation", C_ENVIRONMENT = "environment", C_PORTS = "ports",
            C_STATE = "state", C_RESTARTS = "restarts";

    private ServiceSchema() {
    }

    /** Built once: a plan asks every resource instance for its schema, and the schema never changes. */
    private static final ResourceSchema SCHEMA = build();

    public static ResourceSchema schema() {
        return SCHEMA;
    }

    private static ResourceSchema build() {
        List<AttributeSchema> core = List.of(
                AttributeSchema.named(NAME, STRING).required().forceNew().build(),
                AttributeSchema.named(CLUSTER, STRING).required().forceNew()
                        .description("Cluster ARN (or name), usually ecs_cluster.x.id.").build(),
                AttributeSchema.named(TASK_DEFINITION, STRING).required()
                        .description("Task definition ARN, family or family:revision; a change deploys.").build(),
                AttributeSchema.named(DESIRED_COUNT, NUMBER).defaultValue(Value.of(1)).build(),
                AttributeSchema.named(LAUNCH_TYPE, STRING).defaultValue(Value.of("FARGATE")).forceNew().build(),
                AttributeSchema.named(ID, STRING).keepsOnUpdate().description("Same as arn.").build(),
                AttributeSchema.named(ARN, STRING).keepsOnUpdate().build(),
                AttributeSchema.named(RUNNING_COUNT, NUMBER).runtime().build(),
                AttributeSchema.named(TASKS, ANY).runtime()
                        // What Docker runs comes from the task definition, secrets included; the
                        // service cannot know which variables were secret, so none is shown.
                        .sensitiveWithin("*", T_CONTAINERS, "*", C_ENVIRONMENT, "*")
                        .description("Tasks: arn, task_definition, last_status, endpoints, and containers (name, "
                                + "image, cpu_shares, memory and memory_reservation in MiB, environment, ports, "
                                + "state, restarts) as Docker runs them.").build(),
                AttributeSchema.named(STOPPED_TASKS, ANY).runtime()
                        .description("The most recently stopped tasks, newest first (up to 10): arn, "
                                + "task_definition, last_status, stop_code, stopped_reason, stopped_at.").build(),
                AttributeSchema.named(ORPHANED_CONTAINERS, LIST_OF_STRING).runtime()
                        .description("Containers labelled for this service that no task knows; apply removes them.")
                        .build(),
                AttributeSchema.named(ENDPOINTS, LIST_OF_STRING).runtime()
                        .description("127.0.0.1:PORT of every published port of every running task.").build());
        List<AttributeSchema> all = new java.util.ArrayList<>(core);
        all.addAll(Ec2ServiceSchema.attributes());
        return new ResourceSchema(TYPE, BlockSchema.of(all, Ec2ServiceSchema.blocks()),
                0, "A service: keeps desired_count tasks of a task definition running.");
    }
}
