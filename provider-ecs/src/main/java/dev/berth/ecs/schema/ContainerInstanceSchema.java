package dev.berth.ecs.schema;

import dev.berth.engine.provider.AttributeSchema;
import dev.berth.engine.provider.BlockSchema;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.value.Value;

import java.util.List;

import static dev.berth.engine.provider.AttributeType.BOOL;
import static dev.berth.engine.provider.AttributeType.LIST_OF_STRING;
import static dev.berth.engine.provider.AttributeType.MAP_OF_STRING;
import static dev.berth.engine.provider.AttributeType.NUMBER;
import static dev.berth.engine.provider.AttributeType.STRING;

/**
 * {@code ecs_container_instance}: a Docker engine registered into a cluster, as the ECS agent
 * registers an EC2 instance. Several instances may share one engine.
 */
public final class ContainerInstanceSchema {
    public static final String TYPE = "ecs_container_instance";
    public static final String CLUSTER = "cluster", DOCKER_HOST = "docker_host", TLS_CA_CERT = "tls_ca_cert",
            TLS_CERT = "tls_cert", TLS_KEY = "tls_key", CPU = "cpu", MEMORY = "memory", ATTRIBUTES = "attributes",
            STATUS = "status", ARN = "arn", ID = "id", AGENT_CONNECTED = "agent_connected",
            RUNNING_TASKS_COUNT = "running_tasks_count", REMAINING_CPU = "remaining_cpu",
            REMAINING_MEMORY = "remaining_memory";
    public static final List<String> TLS = List.of(TLS_CA_CERT, TLS_CERT, TLS_KEY);
    /**
     * Observed values that follow the tasks on the instance: plans carry them over unchanged, and
     * the engine reads them again after every apply, since services place tasks after the
     * instance itself was applied.
     */
    public static final List<String> LIVE = List.of(AGENT_CONNECTED, RUNNING_TASKS_COUNT, REMAINING_CPU, REMAINING_MEMORY);

    private ContainerInstanceSchema() {
    }

    /** Built once: a plan asks every resource instance for its schema, and the schema never changes. */
    private static final ResourceSchema SCHEMA = build();

    public static ResourceSchema schema() {
        return SCHEMA;
    }

    private static ResourceSchema build() {
        return new ResourceSchema(TYPE, BlockSchema.of(List.of(
                AttributeSchema.named(CLUSTER, STRING).required().forceNew()
                        .description("Cluster ARN (or name) the instance registers into.").build(),
                AttributeSchema.named(DOCKER_HOST, STRING).optional().forceNew()
                        .description("unix:///path.sock or tcp://host:port; default the local engine.").build(),
                AttributeSchema.named(TLS_CA_CERT, STRING).optional().forceNew()
                        .description("PEM text of the CA that signed the engine's certificate, e.g. file(\"ca.pem\"); "
                                + "with tls_cert and tls_key, mutual TLS with a tcp:// docker_host.").build(),
                AttributeSchema.named(TLS_CERT, STRING).optional().forceNew()
                        .description("PEM text of the client certificate the engine's CA signed.").build(),
                AttributeSchema.named(TLS_KEY, STRING).optional().forceNew().sensitive()
                        .description("PEM text of the client certificate's private key (never shown).").build(),
                AttributeSchema.named(CPU, NUMBER).optional().computed()
                        .description("Registered CPU units (1024 per vCPU); default what the engine has.").build(),
                AttributeSchema.named(MEMORY, NUMBER).optional().computed()
                        .description("Registered memory in MiB; default what the engine has.").build(),
                AttributeSchema.named(ATTRIBUTES, MAP_OF_STRING).optional().computed()
                        .description("e.g. ecs.availability-zone, ecs.instance-type; ecs.os-type=linux is added "
                                + "unless given.").build(),
                AttributeSchema.named("allow_privileged", BOOL).optional()
                        .description("Let tasks run privileged containers here (adds the attribute "
                                + "com.amazonaws.ecs.capability.privileged-container).").build(),
                AttributeSchema.named("allow_host_network", BOOL).optional()
                        .description("Let tasks use network_mode host here (adds dev.berth.allow-host-network).").build(),
                AttributeSchema.named("allow_host_pid", BOOL).optional()
                        .description("Let tasks use pid_mode host here, seeing and signalling every process of the "
                                + "host (adds dev.berth.allow-host-pid).").build(),
                AttributeSchema.named("allow_host_ipc", BOOL).optional()
                        .description("Let tasks use ipc_mode host here, sharing the host's IPC namespace (adds "
                                + "dev.berth.allow-host-ipc).").build(),
                AttributeSchema.named("allow_host_paths", LIST_OF_STRING).optional()
                        .description("Sensitive host paths tasks may bind here: /, /etc, /proc, /sys, the Docker socket "
                                + "or anything under them (adds dev.berth.allow-host-path<PATH> each).").build(),
                AttributeSchema.named(STATUS, STRING).defaultValue(Value.of("ACTIVE"))
                        .description("ACTIVE or DRAINING; a DRAINING instance gets no new tasks and loses its service tasks.")
                        .build(),
                AttributeSchema.named(ARN, STRING).keepsOnUpdate().build(),
                AttributeSchema.named(ID, STRING).keepsOnUpdate().description("Same as arn.").build(),
                AttributeSchema.named(AGENT_CONNECTED, BOOL).observed()
                        .description("Whether the engine answered when last read.").build(),
                AttributeSchema.named(RUNNING_TASKS_COUNT, NUMBER).observed().build(),
                AttributeSchema.named(REMAINING_CPU, NUMBER).observed().build(),
                AttributeSchema.named(REMAINING_MEMORY, NUMBER).observed().build())),
                0, "A container instance: a Docker engine that runs a cluster's EC2 tasks.");
    }
}
