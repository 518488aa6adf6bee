package dev.berth.ecs.schema;

import dev.berth.engine.provider.AttributeSchema;
import dev.berth.engine.provider.BlockSchema;
import dev.berth.engine.provider.ResourceSchema;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The schemas' force-new marks are the only source of replacements, so they are pinned here:
 * where berth has terraform-provider-aws's argument, the mark is the one aws_ecs_* has
 * (ordered_placement_strategy, placement_constraints and the deployment settings update in
 * place there too). ecs_container_instance has no AWS counterpart: a registration cannot move
 * to another engine or cluster, as an EC2 instance's cannot.
 */
class ForceNewMarksTest {
    private static Set<String> marked(ResourceSchema schema) {
        Set<String> out = new TreeSet<>();
        collect(schema.body(), "", out);
        return out;
    }

    private static void collect(BlockSchema body, String prefix, Set<String> out) {
        for (AttributeSchema a : body.attributes().values()) if (a.forceNew()) out.add(prefix + a.name());
        body.blocks().values().forEach(b -> {
            if (b.forceNew()) out.add(prefix + b.name());
            collect(b.body(), prefix + b.name() + ".", out);
        });
    }

    @Test
    void clusterAsAwsEcsCluster() {
        assertEquals(Set.of("name"), marked(ClusterSchema.schema()));
    }

    @Test
    void taskDefinitionAsAwsEcsTaskDefinition() {
        assertEquals(Set.of("family", "cpu", "memory", "network_mode", "requires_compatibilities",
                "execution_role_arn", "task_role_arn", "container_definitions", "volume", "placement_constraints",
                "pid_mode", "ipc_mode", "proxy_configuration", "inference_accelerator", "ephemeral_storage",
                "runtime_platform", "enable_fault_injection"), marked(TaskDefinitionSchema.schema()));
    }

    @Test
    void serviceAsAwsEcsService() {
        assertEquals(Set.of("name", "cluster", "launch_type"), marked(ServiceSchema.schema()));
    }

    @Test
    void containerInstance() {
        assertEquals(Set.of("cluster", "docker_host", "tls_ca_cert", "tls_cert", "tls_key"),
                marked(ContainerInstanceSchema.schema()));
    }
}
