package dev.berth.ecs.taskdef;

import dev.berth.ecs.store.Json;
import dev.berth.ecs.taskdef.ContainerOrderRules.Member;
import dev.berth.ecs.taskdef.ContainerOrderRules.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContainerOrderRulesTest {
    private static ContainerOrder order(String dependsOnJson, Integer start, Integer stop) throws Exception {
        return ContainerOrder.read(dependsOnJson == null ? null : Json.MAPPER.readTree(dependsOnJson),
                start == null ? null : Json.MAPPER.getNodeFactory().numberNode(start),
                stop == null ? null : Json.MAPPER.getNodeFactory().numberNode(stop));
    }

    private static List<String> messages(List<Member> members, boolean fargate) {
        return ContainerOrderRules.check(members, fargate).stream().map(Problem::message).toList();
    }

    @Test
    void aValidOrderHasNoProblems() throws Exception {
        List<Member> ok = List.of(
                new Member("init", false, false, ContainerOrder.NONE),
                new Member("db", true, true, ContainerOrder.NONE),
                new Member("app", true, false, order("[{\"containerName\":\"init\",\"condition\":\"SUCCESS\"},"
                        + "{\"containerName\":\"db\",\"condition\":\"HEALTHY\"}]", 30, 10)));
        assertEquals(List.of(), messages(ok, true));
    }

    @Test
    void aDependencyNamingNoContainerIsEcsError() throws Exception {
        List<Member> m = List.of(new Member("app", true, false,
                order("[{\"containerName\":\"sidecar\",\"condition\":\"START\"}]", null, null)));
        assertEquals(List.of("Cannot depend on container + 'sidecar' because it does not exist"), messages(m, false));
    }

    @Test
    void completeOrSuccessOnAnEssentialContainerIsEcsError() throws Exception {
        List<Member> m = List.of(new Member("envoy", true, false, ContainerOrder.NONE),
                new Member("app", true, false, order("[{\"containerName\":\"envoy\",\"condition\":\"SUCCESS\"}]", null, null)));
        assertEquals(List.of("A dependency container with SUCCESS or COMPLETE condition cannot be an essential container"),
                messages(m, false));
        List<Member> complete = List.of(new Member("envoy", true, false, ContainerOrder.NONE),
                new Member("app", true, false, order("[{\"containerName\":\"envoy\",\"condition\":\"COMPLETE\"}]", null, null)));
        assertEquals(1, messages(complete, false).size());
    }

    @Test
    void healthyNeedsAHealthCheckOnTheDependency() throws Exception {
        List<Member> m = List.of(new Member("db", true, false, ContainerOrder.NONE),
                new Member("app", true, false, order("[{\"containerName\":\"db\",\"condition\":\"HEALTHY\"}]", null, null)));
        assertEquals(List.of("Container \"app\" depends on container \"db\" with condition HEALTHY, but \"db\" has no "
                + "healthCheck."), messages(m, false));
    }

    @Test
    void anUnknownConditionIsNamed() throws Exception {
        List<Member> m = List.of(new Member("db", true, false, ContainerOrder.NONE),
                new Member("app", true, false, order("[{\"containerName\":\"db\",\"condition\":\"READY\"}]", null, null)));
        assertEquals(List.of("Container \"app\": dependsOn condition \"READY\" is not one of START, COMPLETE, SUCCESS, "
                + "HEALTHY."), messages(m, false));
    }

    @Test
    void cyclesAreRefusedWithTheirPath() throws Exception {
        List<Member> m = List.of(
                new Member("a", true, false, order("[{\"containerName\":\"b\",\"condition\":\"START\"}]", null, null)),
                new Member("b", true, false, order("[{\"containerName\":\"c\",\"condition\":\"START\"}]", null, null)),
                new Member("c", true, false, order("[{\"containerName\":\"a\",\"condition\":\"START\"}]", null, null)));
        assertEquals(List.of("The containers' dependsOn form a cycle (a -> b -> c -> a), so they can never start."),
                messages(m, false));
        List<Member> self = List.of(new Member("a", true, false,
                order("[{\"containerName\":\"a\",\"condition\":\"START\"}]", null, null)));
        assertEquals(List.of("The containers' dependsOn form a cycle (a -> a), so they can never start."),
                messages(self, false));
    }

    @Test
    void fargateBoundsBothTimeoutsToTwoThrough120Seconds() throws Exception {
        List<Member> m = List.of(new Member("app", true, false, order(null, 1, 121)));
        assertEquals(List.of(
                "Container \"app\": startTimeout 1 is not between 2 and 120 seconds, the range ECS allows for FARGATE.",
                "Container \"app\": stopTimeout 121 is not between 2 and 120 seconds, the range ECS allows for FARGATE."),
                messages(m, true));
        assertEquals(List.of(), messages(m, false), "EC2 instances take the agent's own bounds");
        assertEquals(List.of("Container \"app\": stopTimeout must not be negative."),
                messages(List.of(new Member("app", true, false, order(null, null, -1))), false));
    }
}
