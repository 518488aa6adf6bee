package dev.berth.engine.graph;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DagWalkerPropertyTest {

    /**
     * Random DAGs: an edge may only point from a higher-numbered node to a lower one, so the graph
     * is acyclic whatever the random choices. Nodes are added in shuffled order so insertion order
     * gives the walker no hint.
     */
    @Test
    void walkOrderIsATopologicalOrder() {
        Random seeds = new Random(20261124);
        for (int trial = 0; trial < 60; trial++) {
            long seed = seeds.nextLong();
            Random r = new Random(seed);
            checkOneDag(1 + r.nextInt(40), 1 + r.nextInt(4), seed);
        }
    }

    private static void checkOneDag(int size, int parallelism, long seed) {
        Random random = new Random(seed);
        List<Integer> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) nodes.add(i);
        Collections.shuffle(nodes, random);
        Dag<Integer> dag = new Dag<>();
        for (int n : nodes) {
            dag.add(n);
            for (int d = 0; d < n; d++) if (random.nextInt(4) == 0) dag.connect(n, d);
        }
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());

        DagWalker.Result<Integer> result = DagWalker.walk(dag, parallelism, n -> order.add(n));

        assertEquals(size, result.succeeded().size(), "seed " + seed);
        assertEquals(size, order.size());
        assertEquals(size, new java.util.HashSet<>(order).size(), "a node ran twice: " + order);
        for (int n : dag.nodes()) {
            for (int dep : dag.dependenciesOf(n)) {
                assertTrue(order.indexOf(dep) < order.indexOf(n), dep + " must run before " + n + ": " + order);
            }
        }
    }
}
