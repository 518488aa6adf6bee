package dev.berth.ecs.control;

import dev.berth.ecs.api.Shapes.Tag;
import dev.berth.ecs.api.TaskDefinitionCalls.DeregisterTaskDefinitionRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.DescribeTaskDefinitionRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.ListTaskDefinitionFamiliesRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.ListTaskDefinitionsRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.RegisterTaskDefinitionRequest;
import dev.berth.ecs.api.TaskDefinitionCalls.TaskDefinition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.berth.ecs.control.Plane.assertEcsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TaskDefinitionActionsTest {
    private static final String ARN = "arn:aws:ecs:local:000000000000:task-definition/";
    private final Plane p = new Plane();

    private static RegisterTaskDefinitionRequest web(String family, int memory, String token, Tag... tags) {
        return new RegisterTaskDefinitionRequest(family, null, null, null, List.of(Map.of("name", "web",
                "image", "busybox", "memory", memory, "portMappings", List.of(Map.of("containerPort", 80)))),
                null, null, null, null, List.of(tags), token);
    }

    private TaskDefinition register(String family, int memory) {
        return p.api.registerTaskDefinition(web(family, memory, null)).taskDefinition();
    }

    @Test
    void registerNormalisesAsTheResourceDoesAndRevisionsAreNeverReused() {
        TaskDefinition first = register("web", 64);
        assertEquals(ARN + "web:1", first.taskDefinitionArn());
        assertEquals("bridge", first.networkMode());
        assertEquals("ACTIVE", first.status());
        assertEquals(List.of("EC2"), first.compatibilities());
        assertEquals(Map.of("name", "web", "image", "busybox", "memory", 64, "essential", true,
                "portMappings", List.of(Map.of("containerPort", 80, "protocol", "tcp"))), first.containerDefinitions().get(0));
        p.api.deregisterTaskDefinition(new DeregisterTaskDefinitionRequest("web:1"));
        assertEquals(2, register("web", 64).revision());

        TaskDefinition fargate = p.api.registerTaskDefinition(new RegisterTaskDefinitionRequest("api", null, null,
                null, List.of(Map.of("name", "api", "image", "busybox")), null, List.of("FARGATE"), "0.25 vCPU",
                "0.5 GB", null)).taskDefinition();
        assertEquals(List.of("256", "512", "awsvpc"), List.of(fargate.cpu(), fargate.memory(), fargate.networkMode()));
        assertEquals(List.of("EC2", "FARGATE"), fargate.compatibilities());
    }

    @Test
    void invalidDefinitionsAreClientExceptionsWithTheValidatorsTexts() {
        assertEcsError("ClientException", "Invalid setting for container 'web'. At least one of 'memory' or "
                + "'memoryReservation' must be specified.", () -> p.api.registerTaskDefinition(new RegisterTaskDefinitionRequest("web", null,
                null, null, List.of(Map.of("name", "web", "image", "busybox")), null, null, null, null, null)));
        assertEcsError("ClientException", "Family is required.", () -> p.api.registerTaskDefinition(
                new RegisterTaskDefinitionRequest(null, null, null, null, List.of(), null, null, null, null, null)));
        assertEcsError("ClientException", "network_mode \"overlay\" is not one of awsvpc, bridge, host, none.",
                () -> p.api.registerTaskDefinition(new RegisterTaskDefinitionRequest("web", null, null, "overlay",
                        List.of(Map.of("name", "web", "image", "busybox", "memory", 64)), null, null, null, null, null)));
    }

    @Test
    void aRetriedRegisterWithTheSameTokenReturnsTheFirstRevision() {
        TaskDefinition first = p.api.registerTaskDefinition(web("web", 64, "tok", new Tag("a", "1"))).taskDefinition();
        var again = p.api.registerTaskDefinition(web("web", 64, "tok"));
        assertEquals(first, again.taskDefinition());
        assertEquals(List.of(new Tag("a", "1")), again.tags());
        assertEquals(2, p.api.registerTaskDefinition(web("web", 64, "other")).taskDefinition().revision());
    }

    @Test
    void describeByFamilyRevisionOrArnAndDeregisteredRevisionsStayDescribable() {
        register("web", 64);
        p.api.registerTaskDefinition(web("web", 128, null, new Tag("team", "core")));
        assertEquals(2, describe("web").revision());
        assertEquals(1, describe("web:1").revision());
        assertEquals(2, describe(ARN + "web:2").revision());
        assertEquals(List.of(new Tag("team", "core")), p.api.describeTaskDefinition(
                new DescribeTaskDefinitionRequest("web:2", List.of("TAGS"))).tags());
        assertNull(p.api.describeTaskDefinition(new DescribeTaskDefinitionRequest("web:2", null)).tags());

        TaskDefinition gone = p.api.deregisterTaskDefinition(new DeregisterTaskDefinitionRequest(ARN + "web:2"))
                .taskDefinition();
        assertEquals("INACTIVE", gone.status());
        assertEquals("INACTIVE", describe("web:2").status());
        assertEquals(1, describe("web").revision(), "the family now means its latest ACTIVE revision");
        assertEcsError("ClientException", "Unable to describe task definition.", () -> describe("nope"));
        assertEcsError("ClientException", "Unable to describe task definition.", () -> describe("web:9"));
        assertEcsError("ClientException", "Revision is missing.",
                () -> p.api.deregisterTaskDefinition(new DeregisterTaskDefinitionRequest("web")));
        assertEcsError("ClientException", "The specified task definition does not exist.",
                () -> p.api.deregisterTaskDefinition(new DeregisterTaskDefinitionRequest("web:7")));
    }

    private TaskDefinition describe(String ref) {
        return p.api.describeTaskDefinition(new DescribeTaskDefinitionRequest(ref, null)).taskDefinition();
    }

    @Test
    void listFiltersByWholeFamilyAndStatusSortsAndPages() {
        register("web", 64);
        register("web", 65);
        register("worker", 64);
        register("web", 66);
        p.api.deregisterTaskDefinition(new DeregisterTaskDefinitionRequest("web:2"));
        assertEquals(List.of(ARN + "web:1", ARN + "web:3", ARN + "worker:1"), list(null, null, null));
        assertEquals(List.of(ARN + "web:3", ARN + "web:1"), list("web", null, "DESC"));
        assertEquals(List.of(), list("we", null, null), "familyPrefix names a whole family");
        assertEquals(List.of(ARN + "web:2"), list(null, "INACTIVE", null));
        var page = p.api.listTaskDefinitions(new ListTaskDefinitionsRequest(null, null, null, null, 2));
        assertEquals(2, page.taskDefinitionArns().size());
        assertEquals(List.of(ARN + "worker:1"), p.api.listTaskDefinitions(new ListTaskDefinitionsRequest(null, null,
                null, page.nextToken(), 2)).taskDefinitionArns());
        assertEcsError("InvalidParameterException", "status must be one of ACTIVE, INACTIVE, DELETE_IN_PROGRESS.",
                () -> list(null, "GONE", null));
    }

    private List<String> list(String family, String status, String sort) {
        return p.api.listTaskDefinitions(new ListTaskDefinitionsRequest(family, status, sort, null, null))
                .taskDefinitionArns();
    }

    @Test
    void familiesFilterByPrefixAndByWhetherAnyRevisionIsActive() {
        register("web", 64);
        register("worker", 64);
        register("api", 64);
        p.api.deregisterTaskDefinition(new DeregisterTaskDefinitionRequest("api:1"));
        assertEquals(List.of("api", "web", "worker"), families(null, null));
        assertEquals(List.of("web", "worker"), families("w", null));
        assertEquals(List.of("web", "worker"), families(null, "ACTIVE"));
        assertEquals(List.of("api"), families(null, "INACTIVE"));
    }

    private List<String> families(String prefix, String status) {
        return p.api.listTaskDefinitionFamilies(new ListTaskDefinitionFamiliesRequest(prefix, status, null, null))
                .families();
    }
}
