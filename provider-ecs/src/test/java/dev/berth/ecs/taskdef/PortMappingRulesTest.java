package dev.berth.ecs.taskdef;

import dev.berth.ecs.fake.Harness;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.berth.ecs.fake.Configs.blocks;
import static dev.berth.ecs.fake.Configs.container;
import static dev.berth.ecs.fake.Configs.taskDef;
import static dev.berth.ecs.fake.Harness.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PortMappingRulesTest {
    private final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    private static List<String> errors(String mode, String ports) {
        return TaskDefinitionValidator.validate(taskDef("network_mode", mode, "container_definitions",
                        "[{\"name\":\"web\",\"image\":\"x\",\"memory\":64,\"portMappings\":" + ports + "}]")).stream()
                .filter(ProviderDiagnostic::isError).map(ProviderDiagnostic::summary).toList();
    }

    @Test
    void nameAndAppProtocolAreKeptInTheCanonicalFormOfBothForms() {
        String json = "[{\"name\":\"web\",\"image\":\"x\",\"memory\":64,\"portMappings\":[{\"containerPort\":80,"
                + "\"name\":\"web-http\",\"appProtocol\":\"http2\"},{\"containerPortRange\":\"9000-9002\"}]}]";
        PlanResponse fromJson = h.plan("ecs_task_definition", null, taskDef("network_mode", "bridge",
                "container_definitions", json));
        assertEquals(List.of(), Harness.errors(fromJson.diagnostics()));
        String canonical = ((dev.berth.engine.value.StringValue) fromJson.planned().get("container_definitions")).value();
        assertEquals("[{\"essential\":true,\"image\":\"x\",\"memory\":64,\"name\":\"web\",\"portMappings\":["
                + "{\"appProtocol\":\"http2\",\"containerPort\":80,\"name\":\"web-http\",\"protocol\":\"tcp\"},"
                + "{\"containerPortRange\":\"9000-9002\",\"protocol\":\"tcp\"}]}]", canonical);
        PlanResponse fromBlocks = h.plan("ecs_task_definition", null, taskDef("network_mode", "bridge", "container",
                blocks(container("name", "web", "image", "x", "memory", 64, "port_mappings", List.of(
                        obj("container_port", 80, "host_port", null, "protocol", "tcp", "name", "web-http",
                                "app_protocol", "http2", "container_port_range", null),
                        obj("container_port", null, "host_port", null, "protocol", "tcp", "name", null,
                                "app_protocol", null, "container_port_range", "9000-9002"))))));
        assertEquals(List.of(), Harness.errors(fromBlocks.diagnostics()));
        assertEquals(canonical, ((dev.berth.engine.value.StringValue) fromBlocks.planned().get("container_definitions")).value());
    }

    @Test
    void ecsRulesForNamesProtocolsAndRanges() {
        assertEquals(List.of("Container \"web\": appProtocol \"https\" is not one of http, http2, grpc.",
                "Container \"web\": port mapping name \"Web\" must be up to 64 lowercase letters, numbers, underscores "
                        + "and hyphens, not starting with a hyphen."),
                errors("bridge", "[{\"containerPort\":80,\"appProtocol\":\"https\"},{\"containerPort\":81,\"name\":\"Web\"}]"));
        assertEquals(List.of("containerPortRange is only supported when networkMode=bridge or networkMode=awsvpc, not host."),
                errors("host", "[{\"containerPortRange\":\"9000-9010\"}]"));
        assertEquals(List.of("Container \"web\": containerPortRange \"9010-9000\" must be FROM-TO with 1 <= FROM < TO <= 65535.",
                "Container \"web\": a port mapping with a containerPortRange has no hostPort; ECS chooses the host ports."),
                errors("bridge", "[{\"containerPortRange\":\"9010-9000\",\"hostPort\":9000}]"));
        assertEquals(List.of(), errors("awsvpc", "[{\"containerPortRange\":\"9000-9010\"}]"));
    }

    @Test
    void aRangeStandsForOneDynamicMappingPerPort() {
        assertEquals(List.of(new PortMapping(80, 8080, null), new PortMapping(9000, null, "udp"),
                        new PortMapping(9001, null, "udp")),
                PortMapping.expand(List.of(new PortMapping(80, 8080, null),
                        new PortMapping(null, null, "udp", null, null, "9000-9001"))));
    }
}
