package dev.berth.engine.plan;

import dev.berth.engine.addrs.InstanceKey;
import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.run.ConfigGraph;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * -target: the targeted resources or instances plus every resource they depend on, as
 * Terraform narrows a plan. A target without an index means all instances of the resource.
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
        Targeting t = new Targeting(false);
        Deque<ResourceAddr> work = new ArrayDeque<>();
        for (ResourceInstanceAddr target : targets) {
            if (target.key() instanceof InstanceKey.None) {
                work.add(target.resource());
            } else {
                t.someInstances.computeIfAbsent(target.resource(), k -> new HashSet<>()).add(target.key());
                if (graph != null) work.addAll(graph.resourceDependencies(target.resource()));
            }
        }
        while (!work.isEmpty()) {
            ResourceAddr r = work.poll();
            if (t.whole.add(r) && graph != null) work.addAll(graph.resourceDependencies(r));
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
