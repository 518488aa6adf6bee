package dev.berth.engine.graph;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DagTest {

    private static Set<Set<String>> cycleSets(Dag<String> dag) {
        return dag.cycles().stream().map(Set::copyOf).collect(Collectors.toSet());
    }

    @Test
    void twoNodeCycleIsFoundWithBothNodes() {
        Dag<String> dag = new Dag<>();
        dag.connect("a", "b");
        dag.connect("b", "a");
        dag.connect("c", "a");

        assertEquals(Set.of(Set.of("a", "b")), cycleSets(dag));
    }

    @Test
    void threeNodeCycleIsFoundAndOnlyItsNodesAreNamed() {
        Dag<String> dag = new Dag<>();
        dag.connect("a", "b");
        dag.connect("b", "c");
        dag.connect("c", "a");
        dag.connect("d", "a");
        dag.connect("c", "e");

        List<List<String>> cycles = dag.cycles();
        assertEquals(1, cycles.size());
        assertEquals(Set.of("a", "b", "c"), Set.copyOf(cycles.get(0)));
        assertEquals(3, cycles.get(0).size());
    }

    @Test
    void selfLoopIsACycleOfOneNode() {
        Dag<String> dag = new Dag<>();
        dag.connect("a", "a");
        dag.connect("b", "a");

        assertEquals(List.of(List.of("a")), dag.cycles());
    }

    @Test
    void twoSeparateCyclesAreBothReported() {
        Dag<String> dag = new Dag<>();
        dag.connect("a", "b");
        dag.connect("b", "a");
        dag.connect("x", "y");
        dag.connect("y", "x");

        assertEquals(Set.of(Set.of("a", "b"), Set.of("x", "y")), cycleSets(dag));
    }

    @Test
    void diamondHasNoCycle() {
        Dag<String> dag = diamond();

        assertTrue(dag.cycles().isEmpty());
    }

    @Test
    void topologicalOrderPutsDependenciesFirst() {
        Dag<String> dag = diamond();

        List<String> order = dag.topologicalOrder();

        assertEquals(4, order.size());
        assertEquals(Set.of("top", "left", "right", "bottom"), Set.copyOf(order));
        for (String n : dag.nodes()) {
            for (String dep : dag.dependenciesOf(n)) {
                assertTrue(order.indexOf(dep) < order.indexOf(n), dep + " must come before " + n + " in " + order);
            }
        }
        assertEquals("bottom", order.get(0));
        assertEquals("top", order.get(3));
    }

    @Test
    void topologicalOrderRefusesACycle() {
        Dag<String> dag = new Dag<>();
        dag.connect("a", "b");
        dag.connect("b", "a");

        assertThrows(IllegalStateException.class, dag::topologicalOrder);
    }

    @Test
    void reversedTurnsEveryEdgeAround() {
        Dag<String> r = diamond().reversed();

        assertEquals(Set.of("left", "right"), r.dependenciesOf("bottom"));
        assertEquals(Set.of("top"), r.dependenciesOf("left"));
        assertEquals(Set.of(), r.dependenciesOf("top"));
        assertEquals("top", r.topologicalOrder().get(0));
    }

    @Test
    void longChainCyclesAndOrderDoNotOverflowTheStack() {
        Dag<Integer> dag = new Dag<>();
        int n = 100_000;
        for (int i = 1; i < n; i++) dag.connect(i, i - 1);

        assertTrue(dag.cycles().isEmpty());
        List<Integer> order = dag.topologicalOrder();
        assertEquals(0, order.get(0));
        assertEquals(n - 1, order.get(n - 1));

        dag.connect(0, n - 1);
        List<List<Integer>> cycles = dag.cycles();
        assertEquals(1, cycles.size());
        assertEquals(n, cycles.get(0).size());
    }

    /** top depends on left and right, both of which depend on bottom. */
    static Dag<String> diamond() {
        Dag<String> dag = new Dag<>();
        dag.connect("top", "left");
        dag.connect("top", "right");
        dag.connect("left", "bottom");
        dag.connect("right", "bottom");
        return dag;
    }
}
