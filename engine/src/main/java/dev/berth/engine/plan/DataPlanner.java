package dev.berth.engine.plan;

import dev.berth.engine.addrs.InstanceKey;
import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.config.ResourceConfig;
import dev.berth.engine.decode.BodyDecoder;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.eval.Reference;
import dev.berth.engine.eval.References;
import dev.berth.engine.hcl.Expr;
import dev.berth.engine.provider.Provider;
import dev.berth.engine.provider.ProviderRequests.ReadDataSourceRequest;
import dev.berth.engine.provider.ProviderRequests.ReadDataSourceResponse;
import dev.berth.engine.provider.Providers;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.run.ConfigGraph;
import dev.berth.engine.run.InstanceExpander;
import dev.berth.engine.run.ProviderDiagnostics;
import dev.berth.engine.run.RunHooks;
import dev.berth.engine.run.RunScope;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Plans the instances of one {@code data} block, as Terraform does: an instance whose
 * configuration is wholly known, and that depends on no resource with changes pending (through a
 * reference or depends_on), is read now and its result joins the plan's prior state; any other is
 * planned as a read during apply, its computed attributes unknown. The read is the only call
 * made, and it changes nothing in the world.
 */
final class DataPlanner {
    private final Providers providers;
    private final RunScope scope;
    private final ConfigGraph graph;
    private final RunHooks hooks;
    private final boolean validateOnly;
    private final Targeting targeting;
    private final Set<ResourceAddr> pending;
    private final BodyDecoder decoder;
    private final List<ResourceChange> changes = Collections.synchronizedList(new ArrayList<>());
    private final Map<ResourceInstanceAddr, ResourceState> reads = Collections.synchronizedMap(new TreeMap<>());

    /** {@code pending}: resources with planned changes, filled in as the walk plans them. */
    DataPlanner(Providers providers, RunScope scope, ConfigGraph graph, RunHooks hooks, boolean validateOnly,
                Targeting targeting, Set<ResourceAddr> pending) {
        this.providers = providers;
        this.scope = scope;
        this.graph = graph;
        this.hooks = hooks;
        this.validateOnly = validateOnly;
        this.targeting = targeting;
        this.pending = pending;
        this.decoder = new BodyDecoder(scope.evaluator());
    }

    /** Reads planned for apply time. */
    List<ResourceChange> changes() {
        return List.copyOf(changes);
    }

    /** What was read during the plan, as it goes into the state. */
    Map<ResourceInstanceAddr, ResourceState> reads() {
        synchronized (reads) {
            return Map.copyOf(reads);
        }
    }

    boolean plan(ResourceConfig rc, Diagnostics diags) {
        Provider provider = providers.forDataSource(rc.addr().type()).orElse(null);
        ResourceSchema schema = providers.dataSourceSchema(rc.addr().type()).orElse(null);
        if (provider == null || schema == null) return false; // reported by ConfigCheck
        if (!targeting.includes(rc.addr())) return true;
        Diagnostics local = new Diagnostics();
        Map<InstanceKey, Value> keys = validateOnly && (rc.count() != null || rc.forEach() != null)
                ? Map.of() : InstanceExpander.expand(rc, scope.evaluator(), scope, local);
        ActionReason deferred = validateOnly ? null : dependsOnPending(rc)
                ? ActionReason.READ_BECAUSE_DEPENDENCY_PENDING : null;
        for (var e : keys.entrySet()) {
            ResourceInstanceAddr addr = rc.addr().instance(e.getKey());
            if (!targeting.includes(addr)) continue;
            Diagnostics d = new Diagnostics();
            MapValue cfg = decoder.decode(rc.body(), schema.body(), scope.forInstance(e.getKey(), e.getValue()), d);
            if (!d.hasErrors() && !validateOnly) {
                ActionReason why = !cfg.isWhollyKnown() ? ActionReason.READ_BECAUSE_CONFIG_UNKNOWN : deferred;
                if (why == null) readNow(rc, addr, provider, schema, cfg, d);
                else deferRead(rc, addr, provider, schema, cfg, why);
            } else {
                scope.putInstance(rc.addr(), e.getKey(), ResourcePlanner.withUnknownComputed(cfg, schema));
            }
            local.addAll(d);
        }
        if (changes.stream().anyMatch(c -> c.addr().resource().equals(rc.addr()))) {
            pending.add(rc.addr());
        }
        diags.addAll(local);
        return !local.hasErrors();
    }

    private void readNow(ResourceConfig rc, ResourceInstanceAddr addr, Provider provider, ResourceSchema schema,
                         MapValue cfg, Diagnostics d) {
        hooks.reading(addr);
        long started = System.nanoTime();
        ReadDataSourceResponse r = provider.readDataSource(new ReadDataSourceRequest(addr, addr.type(), cfg));
        d.addAll(ProviderDiagnostics.convert(r.diagnostics(), addr, rc));
        if (d.hasErrors()) return;
        if (r.state() == null) {
            d.error("Provider produced null object: the " + provider.name() + " provider returned nothing for "
                    + addr + ".", "This is a bug in the provider; please report it.", rc.block().typeRange());
            return;
        }
        hooks.read(addr, Duration.ofNanos(System.nanoTime() - started), Refresher.idOf(r.state()));
        reads.put(addr, new ResourceState(addr, provider.fullName(), schema.version(), r.state(), List.of(), false));
        scope.putInstance(rc.addr(), addr.key(), r.state());
    }

    private void deferRead(ResourceConfig rc, ResourceInstanceAddr addr, Provider provider, ResourceSchema schema,
                           MapValue cfg, ActionReason why) {
        MapValue after = ResourcePlanner.withUnknownComputed(cfg, schema);
        changes.add(new ResourceChange(addr, provider.fullName(), Action.READ, null, after, List.of(), why));
        scope.putInstance(rc.addr(), addr.key(), after);
    }

    /**
     * Whether a resource this data source depends on has changes pending: a managed resource it
     * refers to, or anything it names in depends_on together with everything that depends on.
     * Terraform treats a reference to a managed resource as an implied depends_on, since the
     * data source is likely to read what that resource makes.
     */
    private boolean dependsOnPending(ResourceConfig rc) {
        Set<ResourceAddr> check = new HashSet<>();
        for (ResourceAddr dep : graph.resourceDependencies(rc.addr())) if (!dep.isData()) check.add(dep);
        Deque<ResourceAddr> work = new ArrayDeque<>();
        for (Expr e : rc.dependsOn()) {
            for (Reference ref : References.of(e)) {
                if (ref.kind().equals("resource")) work.add(RunScope.addrOf(ref, ResourceAddr.Mode.MANAGED));
                if (ref.kind().equals("data")) work.add(RunScope.addrOf(ref, ResourceAddr.Mode.DATA));
            }
        }
        Set<ResourceAddr> visited = new HashSet<>();
        while (!work.isEmpty()) {
            ResourceAddr a = work.pop();
            if (!visited.add(a)) continue;
            check.add(a);
            work.addAll(graph.resourceDependencies(a));
        }
        for (ResourceAddr a : check) if (pending.contains(a)) return true;
        return false;
    }
}
