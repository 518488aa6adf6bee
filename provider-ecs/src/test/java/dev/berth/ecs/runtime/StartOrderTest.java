package dev.berth.ecs.runtime;

import dev.berth.ecs.runtime.ContainerLifecycle.Condition;
import dev.berth.ecs.runtime.ContainerLifecycle.Dependency;
import dev.berth.ecs.runtime.StartOrder.Health;
import dev.berth.ecs.runtime.StartOrder.Member;
import dev.berth.ecs.runtime.StartOrder.Phase;
import dev.berth.ecs.runtime.StartOrder.Seen;
import dev.berth.ecs.runtime.StartOrder.Step;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartOrderTest {
    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");

    private static Member member(String name, boolean essential, Integer startTimeout, Dependency... deps) {
        return new Member(name, essential, new ContainerLifecycle(Arrays.asList(deps), startTimeout, null));
    }

    private static Member member(String name, boolean essential, Dependency... deps) {
        return member(name, essential, null, deps);
    }

    private static Dependency on(String name, Condition c) {
        return new Dependency(name, c);
    }

    private static Seen running(Health h, Instant startedAt) {
        return new Seen(Phase.RUNNING, h, null, startedAt);
    }

    private static Seen exited(int code) {
        return new Seen(Phase.EXITED, Health.NONE, code, T0);
    }

    @Test
    void containersWithoutDependenciesAllStartAtOnce() {
        List<Member> m = List.of(member("a", true), member("b", false));
        Step s = StartOrder.next(m, Map.of(), T0);
        assertEquals(List.of("a", "b"), s.start());
        assertFalse(s.taskFails());
    }

    @Test
    void healthyHoldsTheDependentUntilTheDependencyIsHealthy() {
        List<Member> m = List.of(member("db", true), member("app", true, on("db", Condition.HEALTHY)));
        assertEquals(List.of("db"), StartOrder.next(m, Map.of(), T0).start());
        Map<String, Seen> seen = new HashMap<>(Map.of("db", running(Health.STARTING, T0)));
        assertEquals(List.of(), StartOrder.next(m, seen, T0.plusSeconds(5)).start());
        seen.put("db", running(Health.UNHEALTHY, T0));
        Step unhealthy = StartOrder.next(m, seen, T0.plusSeconds(10));
        assertEquals(List.of(), unhealthy.start(), "an unhealthy dependency may still turn healthy within its timeout");
        assertFalse(unhealthy.taskFails());
        seen.put("db", running(Health.HEALTHY, T0));
        assertEquals(List.of("app"), StartOrder.next(m, seen, T0.plusSeconds(11)).start());
    }

    @Test
    void startWaitsOnlyForTheDependencyToHaveStarted() {
        List<Member> m = List.of(member("app", true, on("proxy", Condition.START)), member("proxy", true));
        assertEquals(List.of("proxy"), StartOrder.next(m, Map.of(), T0).start());
        assertEquals(List.of("app"), StartOrder.next(m, Map.of("proxy", running(Health.NONE, T0)), T0).start());
    }

    @Test
    void completeWaitsForAnyExitAndSuccessForExitZero() {
        List<Member> m = List.of(member("init", false), member("app", true, on("init", Condition.COMPLETE)),
                member("worker", true, on("init", Condition.SUCCESS)));
        assertEquals(List.of("init"), StartOrder.next(m, Map.of(), T0).start());
        assertEquals(List.of(), StartOrder.next(m, Map.of("init", running(Health.NONE, T0)), T0).start());
        assertEquals(List.of("app", "worker"), StartOrder.next(m, Map.of("init", exited(0)), T0).start());
    }

    @Test
    void aSuccessDependencyThatFailsStopsTheTaskWithTheAgentsReason() {
        List<Member> m = List.of(member("init", false), member("app", true, on("init", Condition.SUCCESS)));
        Step s = StartOrder.next(m, Map.of("init", exited(1)), T0);
        assertTrue(s.taskFails());
        assertEquals("app", s.failed().container());
        assertEquals("dependency graph: failed to resolve container ordering dependency [init] for target [app] "
                + "as dependency did not exit successfully.", s.failed().reason());
    }

    @Test
    void completeAcceptsAFailedExit() {
        List<Member> m = List.of(member("init", false), member("app", true, on("init", Condition.COMPLETE)));
        assertEquals(List.of("app"), StartOrder.next(m, Map.of("init", exited(3)), T0).start());
    }

    @Test
    void aDependencyThatDoesNotHoldWithinItsStartTimeoutTimesOut() {
        List<Member> m = List.of(member("db", true, 10), member("app", true, on("db", Condition.HEALTHY)));
        Map<String, Seen> seen = Map.of("db", running(Health.UNHEALTHY, T0));
        assertFalse(StartOrder.next(m, seen, T0.plusSeconds(10)).taskFails());
        Step s = StartOrder.next(m, seen, T0.plusSeconds(11));
        assertEquals("dependency graph: container ordering dependency [db] for target [app] has timed out.",
                s.failed().reason());
    }

    @Test
    void withoutAStartTimeoutTheAgentsThreeMinutesApply() {
        List<Member> m = List.of(member("init", false), member("app", true, on("init", Condition.SUCCESS)));
        Map<String, Seen> seen = Map.of("init", running(Health.NONE, T0));
        assertFalse(StartOrder.next(m, seen, T0.plusSeconds(180)).taskFails());
        assertTrue(StartOrder.next(m, seen, T0.plusSeconds(181)).taskFails());
    }

    @Test
    void aStartDependencyNeverTimesOut() {
        List<Member> m = List.of(member("a", true, 2), member("b", true, on("a", Condition.START)));
        // a is still waiting itself (not started): b just waits.
        Step s = StartOrder.next(m, Map.of("a", Seen.WAITING), T0.plusSeconds(1000));
        assertEquals(List.of("a"), s.start());
    }

    @Test
    void aNonEssentialContainerWhoseDependencyFailsIsLeftBehindAndTheTaskGoesOn() {
        List<Member> m = List.of(member("app", true), member("init", false),
                member("report", false, on("init", Condition.SUCCESS)));
        Step s = StartOrder.next(m, Map.of("app", running(Health.NONE, T0), "init", exited(2)), T0);
        assertFalse(s.taskFails());
        assertEquals(1, s.blocked().size());
        assertEquals("report", s.blocked().get(0).container());
        Map<String, Seen> after = Map.of("app", running(Health.NONE, T0), "init", exited(2),
                "report", new Seen(Phase.ABANDONED, Health.NONE, null, null));
        assertTrue(StartOrder.settled(m, after));
    }

    @Test
    void anEssentialContainerThatExitsWhileTheTaskStartsFailsIt() {
        List<Member> m = List.of(member("app", true), member("late", true, on("app", Condition.START)));
        Step s = StartOrder.next(m, Map.of("app", exited(1)), T0);
        assertEquals("app", s.exited());
        assertTrue(s.taskFails());
    }

    @Test
    void aNonEssentialContainerMayExitWhileTheTaskStarts() {
        List<Member> m = List.of(member("job", false), member("app", true, on("job", Condition.START)));
        Step s = StartOrder.next(m, Map.of("job", exited(0)), T0);
        assertNull(s.exited());
        assertEquals(List.of("app"), s.start());
    }

    @Test
    void aHealthyDependencyThatExitsCanNeverHold() {
        List<Member> m = List.of(member("db", false), member("app", true, on("db", Condition.HEALTHY)));
        Step s = StartOrder.next(m, Map.of("db", exited(0)), T0);
        assertEquals("dependency graph: failed to resolve the container ordering dependency [db] for target [app]",
                s.failed().reason());
    }

    @Test
    void aCycleThatSlippedPastRegistrationFailsInsteadOfWaitingForever() {
        List<Member> m = List.of(member("a", true, on("b", Condition.START)), member("b", true, on("a", Condition.START)));
        assertTrue(StartOrder.next(m, Map.of(), T0).taskFails());
    }

    @Test
    void theNamespaceOwnerIsTheFirstContainerThatRunsForTheWholeTask() {
        // No dependencies: the first container, as before.
        assertEquals(0, StartOrder.namespaceOwner(List.of(member("web", true), member("side", false))));
        // The first definition waits; the second waits for nothing.
        assertEquals(1, StartOrder.namespaceOwner(List.of(member("app", true, on("proxy", Condition.HEALTHY)),
                member("proxy", true))));
        // Init containers are awaited to exit, so the first container after them owns the namespace.
        List<Member> init = List.of(member("init", false), member("app", true, on("init", Condition.SUCCESS)),
                member("side", false, on("init", Condition.COMPLETE)));
        assertEquals(1, StartOrder.namespaceOwner(init));
        assertEquals(Set.of("init"), StartOrder.ancestors(init, "app"));
    }

    @Test
    void containersJoiningTheNamespaceWaitForItsOwnerToStart() {
        List<Member> m = List.of(member("init", false), member("app", true, on("init", Condition.SUCCESS)),
                member("side", false));
        // side waits for nothing but is not the owner (app is: side... is a root nobody awaits)
        int owner = StartOrder.namespaceOwner(m);
        assertEquals(2, owner, "side waits for nothing and nobody awaits its exit");
        List<Member> joined = StartOrder.joiningNamespace(m, owner);
        assertEquals(List.of(on("side", Condition.START)), joined.get(0).lifecycle().dependsOn());
        assertEquals(List.of(on("init", Condition.SUCCESS), on("side", Condition.START)),
                joined.get(1).lifecycle().dependsOn());
        assertEquals(List.of(), joined.get(2).lifecycle().dependsOn());
        // init, app's sole dependency when side is absent, runs in a namespace of its own before app.
        List<Member> two = List.of(member("init", false), member("app", true, on("init", Condition.SUCCESS)));
        List<Member> joinedTwo = StartOrder.joiningNamespace(two, StartOrder.namespaceOwner(two));
        assertEquals(List.of(), joinedTwo.get(0).lifecycle().dependsOn());
        assertEquals(List.of(on("init", Condition.SUCCESS)), joinedTwo.get(1).lifecycle().dependsOn());
    }

    @Test
    void topologicalOrderStartsDependenciesFirstAndLeavesCyclesOut() {
        List<Member> m = List.of(member("app", true, on("db", Condition.HEALTHY)), member("db", true),
                member("x", true, on("y", Condition.START)), member("y", true, on("x", Condition.START)));
        assertEquals(List.of(1, 0), StartOrder.topological(m));
    }
}
