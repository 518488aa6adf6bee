package dev.berth.engine.apply;

import dev.berth.engine.graph.Dag;
import dev.berth.engine.plan.ResourceChange;
import dev.berth.engine.provider.ImplicitOrder;
import dev.berth.engine.provider.Provider;
import dev.berth.engine.provider.Providers;
import dev.berth.engine.value.MapValue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Adds the orderings providers declare beyond references ({@link ImplicitOrder}): an object
 * that needs what another provides is applied after it and destroyed before it. Creates and
 * updates read the planned value, destroys the prior one. These edges are hints: one that would
 * close a cycle with the orderings configuration states is left out, so they never make an
 * apply impossible that was possible without them.
 */
final class ImplicitEdges {
    private ImplicitEdges() {
    }

    private record Step(ApplyNode node, String provider, ImplicitOrder order) {
    }

    static void add(Dag<ApplyNode> dag, List<ResourceChange> changes, Providers providers) {
        if (providers == null) return;
        List<Step> applies = new ArrayList<>(), destroys = new ArrayList<>();
        for (ResourceChange c : changes) {
            Provider p = providers.forType(c.addr().type()).orElse(null);
            if (p == null || c.addr().isData()) continue; // a read orders by references alone
            ApplyNode apply = new ApplyNode(c.addr(), ApplyNode.Phase.APPLY);
            ApplyNode destroy = ApplyGraph.destroyNode(c);
            if (dag.contains(apply) && c.after() != null) applies.add(step(apply, p, c.after()));
            if (dag.contains(destroy) && c.before() != null) destroys.add(step(destroy, p, c.before()));
        }
        for (Step needing : applies) {
            for (Step providing : applies) {
                if (related(needing, providing)) connect(dag, needing.node(), providing.node());
            }
        }
        for (Step needing : destroys) {
            for (Step providing : destroys) {
                if (related(needing, providing)) connect(dag, providing.node(), needing.node());
            }
        }
    }

    private static Step step(ApplyNode node, Provider p, MapValue value) {
        return new Step(node, p.name(), p.implicitOrder(node.addr().type(), value));
    }

    private static boolean related(Step needing, Step providing) {
        if (needing.node().equals(providing.node()) || !needing.provider().equals(providing.provider())) return false;
        for (String token : needing.order().needs()) if (providing.order().provides().contains(token)) return true;
        return false;
    }

    private static void connect(Dag<ApplyNode> dag, ApplyNode dependent, ApplyNode dependency) {
        if (!reaches(dag, dependency, dependent)) dag.connect(dependent, dependency);
    }

    /** Whether {@code from} already depends, directly or not, on {@code to}. */
    private static boolean reaches(Dag<ApplyNode> dag, ApplyNode from, ApplyNode to) {
        Deque<ApplyNode> queue = new ArrayDeque<>(List.of(from));
        Set<ApplyNode> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            ApplyNode n = queue.poll();
            if (n.equals(to)) return true;
            if (seen.add(n)) queue.addAll(dag.dependenciesOf(n));
        }
        return false;
    }
}
