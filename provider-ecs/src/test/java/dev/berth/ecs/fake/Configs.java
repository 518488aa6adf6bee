package dev.berth.ecs.fake;

import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.util.List;
import java.util.Map;

import static dev.berth.ecs.fake.Harness.obj;

/** Configurations as the engine hands them over: every attribute present, defaults applied. */
public final class Configs {
    private Configs() {
    }

    public static MapValue cluster(String name) {
        return obj("name", name, "tags", null);
    }

    /** A task definition with every attribute null and no container blocks; then the overrides. */
    public static MapValue taskDef(Object... overrides) {
        MapValue base = obj("family", "web", "cpu", null, "memory", null, "network_mode", null,
                "requires_compatibilities", null, "execution_role_arn", null, "task_role_arn", null,
                "container_definitions", null, "container", List.of());
        MapValue o = obj(overrides);
        for (Map.Entry<String, Value> e : o.entries().entrySet()) base = base.with(e.getKey(), e.getValue());
        return base;
    }

    /** A container block with the schema's defaults (essential true) and the given attributes. */
    public static MapValue container(Object... attrs) {
        MapValue base = obj("name", null, "image", null, "cpu", null, "memory", null, "memory_reservation", null,
                "essential", true, "entry_point", null, "command", null, "environment", null, "port_mappings", List.of());
        for (Map.Entry<String, Value> e : obj(attrs).entries().entrySet()) base = base.with(e.getKey(), e.getValue());
        return base;
    }

    public static MapValue port(int containerPort, Integer hostPort) {
        return obj("container_port", containerPort, "host_port", hostPort, "protocol", "tcp");
    }

    public static MapValue service(String name, String cluster, String taskDefinition, int desired) {
        return obj("name", name, "cluster", cluster, "task_definition", taskDefinition, "desired_count", desired,
                "launch_type", "FARGATE");
    }

    public static Value blocks(MapValue... blocks) {
        return Value.list(List.of(blocks));
    }
}
