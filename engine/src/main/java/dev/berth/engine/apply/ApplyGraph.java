package dev.berth.engine.apply;

import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.graph.Dag;
import dev.berth.engine.plan.Action;
import dev.berth.engine.plan.ResourceChange;
import dev.berth.engine.provider.Providers;
import dev.berth.engine.state.DeposedObject;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Builds the apply graph from a plan (not from configuration): creates and updates follow the
 * resources they refer to; destroys run dependents first, the reverse of creation; a destroy
 * of something another instance is moving away from waits for that instance's update. The old
 * object of a create_before_destroy replacement, and any object deposed earlier, is destroyed
 * only after the new object exists and every dependent has moved to it (Terraform's
 * transform_destroy_cbd).
 */
final class ApplyGraph {
    private ApplyGraph() {
    }

    /** {@code providers} add the orderings they declare beyond references (see {@link ImplicitEdges}). */
    static Dag<ApplyNode> build(List<ResourceChange> changes, StateSnapshot prior,
                                Function<ResourceAddr, Set<ResourceAddr>> configDependencies, Providers providers) {
        Dag<ApplyNode> dag = new Dag<>();
        Map<ResourceAddr, List<ResourceChange>> byResource = new TreeMap<>();
        for (ResourceChange c : changes) {
            if (c.action() == Action.NO_OP) continue;
            byResource.computeIfAbsent(c.addr().resource(), k -> new ArrayList<>()).add(c);
            ApplyNode apply = new ApplyNode(c.addr(), ApplyNode.Phase.APPLY);
            ApplyNode destroy = destroyNode(c);
            if (c.deposed() != null) {
                dag.add(destroy);
                continue;
            }
            switch (c.action()) {
                case CREATE, UPDATE, READ -> dag.add(apply);
                case DELETE -> dag.add(destroy);
                case DELETE_THEN_CREATE -> dag.connect(apply, destroy);
                case CREATE_THEN_DELETE -> dag.connect(destroy, apply);
                default -> {
                }
            }
        }
        for (ResourceChange c : changes) {
            ApplyNode apply = new ApplyNode(c.addr(), ApplyNode.Phase.APPLY);
            if (!dag.contains(apply)) continue;
            for (ResourceAddr dep : configDependencies.apply(c.addr().resource())) {
                for (ResourceChange d : byResource.getOrDefault(dep, List.of())) {
                    ApplyNode depApply = new ApplyNode(d.addr(), ApplyNode.Phase.APPLY);
                    if (dag.contains(depApply)) dag.connect(apply, depApply);
                }
            }
        }
        for (ResourceChange c : changes) {
            ApplyNode destroy = destroyNode(c);
            if (!dag.contains(destroy)) continue;
            boolean replaced = c.deposed() != null || c.action() == Action.CREATE_THEN_DELETE;
            ApplyNode successor = new ApplyNode(c.addr(), ApplyNode.Phase.APPLY);
            if (c.deposed() != null && dag.contains(successor)) dag.connect(destroy, successor);
            for (ResourceState dependent : prior.resources().values()) {
                if (!dependsOn(dependent, c.addr())) continue;
                ApplyNode dependentDestroy = new ApplyNode(dependent.addr(), ApplyNode.Phase.DESTROY);
                if (dag.contains(dependentDestroy)) dag.connect(destroy, dependentDestroy);
                ApplyNode dependentApply = new ApplyNode(dependent.addr(), ApplyNode.Phase.APPLY);
                boolean movingAway = !configDependencies.apply(dependent.addr().resource()).contains(c.addr().resource());
                if ((movingAway || replaced) && dag.contains(dependentApply)) dag.connect(destroy, dependentApply);
            }
            for (DeposedObject dependent : prior.deposed()) {
                ApplyNode dependentDestroy = new ApplyNode(dependent.addr(), ApplyNode.Phase.DESTROY, dependent.key());
                if (dependsOn(dependent.object(), c.addr()) && !dependentDestroy.equals(destroy)
                        && dag.contains(dependentDestroy)) {
                    dag.connect(destroy, dependentDestroy);
                }
            }
        }
        ImplicitEdges.add(dag, changes, providers);
        return dag;
    }

    static ApplyNode destroyNode(ResourceChange c) {
        return new ApplyNode(c.addr(), ApplyNode.Phase.DESTROY, c.deposed());
    }

    private static boolean dependsOn(ResourceState rs, ResourceInstanceAddr target) {
        return rs.dependencies().contains(target.resource().toString());
    }
}
