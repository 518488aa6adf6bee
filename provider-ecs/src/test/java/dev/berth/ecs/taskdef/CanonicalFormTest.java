package dev.berth.ecs.taskdef;

import dev.berth.ecs.fake.Harness;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.berth.ecs.fake.Configs.blocks;
import static dev.berth.ecs.fake.Configs.container;
import static dev.berth.ecs.fake.Configs.port;
import static dev.berth.ecs.fake.Configs.taskDef;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CanonicalFormTest {
    private static final String TYPE = "ecs_task_definition";
    private final Harness h = new Harness();

    /** What jsonencode writes for the same containers the blocks below describe. */
    private static final String JSON = "[{\"name\":\"web\",\"image\":\"nginx:1.27\",\"memory\":256,"
            + "\"portMappings\":[{\"containerPort\":80}],"
            + "\"environment\":[{\"name\":\"B\",\"value\":\"2\"},{\"name\":\"A\",\"value\":\"1\"}],"
            + "\"command\":[\"nginx\",\"-g\",\"daemon off;\"]},"
            + "{\"image\":\"busybox\",\"name\":\"sidecar\",\"essential\":false,\"memoryReservation\":32,"
            + "\"entryPoint\":[],\"environment\":[]}]";

    /** As ECS describes it: cpu 0 and the four lists ECS always answers with, empty or not. */
    private static final String CANONICAL = "[{\"command\":[\"nginx\",\"-g\",\"daemon off;\"],\"cpu\":0,"
            + "\"environment\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}],"
            + "\"essential\":true,\"image\":\"nginx:1.27\",\"memory\":256,\"mountPoints\":[],\"name\":\"web\","
            + "\"portMappings\":[{\"containerPort\":80,\"protocol\":\"tcp\"}],\"volumesFrom\":[]},"
            + "{\"cpu\":0,\"environment\":[],\"essential\":false,\"image\":\"busybox\",\"memoryReservation\":32,"
            + "\"mountPoints\":[],\"name\":\"sidecar\",\"portMappings\":[],\"volumesFrom\":[]}]";

    @AfterEach
    void close() {
        h.close();
    }

    private static MapValue blockConfig() {
        return taskDef("container", blocks(
                container("name", "web", "image", "nginx:1.27", "memory", 256, "port_mappings", List.of(port(80, null)),
                        "environment", Map.of("B", "2", "A", "1"), "command", List.of("nginx", "-g", "daemon off;")),
                container("name", "sidecar", "image", "busybox", "essential", false, "memory_reservation", 32,
                        "entry_point", List.of())));
    }

    private String planned(MapValue config) {
        PlanResponse p = h.plan(TYPE, null, config);
        assertEquals(List.of(), Harness.errors(p.diagnostics()));
        return ((dev.berth.engine.value.StringValue) p.planned().get("container_definitions")).value();
    }

    @Test
    void jsonFormBecomesCanonical() {
        assertEquals(CANONICAL, planned(taskDef("container_definitions", JSON)));
    }

    @Test
    void blockFormGivesTheIdenticalCanonicalJson() {
        assertEquals(CANONICAL, planned(blockConfig()));
    }

    @Test
    void keyOrderDefaultsAndNumberFormattingDoNotMatter() {
        String reordered = "[{\"portMappings\":[{\"protocol\":\"tcp\",\"containerPort\":80.0}],\"essential\":true,"
                + "\"memory\":\"256\",\"image\":\"nginx:1.27\",\"name\":\"web\","
                + "\"environment\":[{\"value\":\"1\",\"name\":\"A\"},{\"value\":2,\"name\":\"B\"}],"
                + "\"command\":[\"nginx\",\"-g\",\"daemon off;\"]},"
                + "{\"name\":\"sidecar\",\"image\":\"busybox\",\"essential\":false,\"memoryReservation\":32.00,"
                + "\"portMappings\":[],\"command\":null}]";
        assertEquals(CANONICAL, planned(taskDef("container_definitions", reordered)));
    }

    @Test
    void replanningTheAppliedStateProposesNoChange() {
        for (MapValue config : List.of(taskDef("container_definitions", JSON), blockConfig())) {
            MapValue state = h.converge(TYPE, null, config);
            PlanResponse again = h.plan(TYPE, state, config);
            assertEquals(state, again.planned(), "planned equals prior, so the engine sees no change");
            assertEquals(List.of(), h.replacePaths(TYPE, state, again));
        }
    }

    @Test
    void switchingFormsWithSameContainersIsAnUpdateNotANewRevision() {
        MapValue state = h.converge(TYPE, null, taskDef("container_definitions", JSON));
        PlanResponse p = h.plan(TYPE, state, blockConfig());
        assertEquals(List.of(), h.replacePaths(TYPE, state, p));
        assertNotEquals(state, p.planned());
        MapValue updated = h.apply(TYPE, state, p.planned(), blockConfig()).newState();
        assertEquals(state.get("revision"), updated.get("revision"));
        assertEquals(state.get("container_definitions"), updated.get("container_definitions"));
    }

    @Test
    void contentChangeForcesANewRevisionAtTheCanonicalContent() {
        MapValue state = h.converge(TYPE, null, blockConfig());
        MapValue changed = blockConfig().with("container", blocks(
                container("name", "web", "image", "nginx:1.28", "memory", 256)));
        PlanResponse p = h.plan(TYPE, state, changed);
        assertEquals(List.of(List.of("container_definitions")), h.replacePaths(TYPE, state, p),
                "both forms normalise to container_definitions, the one force-new mark for content");
        assertEquals(Value.unknown(), p.planned().get("revision"));
        assertEquals(Value.unknown(), p.planned().get("arn"));
        assertEquals(state.get("arn_without_revision"), p.planned().get("arn_without_revision"));
    }

    @Test
    void taskSizesAndCompatibilitiesNormalise() {
        MapValue a = taskDef("container_definitions", JSON, "cpu", "1 vCPU", "memory", "2 GB",
                "requires_compatibilities", List.of("FARGATE", "EC2", "FARGATE"));
        MapValue state = h.converge(TYPE, null, a);
        assertEquals(Value.of("1024"), state.get("cpu"));
        assertEquals(Value.of("2048"), state.get("memory"));
        assertEquals(Harness.value(List.of("EC2", "FARGATE")), state.get("requires_compatibilities"));
        assertEquals(Value.of("awsvpc"), state.get("network_mode"));
        MapValue b = a.with("cpu", Value.of("1024")).with("memory", Value.of("2048"))
                .with("requires_compatibilities", Harness.value(List.of("EC2", "FARGATE")));
        PlanResponse p = h.plan(TYPE, state, b);
        assertEquals(state, p.planned());
        assertEquals(List.of(), h.replacePaths(TYPE, state, p));
    }

    @Test
    void leadingDotSizesAsTheEcsExecGuideWritesThem() {
        // docs.aws.amazon.com ECS Exec, "Optional task definition changes": "memory": ".5 gb", "cpu": ".25 vcpu".
        assertEquals(java.util.Optional.of(256), TaskSize.cpuUnits(".25 vcpu"));
        assertEquals(java.util.Optional.of(512), TaskSize.memoryMiB(".5 gb"));
        assertEquals(java.util.Optional.empty(), TaskSize.cpuUnits(". vcpu"));
        assertEquals(java.util.Optional.empty(), TaskSize.memoryMiB("5. gb"));
    }

    @Test
    void networkModeDefaultsToBridgeWithoutFargate() {
        MapValue state = h.converge(TYPE, null, taskDef("container_definitions", JSON));
        assertEquals(Value.of("bridge"), state.get("network_mode"));
    }

    @Test
    void unknownContainerValuesMakeTheCanonicalFormUnknown() {
        MapValue config = taskDef("container", blocks(container("name", "web", "image", Value.unknown(), "memory", 64)));
        PlanResponse p = h.plan(TYPE, null, config);
        assertEquals(List.of(), Harness.errors(p.diagnostics()));
        assertEquals(Value.unknown(), p.planned().get("container_definitions"));
        assertTrue(h.validate(TYPE, taskDef("container_definitions", Value.unknown())).isEmpty());
    }
}
