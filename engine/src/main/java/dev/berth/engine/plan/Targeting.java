package dev.berth.engine.plan;

import dev.berth.engine.addrs.InstanceKey;
import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.run.ConfigGraph;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateSnapshot;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * -target: the targeted resources or instances plus every resource they depend on, as
 * Terraform narrows a plan. A target without an index means all instances of the resource.
 * Destroying works the other way round: a target can only go once everything that depends on
 * it has gone, so a destroy selects the targets plus their dependents instead.
 */
public final class Targeting {
    private final boolean all;
    private final Set<ResourceAddr> whole = new HashSet<>();
    private final Map<ResourceAddr, Set<InstanceKey>> someInstances = new HashMap<>();

    private Targeting(boolean all) {
        this.all = all;
    }

    public static Targeting everything() {
        return new Targeting(true);
    }

    public static Targeting of(List<ResourceInstanceAddr> targets, ConfigGraph graph) {
        if (targets.isEmpty()) return everything();
        return closure(targets, r -> graph == null ? Set.of() : graph.resourceDependencies(r));
    }

    /**
     * Destroy mode: the targets plus every resource that depends on them, transitively. What
     * depends on what comes from the configuration (when it still parses) and from each
     * instance's recorded dependencies, which also cover resources the configuration dropped.
     */
    public static Targeting forDestroy(List<ResourceInstanceAddr> targets, StateSnapshot prior, ConfigGraph graph) {
        if (targets.isEmpty()) return everything();
        Map<ResourceAddr, Set<ResourceAddr>> dependents = new HashMap<>();
        for (ResourceState rs : prior.resources().values()) {
            ResourceAddr self = rs.addr().resource();
            for (String dep : rs.dependencies()) {
                ResourceInstanceAddr.parse(dep).map(ResourceInstanceAddr::resource)
                        .ifPresent(d -> dependents.computeIfAbsent(d, k -> new HashSet<>()).add(self));
            }
            if (graph != null) {
                graph.resourceDependencies(self).forEach(d -> dependents.computeIfAbsent(d, k -> new HashSet<>()).add(self));
            }
        }
        return closure(targets, r -> dependents.getOrDefault(r, Set.of()));
    }

    /**
     * The targets and everything reachable from them along {@code next}. A target with an index
     * selects only that instance of its own resource, but what it reaches, whole.
     */
    private static Targeting closure(List<ResourceInstanceAddr> targets, Function<ResourceAddr, Set<ResourceAddr>> next) {
        Targeting t = new Targeting(false);
        Deque<ResourceAddr> work = new ArrayDeque<>();
        for (ResourceInstanceAddr target : targets) {
            if (target.key() instanceof InstanceKey.None) {
                work.add(target.resource());
            } else {
                t.someInstances.computeIfAbsent(target.resource(), k -> new HashSet<>()).add(target.key());
                work.addAll(next.apply(target.resource()));
            }
        }
        while (!work.isEmpty()) {
            ResourceAddr r = work.poll();
            if (t.whole.add(r)) work.addAll(next.apply(r));
        }
        return t;
    }

    public boolean isEverything() {
        return all;
    }

    public boolean includes(ResourceAddr r) {
        return all || whole.contains(r) || someInstances.containsKey(r);
    }

    public boolean includes(ResourceInstanceAddr i) {
        if (all || whole.contains(i.resource())) return true;
        Set<InstanceKey> keys = someInstances.get(i.resource());
        return keys != null && keys.contains(i.key());
    }
}
