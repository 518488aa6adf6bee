package dev.berth.ecs.service;

import dev.berth.ecs.fake.Harness;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

import java.util.List;

import static dev.berth.ecs.fake.Configs.blocks;
import static dev.berth.ecs.fake.Configs.cluster;
import static dev.berth.ecs.fake.Configs.container;
import static dev.berth.ecs.fake.Configs.port;

/** A cluster and a task definition already applied, ready for service tests. */
final class ServiceFixture {
    static final String SERVICE = "ecs_service";
    final Harness h = new Harness();
    final MapValue cluster = h.converge("ecs_cluster", null, cluster("prod"));
    final String clusterArn = str(cluster.get("arn"));

    MapValue taskDef(String image) {
        return h.converge("ecs_task_definition", null, dev.berth.ecs.fake.Configs.taskDef("family", "web", "container", blocks(
                container("name", "web", "image", image, "cpu", 1, "memory", 128,
                        "port_mappings", List.of(port(80, null))),
                container("name", "log", "image", "busybox", "essential", false, "memory", 16))));
    }

    static String str(Value v) {
        return ((StringValue) v.unmarked()).value();
    }
}
