package dev.berth.ecs.instance;

import dev.berth.ecs.fake.Harness;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.berth.ecs.fake.Configs.cluster;
import static dev.berth.ecs.fake.Harness.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The attributes an instance registers with: the configured ones plus ecs.os-type, in plan and state alike. */
class InstanceAttributesTest {
    private final Harness h = new Harness();

    private static MapValue instance(Object attributes) {
        return obj("cluster", "prod", "docker_host", null, "tls_ca_cert", null, "tls_cert", null, "tls_key", null,
                "cpu", 1024, "memory", 512, "attributes", attributes, "status", "ACTIVE");
    }

    @Test
    void osTypeIsAddedInThePlanAndTheStateAndTheNextPlanIsUnchanged() {
        h.converge("ecs_cluster", null, cluster("prod"));
        MapValue config = instance(Map.of("ecs.availability-zone", "zone-a"));
        Value expected = Harness.value(Map.of("ecs.availability-zone", "zone-a", "ecs.os-type", "linux"));
        assertEquals(expected, h.plan("ecs_container_instance", null, config).planned().get("attributes"));
        MapValue state = h.converge("ecs_container_instance", null, config);
        assertEquals(expected, state.get("attributes"));
        assertEquals(state, h.read("ecs_container_instance", state).state());
        assertEquals(state, h.plan("ecs_container_instance", state, config).planned());
    }

    @Test
    void noAttributesStillRegistersTheOsTypeAndAGivenOsTypeIsKept() {
        h.converge("ecs_cluster", null, cluster("prod"));
        assertEquals(Harness.value(Map.of("ecs.os-type", "linux")),
                h.converge("ecs_container_instance", null, instance(null)).get("attributes"));
        assertEquals(Harness.value(Map.of("ecs.os-type", "windows")),
                h.converge("ecs_container_instance", null, instance(Map.of("ecs.os-type", "windows"))).get("attributes"));
    }

    @Test
    void allowancesAreRegisteredAsTheAttributesTheyStandForAndTheNextPlanIsUnchanged() {
        h.converge("ecs_cluster", null, cluster("prod"));
        MapValue config = instance(null).with("allow_privileged", Value.of(true)).with("allow_host_network", Value.of(true))
                .with("allow_host_pid", Value.of(true)).with("allow_host_ipc", Value.of(true))
                .with("allow_host_paths", Harness.value(java.util.List.of("/var/run/docker.sock/")));
        Value expected = Harness.value(Map.of("ecs.os-type", "linux", "com.amazonaws.ecs.capability.privileged-container", "",
                "dev.berth.allow-host-network", "", "dev.berth.allow-host-pid", "", "dev.berth.allow-host-ipc", "",
                "dev.berth.allow-host-path/var/run/docker.sock", ""));
        assertEquals(expected, h.plan("ecs_container_instance", null, config).planned().get("attributes"));
        MapValue state = h.converge("ecs_container_instance", null, config);
        assertEquals(expected, state.get("attributes"));
        assertEquals(state, h.read("ecs_container_instance", state).state());
        assertEquals(state, h.plan("ecs_container_instance", state, config).planned());
    }

    @Test
    void anAllowedHostPathMustBeAbsolute() {
        MapValue config = instance(null).with("allow_host_paths", Harness.value(java.util.List.of("var/run")));
        assertEquals(java.util.List.of("allow_host_paths entry \"var/run\" is not an absolute path."),
                InstanceValidator.validate(config).stream().map(d -> d.summary()).toList());
    }

    @Test
    void attributesNotKnownUntilApplyStayUnknownInThePlan() {
        h.converge("ecs_cluster", null, cluster("prod"));
        assertEquals(Value.unknown(), h.plan("ecs_container_instance", null, instance(Value.unknown()))
                .planned().get("attributes"));
    }
}
