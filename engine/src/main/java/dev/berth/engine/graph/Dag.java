package dev.berth.engine.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A directed graph whose edges point from a node to the nodes it depends on. Nodes keep their
 * insertion order so walks and printed cycles are deterministic.
 */
public final class Dag<N> {
    private final Map<N, Set<N>> dependencies = new LinkedHashMap<>();
    private final Map<N, Set<N>> dependents = new LinkedHashMap<>();

    public void add(N node) {
        dependencies.computeIfAbsent(node, k -> new LinkedHashSet<>());
        dependents.computeIfAbsent(node, k -> new LinkedHashSet<>());
    }

    /** Records that {@code dependent} must come after {@code dependency}. */
    public void connect(N dependent, N dependency) {
        add(dependent);
        add(dependency);
        dependencies.get(dependent).add(dependency);
        dependents.get(dependency).add(dependent);
    }

    public boolean contains(N node) {
        return dependencies.containsKey(node);
    }

    public Set<N> nodes() {
        return Collections.unmodifiableSet(dependencies.keySet());
    }

    public Set<N> dependenciesOf(N node) {
        return Collections.unmodifiableSet(dependencies.getOrDefault(node, Set.of()));
    }

    public Set<N> dependentsOf(N node) {
        return Collections.unmodifiableSet(dependents.getOrDefault(node, Set.of()));
    }

    public int size() {
        return dependencies.size();
    }

    /** The same nodes with every edge turned around: the order a destroy walks in. */
    public Dag<N> reversed() {
        Dag<N> r = new Dag<>();
        for (N n : dependencies.keySet()) r.add(n);
        dependencies.forEach((n, deps) -> deps.forEach(d -> r.connect(d, n)));
        return r;
    }

    /**
     * Every cycle, each as the list of its nodes (strongly connected components with more than
     * one node, or a node that depends on itself). Tarjan's algorithm, iterative so that a long
     * chain of resources cannot overflow the stack, over the nodes' positions: one lookup per
     * edge to number them, then arrays, where maps of boxed numbers cost a hash per step (a
     * tenth of a plan's check at 100,000 resources).
     */
    public List<List<N>> cycles() {
        int n = dependencies.size();
        List<N> nodes = new ArrayList<>(dependencies.keySet());
        Map<N, Integer> position = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) position.put(nodes.get(i), i);
        int[][] edges = new int[n][];
        for (int i = 0; i < n; i++) {
            Set<N> deps = dependencies.get(nodes.get(i));
            int[] e = new int[deps.size()];
            int k = 0;
            for (N d : deps) e[k++] = position.get(d);
            edges[i] = e;
        }
        int[] index = new int[n];
        int[] low = new int[n];
        Arrays.fill(index, -1);
        boolean[] onStack = new boolean[n];
        int[] stack = new int[n];
        int top = 0;
        // The walk's own stack: a node and how many of its edges it has followed.
        int[] walkNode = new int[n];
        int[] walkEdge = new int[n];
        int counter = 0;
        List<List<N>> result = new ArrayList<>();
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) continue;
            int depth = 0;
            walkNode[0] = root;
            walkEdge[0] = 0;
            index[root] = low[root] = counter++;
            stack[top++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int v = walkNode[depth];
                if (walkEdge[depth] < edges[v].length) {
                    int w = edges[v][walkEdge[depth]++];
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack[top++] = w;
                        onStack[w] = true;
                        depth++;
                        walkNode[depth] = w;
                        walkEdge[depth] = 0;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                depth--;
                if (depth >= 0) {
                    int parent = walkNode[depth];
                    low[parent] = Math.min(low[parent], low[v]);
                }
                if (low[v] == index[v]) {
                    List<N> component = new ArrayList<>();
                    int w;
                    do {
                        w = stack[--top];
                        onStack[w] = false;
                        component.add(nodes.get(w));
                    } while (w != v);
                    if (component.size() > 1 || dependencies.get(nodes.get(v)).contains(nodes.get(v))) {
                        Collections.reverse(component);
                        result.add(component);
                    }
                }
            }
        }
        return result;
    }

    /** Dependencies before dependents; requires an acyclic graph. */
    public List<N> topologicalOrder() {
        Map<N, Integer> remaining = new HashMap<>();
        Deque<N> ready = new ArrayDeque<>();
        for (var e : dependencies.entrySet()) {
            remaining.put(e.getKey(), e.getValue().size());
            if (e.getValue().isEmpty()) ready.add(e.getKey());
        }
        List<N> order = new ArrayList<>(dependencies.size());
        while (!ready.isEmpty()) {
            N n = ready.poll();
            order.add(n);
            for (N d : dependents.get(n)) {
                if (remaining.merge(d, -1, Integer::sum) == 0) ready.add(d);
            }
        }
        if (order.size() != dependencies.size()) throw new IllegalStateException("graph has a cycle");
        return order;
    }
}
