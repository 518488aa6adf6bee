package dev.berth.engine.apply;

import dev.berth.engine.addrs.InstanceKey;
import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.config.Config;
import dev.berth.engine.config.ResourceConfig;
import dev.berth.engine.decode.BodyDecoder;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.plan.Action;
import dev.berth.engine.plan.IgnoreChanges;
import dev.berth.engine.plan.Refresher;
import dev.berth.engine.plan.ResourceChange;
import dev.berth.engine.provider.Provider;
import dev.berth.engine.provider.ProviderRequests.ApplyRequest;
import dev.berth.engine.provider.ProviderRequests.ApplyResponse;
import dev.berth.engine.provider.ProviderRequests.PlanRequest;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.provider.Providers;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.run.InstanceExpander;
import dev.berth.engine.run.ProviderDiagnostics;
import dev.berth.engine.run.RunHooks;
import dev.berth.engine.run.RunScope;
import dev.berth.engine.run.UpstreamValues;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateChange;
import dev.berth.engine.state.StateStore;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Applies one node of the apply graph and saves its result at once. */
final class NodeApplier {
    private final Config config;
    private final Providers providers;
    private final StateStore store;
    private final RunHooks hooks;
    private final RunScope scope;
    private final Map<ResourceInstanceAddr, ResourceState> live;
    private final Function<ResourceAddr, Set<ResourceAddr>> dependencies;
    private final Diagnostics diags;
    private final BodyDecoder decoder;
    private final AtomicInteger added = new AtomicInteger();
    private final AtomicInteger changed = new AtomicInteger();
    private final AtomicInteger destroyed = new AtomicInteger();

    NodeApplier(Config config, Providers providers, StateStore store, RunHooks hooks, RunScope scope,
                Map<ResourceInstanceAddr, ResourceState> live, Function<ResourceAddr, Set<ResourceAddr>> dependencies,
                Diagnostics diags) {
        this.config = config;
        this.providers = providers;
        this.store = store;
        this.hooks = hooks;
        this.scope = scope;
        this.live = live;
        this.dependencies = dependencies;
        this.diags = diags;
        this.decoder = new BodyDecoder(scope.evaluator());
    }

    Applier.Summary summary() {
        return new Applier.Summary(added.get(), changed.get(), destroyed.get());
    }

    boolean visit(ApplyNode node, ResourceChange change) {
        return node.phase() == ApplyNode.Phase.DESTROY ? destroy(change) : apply(change);
    }

    private boolean apply(ResourceChange change) {
        ResourceInstanceAddr addr = change.addr();
        ResourceConfig rc = config.resources().get(addr.resource());
        Provider provider = providers.forType(addr.type()).orElseThrow();
        ResourceSchema schema = providers.schema(addr.type()).orElseThrow();
        boolean creating = change.action().creates();
        ResourceState current = creating ? null : live.get(addr);
        MapValue prior = current == null ? null : current.attributes();
        Action shown = creating ? Action.CREATE : Action.UPDATE;
        hooks.applying(addr, shown, Refresher.idOf(prior));
        long started = System.nanoTime();

        Diagnostics d = new Diagnostics();
        Map<InstanceKey, Value> keys = InstanceExpander.expand(rc, scope.evaluator(), scope, d);
        Value each = keys.getOrDefault(addr.key(), Value.nil());
        MapValue cfg = decoder.decode(rc.body(), schema.body(), scope.forInstance(addr.key(), each), d);
        MapValue planned = null;
        if (!d.hasErrors()) {
            MapValue proposed = IgnoreChanges.apply(rc.lifecycle(), cfg, prior);
            PlanResponse pr = provider.plan(new PlanRequest(addr, addr.type(), prior, proposed,
                    UpstreamValues.of(rc, scope)));
            d.addAll(ProviderDiagnostics.convert(pr.diagnostics(), addr, rc));
            planned = pr.planned();
        }
        if (d.hasErrors()) return fail(addr, shown, d);

        ApplyResponse ar = provider.apply(new ApplyRequest(addr, addr.type(), prior, planned, cfg));
        d.addAll(ProviderDiagnostics.convert(ar.diagnostics(), addr, rc));
        if (ar.newState() != null) {
            List<String> deps = dependencies.apply(addr.resource()).stream().map(ResourceAddr::toString).sorted().toList();
            ResourceState saved = new ResourceState(addr, provider.fullName(), schema.version(), ar.newState(), deps,
                    creating && d.hasErrors());
            store.commit(List.of(new StateChange.PutResource(saved)), "apply");
            live.put(addr, saved);
            scope.putInstance(addr.resource(), addr.key(), ar.newState());
        }
        if (d.hasErrors()) return fail(addr, shown, d);
        (creating ? added : changed).incrementAndGet();
        hooks.applied(addr, shown, Duration.ofNanos(System.nanoTime() - started), Refresher.idOf(ar.newState()));
        return true;
    }

    private boolean destroy(ResourceChange change) {
        ResourceInstanceAddr addr = change.addr();
        Provider provider = providers.forType(addr.type()).orElseThrow();
        boolean deposed = change.action() == Action.CREATE_THEN_DELETE;
        ResourceState current = live.get(addr);
        MapValue prior = deposed || current == null ? change.before() : current.attributes();
        hooks.applying(addr, Action.DELETE, Refresher.idOf(prior));
        long started = System.nanoTime();
        Diagnostics d = new Diagnostics();
        ApplyResponse ar = provider.apply(new ApplyRequest(addr, addr.type(), prior, null, null));
        d.addAll(ProviderDiagnostics.convert(ar.diagnostics(), addr, config.resources().get(addr.resource())));
        if (d.hasErrors()) {
            if (ar.newState() != null && !deposed && current != null) {
                ResourceState still = current.withAttributes(ar.newState());
                store.commit(List.of(new StateChange.PutResource(still)), "apply");
                live.put(addr, still);
            }
            return fail(addr, Action.DELETE, d);
        }
        if (!deposed) {
            store.commit(List.of(new StateChange.RemoveResource(addr)), "apply");
            live.remove(addr);
            scope.removeInstance(addr.resource(), addr.key());
        }
        destroyed.incrementAndGet();
        hooks.applied(addr, Action.DELETE, Duration.ofNanos(System.nanoTime() - started), "");
        return true;
    }

    private boolean fail(ResourceInstanceAddr addr, Action action, Diagnostics d) {
        List<Diagnostic> list = d.list();
        hooks.applyFailed(addr, action, list);
        diags.addAll(list);
        return false;
    }
}
