package dev.berth.engine.graph;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DagWalkerTest {

    @Test
    void runsEveryNodeExactlyOnceAndNeverBeforeItsDependencies() {
        Dag<String> dag = DagTest.diamond();
        dag.connect("side", "bottom");
        AtomicLong clock = new AtomicLong();
        Map<String, Long> started = new ConcurrentHashMap<>();
        Map<String, Long> finished = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> visits = new ConcurrentHashMap<>();

        DagWalker.Result<String> result = DagWalker.walk(dag, 4, n -> {
            visits.computeIfAbsent(n, k -> new AtomicInteger()).incrementAndGet();
            started.put(n, clock.incrementAndGet());
            Thread.sleep(5);
            finished.put(n, clock.incrementAndGet());
            return true;
        });

        assertTrue(result.ok());
        assertEquals(dag.nodes(), result.succeeded());
        assertEquals(dag.nodes(), visits.keySet());
        visits.forEach((n, count) -> assertEquals(1, count.get(), n + " visited more than once"));
        for (String n : dag.nodes()) {
            for (String dep : dag.dependenciesOf(n)) {
                assertTrue(finished.get(dep) < started.get(n), n + " started before its dependency " + dep + " finished");
            }
        }
    }

    @Test
    void neverRunsMoreNodesAtOnceThanTheParallelismBound() {
        Dag<Integer> dag = new Dag<>();
        for (int i = 0; i < 30; i++) dag.add(i);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();

        DagWalker.Result<Integer> result = DagWalker.walk(dag, 3, n -> {
            int now = running.incrementAndGet();
            max.accumulateAndGet(now, Math::max);
            Thread.sleep(15);
            running.decrementAndGet();
            return true;
        });

        assertEquals(30, result.succeeded().size());
        assertTrue(max.get() <= 3, "at most 3 at once, saw " + max.get());
        assertTrue(max.get() >= 2, "independent nodes should overlap, saw " + max.get());
    }

    @Test
    void parallelismOfOneRunsNodesOneAtATime() {
        Dag<Integer> dag = new Dag<>();
        for (int i = 0; i < 10; i++) dag.add(i);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();

        DagWalker.walk(dag, 1, n -> {
            max.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(2);
            running.decrementAndGet();
            return true;
        });

        assertEquals(1, max.get());
    }

    @Test
    void failureSkipsDependentsTransitivelyWhileIndependentBranchesComplete() {
        Dag<String> dag = new Dag<>();
        dag.connect("b", "a");
        dag.connect("c", "b");
        dag.connect("d", "c");
        dag.connect("d", "x");
        dag.connect("y", "x");
        dag.add("z");
        List<String> visited = Collections.synchronizedList(new ArrayList<>());

        DagWalker.Result<String> result = DagWalker.walk(dag, 2, n -> {
            visited.add(n);
            return !n.equals("a");
        });

        assertEquals(Set.of("a"), result.failed());
        assertEquals(Set.of("b", "c", "d"), result.skipped());
        assertEquals(Set.of("x", "y", "z"), result.succeeded());
        assertFalse(visited.contains("b"));
        assertFalse(visited.contains("c"));
        assertFalse(visited.contains("d"));
        assertFalse(result.ok());
    }

    @Test
    void aThrowingVisitorFailsTheNodeAndKeepsTheError() {
        Dag<String> dag = new Dag<>();
        dag.connect("child", "parent");
        dag.add("other");
        IllegalStateException boom = new IllegalStateException("boom");

        DagWalker.Result<String> result = DagWalker.walk(dag, 2, n -> {
            if (n.equals("parent")) throw boom;
            return true;
        });

        assertEquals(Set.of("parent"), result.failed());
        assertEquals(Set.of("child"), result.skipped());
        assertEquals(Set.of("other"), result.succeeded());
        assertInstanceOf(IllegalStateException.class, result.errors().get("parent"));
        assertEquals("boom", result.errors().get("parent").getMessage());
    }

    @Test
    void nodeWithOneFailedAndOneSucceededDependencyIsSkipped() {
        Dag<String> dag = new Dag<>();
        dag.connect("join", "good");
        dag.connect("join", "bad");

        DagWalker.Result<String> result = DagWalker.walk(dag, 2, n -> !n.equals("bad"));

        assertEquals(Set.of("join"), result.skipped());
        assertEquals(Set.of("good"), result.succeeded());
    }

    @Test
    void walksATenThousandNodeChainInOrder() {
        Dag<Integer> dag = new Dag<>();
        int n = 10_000;
        for (int i = 1; i < n; i++) dag.connect(i, i - 1);
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());

        DagWalker.Result<Integer> result = DagWalker.walk(dag, 4, i -> order.add(i));

        assertEquals(n, result.succeeded().size());
        for (int i = 0; i < n; i++) assertEquals(i, order.get(i));
    }

    @Test
    void aFailureAtTheHeadOfALongChainSkipsTheWholeChain() {
        Dag<Integer> dag = new Dag<>();
        int n = 10_000;
        for (int i = 1; i < n; i++) dag.connect(i, i - 1);

        DagWalker.Result<Integer> result = DagWalker.walk(dag, 4, i -> i != 0);

        assertEquals(Set.of(0), result.failed());
        assertEquals(n - 1, result.skipped().size());
        assertTrue(result.succeeded().isEmpty());
    }

    @Test
    void emptyGraphAndInvalidParallelism() {
        assertTrue(DagWalker.walk(new Dag<String>(), 1, n -> true).ok());
        assertThrows(IllegalArgumentException.class, () -> DagWalker.walk(new Dag<String>(), 0, n -> true));
    }

    @Test
    void aStopLetsRunningNodesFinishAndStartsNoOther() throws Exception {
        Dag<String> dag = new Dag<>();
        for (String n : List.of("a", "b", "c", "d")) dag.add(n);
        dag.connect("a2", "a");
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        List<String> finished = Collections.synchronizedList(new ArrayList<>());

        DagWalker.Result<String> result = DagWalker.walk(dag, 1, n -> {
            stop.set(true); // asked to stop while the first node runs
            Thread.sleep(20);
            finished.add(n);
            return true;
        }, stop::get);

        assertEquals(1, finished.size(), "only the node in flight ran: " + finished);
        assertEquals(Set.copyOf(finished), result.succeeded(), "and it finished normally");
        assertEquals(dag.size() - 1, result.skipped().size());
        assertFalse(result.ok());
    }

    @Test
    void aStopBeforeTheWalkStartsNothing() {
        Dag<String> dag = DagTest.diamond();
        DagWalker.Result<String> result = DagWalker.walk(dag, 4, n -> {
            throw new AssertionError("nothing may start");
        }, () -> true);
        assertEquals(dag.nodes(), result.skipped());
    }
}
