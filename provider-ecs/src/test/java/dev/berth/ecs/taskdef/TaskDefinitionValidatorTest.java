package dev.berth.ecs.taskdef;

import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.berth.ecs.fake.Configs.blocks;
import static dev.berth.ecs.fake.Configs.container;
import static dev.berth.ecs.fake.Configs.port;
import static dev.berth.ecs.fake.Configs.taskDef;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskDefinitionValidatorTest {

    private static List<ProviderDiagnostic> errors(MapValue config) {
        return TaskDefinitionValidator.validate(config).stream().filter(ProviderDiagnostic::isError).toList();
    }

    /** Asserts exactly one error, at {@code path}, whose summary contains {@code text}. */
    private static void oneError(MapValue config, List<Object> path, String text) {
        List<ProviderDiagnostic> errs = errors(config);
        assertEquals(1, errs.size(), () -> "errors: " + errs);
        assertEquals(path, errs.get(0).path());
        assertTrue(errs.get(0).summary().contains(text), errs.get(0).summary());
    }

    private static MapValue withBlocks(Object... taskAttrs) {
        return taskDef(taskAttrs);
    }

    @Test
    void aValidDefinitionHasNoDiagnostics() {
        assertEquals(List.of(), TaskDefinitionValidator.validate(taskDef("memory", "512",
                "container", blocks(container("name", "web", "image", "nginx", "memory", 256,
                        "port_mappings", List.of(port(80, null)))))));
    }

    @Test
    void containerMemoryMustFitTheTaskMemory() {
        oneError(taskDef("memory", "512", "container", blocks(container("name", "web", "image", "nginx", "memory", 1024))),
                List.of("container", 0, "memory"), "exceeds the task memory (512 MiB)");
    }

    @Test
    void aContainerNameIsUniqueWithinTheTaskDefinition() {
        oneError(taskDef("memory", "512", "container", blocks(container("name", "web", "image", "nginx", "memory", 64),
                        container("name", "web", "image", "nginx", "memory", 64))),
                List.of("container", 1, "name"), "Container name \"web\" is used twice; names must be unique");
    }

    @Test
    void versionConsistencyIsEnabledOrDisabled() {
        assertEquals(List.of(), errors(taskDef("memory", "512", "container_definitions",
                "[{\"name\":\"a\",\"image\":\"x\",\"versionConsistency\":\"disabled\"},"
                        + "{\"name\":\"b\",\"image\":\"x\",\"versionConsistency\":\"enabled\"}]")));
        List<ProviderDiagnostic> errs = errors(taskDef("memory", "512", "container_definitions",
                "[{\"name\":\"a\",\"image\":\"x\",\"versionConsistency\":\"pinned\"}]"));
        assertEquals(1, errs.size(), errs::toString);
        assertEquals("Container \"a\": versionConsistency must be \"enabled\" or \"disabled\", not \"pinned\".",
                errs.get(0).summary());
    }

    @Test
    void memoryReservationMustNotExceedMemory() {
        oneError(taskDef("container", blocks(container("name", "web", "image", "nginx", "memory", 128,
                "memory_reservation", 256))), List.of("container", 0, "memory_reservation"), "above its memory");
    }

    @Test
    void someMemoryMustBeSetSomewhere() {
        oneError(taskDef("container", blocks(container("name", "web", "image", "nginx"))),
                List.of("container", 0), "At least one of 'memory' or 'memoryReservation' must be specified");
        assertEquals(List.of(), errors(taskDef("memory", "512",
                "container", blocks(container("name", "web", "image", "nginx")))));
        assertEquals(List.of(), errors(taskDef("container", blocks(container("name", "web", "image", "nginx",
                "memory_reservation", 64)))));
    }

    @Test
    void containerNamesMustBeUnique() {
        oneError(taskDef("memory", "512", "container", blocks(container("name", "web", "image", "a"),
                container("name", "web", "image", "b"))), List.of("container", 1, "name"), "used twice");
    }

    @Test
    void containerPortsMustBeUniqueWithinTheTask() {
        oneError(taskDef("memory", "512", "container", blocks(
                container("name", "a", "image", "x", "port_mappings", List.of(port(80, null))),
                container("name", "b", "image", "y", "port_mappings", List.of(port(8080, null), port(80, null))))),
                List.of("container", 1, "port_mappings", 1, "container_port"), "80/tcp is already mapped");
    }

    @Test
    void atLeastOneContainerMustBeEssential() {
        oneError(taskDef("memory", "512", "container", blocks(container("name", "a", "image", "x", "essential", false))),
                List.of("container"), "at least one essential container");
    }

    @Test
    void nameAndImageAreRequired() {
        oneError(taskDef("memory", "512", "container", blocks(container("name", "a"))),
                List.of("container", 0, "image"), "needs an image");
        oneError(taskDef("container_definitions", "[{\"image\":\"x\",\"memory\":64}]"),
                List.of("container_definitions"), "Container 1 needs a name");
    }

    @Test
    void jsonFormErrorsPointAtContainerDefinitions() {
        oneError(taskDef("memory", "256", "container_definitions",
                        "[{\"name\":\"web\",\"image\":\"x\",\"memory\":512}]"),
                List.of("container_definitions"), "Container \"web\" memory (512 MiB) exceeds");
    }

    @Test
    void aFieldEcsDoesNotKnowIsAWarningNamingItAndItsContainer() {
        List<ProviderDiagnostic> d = TaskDefinitionValidator.validate(taskDef("container_definitions",
                "[{\"name\":\"web\",\"image\":\"x\",\"memory\":64,\"expanded\":true}]"));
        assertEquals(1, d.size(), d.toString());
        assertFalse(d.get(0).isError());
        assertTrue(d.get(0).summary().contains("Container \"web\" has a field \"expanded\" that ECS does not know"),
                d.get(0).summary());
    }

    @Test
    void nullAndEmptyFieldsAreAbsentAsInConsoleExports() {
        assertEquals(List.of(), TaskDefinitionValidator.validate(taskDef("container_definitions",
                "[{\"name\":\"web\",\"image\":\"x\",\"memory\":64,\"links\":[],\"user\":null,"
                        + "\"environment\":[],\"mountPoints\":[],\"cpu\":null,\"dockerLabels\":{}}]")));
    }

    @Test
    void aFieldBerthDoesNotHonourIsAnErrorNamingIt() {
        oneError(taskDef("container_definitions",
                        "[{\"name\":\"web\",\"image\":\"x\",\"memory\":64,\"credentialSpecs\":[\"x\"]}]"),
                List.of("container_definitions"), "Container \"web\": berth cannot honour credentialSpecs: credential specs");
    }

    @Test
    void malformedJsonIsReported() {
        oneError(taskDef("container_definitions", "[{\"name\":"), List.of("container_definitions"), "not valid JSON");
        oneError(taskDef("container_definitions", "{\"name\":\"x\"}"), List.of("container_definitions"), "JSON array");
        oneError(taskDef("container_definitions", "[{\"name\":\"w\",\"image\":\"x\",\"memory\":64.5}]"),
                List.of("container_definitions"), "whole number");
    }

    @Test
    void bothFormsOrNeitherIsAnError() {
        oneError(taskDef("container_definitions", "[]", "container",
                blocks(container("name", "a", "image", "x", "memory", 64))),
                List.of("container_definitions"), "not both");
        oneError(taskDef(), List.of("container_definitions"), "needs containers");
    }

    @Test
    void taskLevelValuesAreChecked() {
        oneError(withBlocks("cpu", "fast", "memory", "512", "container", blocks(container("name", "a", "image", "x"))),
                List.of("cpu"), "not a CPU size");
        oneError(withBlocks("memory", "lots", "container", blocks(container("name", "a", "image", "x", "memory", 64))),
                List.of("memory"), "not a memory size");
        oneError(withBlocks("network_mode", "overlay", "memory", "512",
                "container", blocks(container("name", "a", "image", "x"))), List.of("network_mode"), "not one of");
        oneError(withBlocks("family", "web app", "memory", "512",
                "container", blocks(container("name", "a", "image", "x"))), List.of("family"), "Family");
        oneError(withBlocks("requires_compatibilities", List.of("FARGATE"), "network_mode", "bridge", "cpu", "256",
                "memory", "512", "container", blocks(container("name", "a", "image", "x"))),
                List.of("network_mode"), "need network_mode \"awsvpc\"");
    }

    @Test
    void containerCpuMustFitTheTaskCpu() {
        oneError(taskDef("cpu", "256", "memory", "512", "container", blocks(container("name", "a", "image", "x",
                "cpu", 512))), List.of("container", 0, "cpu"), "exceeds the task cpu");
    }

    @Test
    void unknownValuesSkipTheRulesThatNeedThem() {
        assertEquals(List.of(), errors(taskDef("container", blocks(container("name", "a", "image", Value.unknown(),
                "memory", Value.unknown())))));
        assertEquals(List.of(), errors(taskDef("memory", Value.unknown(),
                "container", blocks(container("name", "a", "image", "x")))));
    }

    @Test
    void fargateWithoutTaskSizeIsOnlyAWarning() {
        List<ProviderDiagnostic> all = TaskDefinitionValidator.validate(taskDef("requires_compatibilities",
                List.of("FARGATE"), "container", blocks(container("name", "a", "image", "x", "memory", 64))));
        assertEquals(1, all.size());
        assertTrue(!all.get(0).isError() && all.get(0).summary().contains("FARGATE"));
    }

    @Test
    void containersThatEachFitButTogetherDoNotAreRefused() {
        oneError(taskDef("memory", "512", "container_definitions",
                        "[{\"name\":\"a\",\"image\":\"x\",\"memory\":400},{\"name\":\"b\",\"image\":\"x\",\"memory\":400}]"),
                List.of("container_definitions"), "The containers reserve 800 MiB of memory (a 400, b 400), more than the "
                        + "task memory of 512 MiB.");
        oneError(taskDef("cpu", "256", "memory", "512", "container_definitions",
                        "[{\"name\":\"a\",\"image\":\"x\",\"cpu\":200},{\"name\":\"b\",\"image\":\"x\",\"cpu\":100}]"),
                List.of("container_definitions"), "cpu adds up to 300 units (a 200, b 100)");
        assertEquals(List.of(), TaskDefinitionValidator.validate(taskDef("memory", "512", "container_definitions",
                "[{\"name\":\"a\",\"image\":\"x\",\"memory\":400,\"memoryReservation\":256},"
                        + "{\"name\":\"b\",\"image\":\"x\",\"memoryReservation\":256}]")), "reservations count, not limits");
    }

    @Test
    void awsvpcAndHostModesNeedHostPortEqualToContainerPortAndNoneNoPorts() {
        oneError(taskDef("network_mode", "awsvpc", "container_definitions",
                        "[{\"name\":\"a\",\"image\":\"x\",\"memory\":64,\"portMappings\":[{\"containerPort\":80,\"hostPort\":8080}]}]"),
                List.of("container_definitions"), "When networkMode=awsvpc, the host ports and container ports in port "
                        + "mappings must match.");
        oneError(taskDef("network_mode", "host", "container_definitions",
                        "[{\"name\":\"a\",\"image\":\"x\",\"memory\":64,\"portMappings\":[{\"containerPort\":80,\"hostPort\":81}]}]"),
                List.of("container_definitions"), "When networkMode=host");
        oneError(taskDef("network_mode", "none", "container_definitions",
                        "[{\"name\":\"a\",\"image\":\"x\",\"memory\":64,\"portMappings\":[{\"containerPort\":80}]}]"),
                List.of("container_definitions"), "port mappings are not supported when networkMode=none");
        assertEquals(List.of(), TaskDefinitionValidator.validate(taskDef("network_mode", "awsvpc", "container_definitions",
                "[{\"name\":\"a\",\"image\":\"x\",\"memory\":64,\"portMappings\":[{\"containerPort\":80,\"hostPort\":80}]}]")));
    }

    @Test
    void externalCompatibilityIsRefusedWithTheReason() {
        oneError(taskDef("requires_compatibilities", Value.list(List.of(Value.of("EXTERNAL"))), "container_definitions",
                        "[{\"name\":\"a\",\"image\":\"x\",\"memory\":64}]"),
                List.of("requires_compatibilities"), "EXTERNAL (ECS Anywhere) is not available");
    }

    @Test
    void taskLevelRulesPointAtTheirAttribute() {
        oneError(taskDef("requires_compatibilities", Value.list(List.of(Value.of("FARGATE"))), "cpu", "256",
                        "memory", "512", "network_mode", "awsvpc", "pid_mode", "host", "container_definitions",
                        "[{\"name\":\"a\",\"image\":\"x\"}]"),
                List.of("pid_mode"), "pidMode host is not supported for tasks on Fargate; use task.");
        oneError(taskDef("ephemeral_storage", Value.list(List.of(Value.map(java.util.Map.of("size_in_gib", Value.of(10))))),
                        "container_definitions", "[{\"name\":\"a\",\"image\":\"x\",\"memory\":64}]"),
                List.of("ephemeral_storage"), "sizeInGiB must be between 21 and 200, not 10.");
    }
}
