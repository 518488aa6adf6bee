package dev.berth.ecs.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.ecs.api.EcsJson;
import dev.berth.ecs.api.TaskDefinitionCalls.DescribeTaskDefinitionRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.RegisterTaskDefinitionRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.TaskDefinition;
import dev.berth.ecs.control.ControlPlane;
import dev.berth.ecs.fake.FakeRuntime;
import dev.berth.ecs.fake.Harness;
import dev.berth.ecs.fake.MemoryStore;
import dev.berth.ecs.store.Json;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.berth.ecs.fake.Configs.taskDef;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A registered revision describes as ECS describes it, so what a client reads back from berth is
 * what it would read back from AWS and a configuration written either way plans no change. The
 * reference is botocore's own RegisterTaskDefinition example (the request and ECS's answer, kept
 * in taskdefs/public/describe-output): ECS answers with {@code environment}, {@code mountPoints},
 * {@code portMappings} and {@code volumesFrom} as empty lists rather than absent, with a
 * {@code cpu} always (0 when the request had none: the model's unboxed Integer), and with
 * {@code hostPort} set to {@code containerPort} in awsvpc and host modes.
 */
class EcsDescribeShapeTest {
    private static final Path EXAMPLE = Path.of("src/test/resources/taskdefs/public/describe-output/"
            + "botocore-register-example.json");
    private final ControlPlane plane = new ControlPlane(new MemoryStore(), host -> new FakeRuntime());
    private final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    private TaskDefinition registerAndDescribe(RegisterTaskDefinitionRequest request) {
        String arn = plane.registerTaskDefinition(request).taskDefinition().taskDefinitionArn();
        return plane.describeTaskDefinition(new DescribeTaskDefinitionRequest(arn, null)).taskDefinition();
    }

    @Test
    void botocoresRegisterExampleDescribesAsEcsAnswered() throws Exception {
        JsonNode example = Json.readTree(Files.readString(EXAMPLE));
        RegisterTaskDefinitionRequest request = EcsJson.read(example.get("input").toString(),
                RegisterTaskDefinitionRequest.class);
        TaskDefinition td = registerAndDescribe(request);
        JsonNode ecs = example.get("output").get("taskDefinition").get("containerDefinitions");
        JsonNode berth = Json.MAPPER.valueToTree(td.containerDefinitions());
        assertEquals(ecs, berth);
    }

    @Test
    void aContainerWithoutCpuOrListsDescribesWithCpuZeroAndEmptyLists() {
        TaskDefinition td = registerAndDescribe(new RegisterTaskDefinitionRequest("bare", null, null, null,
                List.of(Map.of("name", "app", "image", "busybox", "memory", 64)), null, null, null, null, null));
        assertEquals(Map.of("name", "app", "image", "busybox", "memory", 64, "cpu", 0, "essential", true,
                "environment", List.of(), "mountPoints", List.of(), "portMappings", List.of(),
                "volumesFrom", List.of()), td.containerDefinitions().get(0));
    }

    @Test
    void hostPortIsTheContainerPortInAwsvpcAndHostModesAndStaysUnsetInBridge() {
        for (String mode : List.of("awsvpc", "host", "bridge")) {
            TaskDefinition td = registerAndDescribe(new RegisterTaskDefinitionRequest("ports-" + mode, null, null,
                    mode, List.of(Map.of("name", "web", "image", "busybox", "memory", 64,
                    "portMappings", List.of(Map.of("containerPort", 8080)))), null, null, null, null, null));
            Map<String, Object> expected = mode.equals("bridge") ? Map.of("containerPort", 8080, "protocol", "tcp")
                    : Map.of("containerPort", 8080, "hostPort", 8080, "protocol", "tcp");
            assertEquals(List.of(expected), td.containerDefinitions().get(0).get("portMappings"), mode);
        }
    }

    @Test
    void writingWhatEcsFillsInOrLeavingItOutPlansTheSame() {
        String terse = "[{\"name\":\"web\",\"image\":\"busybox\",\"memory\":64,"
                + "\"portMappings\":[{\"containerPort\":8080}]}]";
        String asDescribed = "[{\"name\":\"web\",\"image\":\"busybox\",\"memory\":64,\"cpu\":0,\"essential\":true,"
                + "\"environment\":[],\"mountPoints\":[],\"volumesFrom\":[],"
                + "\"portMappings\":[{\"containerPort\":8080,\"hostPort\":8080,\"protocol\":\"tcp\"}]}]";
        MapValue config = taskDef("container_definitions", terse, "network_mode", "awsvpc");
        MapValue state = h.converge("ecs_task_definition", null, config);
        assertEquals(state, h.read("ecs_task_definition", state).state());
        MapValue described = config.with("container_definitions", Value.of(asDescribed));
        assertEquals(state, h.plan("ecs_task_definition", state, described).planned(),
                "ECS's own describe output plans no change against the terse form");
        assertEquals(state, h.plan("ecs_task_definition", state, config).planned());
    }
}
