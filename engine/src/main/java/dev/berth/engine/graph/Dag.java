package dev.berth.engine.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
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
     * chain of resources cannot overflow the stack.
     */
    public List<List<N>> cycles() {
        Map<N, Integer> index = new HashMap<>();
        Map<N, Integer> low = new HashMap<>();
        Deque<N> stack = new ArrayDeque<>();
        Set<N> onStack = new java.util.HashSet<>();
        List<List<N>> result = new ArrayList<>();
        int[] counter = {0};
        for (N root : dependencies.keySet()) {
            if (index.containsKey(root)) continue;
            Deque<Map.Entry<N, java.util.Iterator<N>>> work = new ArrayDeque<>();
            visit(root, index, low, stack, onStack, counter, work);
            while (!work.isEmpty()) {
                var top = work.peek();
                N v = top.getKey();
                if (top.getValue().hasNext()) {
                    N w = top.getValue().next();
                    if (!index.containsKey(w)) {
                        visit(w, index, low, stack, onStack, counter, work);
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    N parent = work.peek().getKey();
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(index.get(v))) {
                    List<N> component = new ArrayList<>();
                    N w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        component.add(w);
                    } while (!w.equals(v));
                    if (component.size() > 1 || dependencies.get(v).contains(v)) {
                        Collections.reverse(component);
                        result.add(component);
                    }
                }
            }
        }
        return result;
    }

    private void visit(N v, Map<N, Integer> index, Map<N, Integer> low, Deque<N> stack, Set<N> onStack,
                       int[] counter, Deque<Map.Entry<N, java.util.Iterator<N>>> work) {
        index.put(v, counter[0]);
        low.put(v, counter[0]);
        counter[0]++;
        stack.push(v);
        onStack.add(v);
        work.push(Map.entry(v, dependencies.get(v).iterator()));
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
