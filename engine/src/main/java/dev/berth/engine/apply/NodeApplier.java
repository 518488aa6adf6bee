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
import dev.berth.engine.provider.ProviderRequests.ReadDataSourceRequest;
import dev.berth.engine.provider.ProviderRequests.ReadDataSourceResponse;
import dev.berth.engine.provider.ProviderRequests.ValidateRequest;
import dev.berth.engine.provider.Providers;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.run.InstanceExpander;
import dev.berth.engine.run.ProviderDiagnostics;
import dev.berth.engine.run.RunHooks;
import dev.berth.engine.run.RunScope;
import dev.berth.engine.run.UpstreamValues;
import dev.berth.engine.state.DeposedObject;
import dev.berth.engine.state.CreateIntent;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateChange;
import dev.berth.engine.state.StateStore;
import dev.berth.engine.state.StateStoreException;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
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
    private final Deposing deposing;
    private final AtomicInteger added = new AtomicInteger();
    private final AtomicInteger changed = new AtomicInteger();
    private final AtomicInteger destroyed = new AtomicInteger();
    private final AtomicBoolean unwritable = new AtomicBoolean();

    NodeApplier(Config config, Providers providers, StateStore store, RunHooks hooks, RunScope scope,
                Map<ResourceInstanceAddr, ResourceState> live, List<DeposedObject> deposed,
                Function<ResourceAddr, Set<ResourceAddr>> dependencies, Diagnostics diags) {
        this.config = config;
        this.providers = providers;
        this.store = store;
        this.hooks = hooks;
        this.scope = scope;
        this.live = live;
        this.dependencies = dependencies;
        this.diags = diags;
        this.decoder = new BodyDecoder(scope.evaluator());
        this.deposing = new Deposing(store, deposed);
    }

    Applier.Summary summary() {
        return new Applier.Summary(added.get(), changed.get(), destroyed.get());
    }

    /** Whether a write of the state has failed; from then on the apply starts no change. */
    boolean stateUnwritable() {
        return unwritable.get();
    }

    boolean visit(ApplyNode node, ResourceChange change) {
        UnsavedChange.Step step = new UnsavedChange.Step();
        boolean destroying = node.phase() == ApplyNode.Phase.DESTROY;
        try {
            if (change.action() == Action.READ) return read(change, step);
            return destroying ? destroy(change, step) : apply(change, step);
        } catch (StateStoreException e) {
            // Anything started after this could not be recorded either, so the walk stops here.
            unwritable.set(true);
            Action action = change.action() == Action.READ ? Action.READ : destroying ? Action.DELETE
                    : change.action().creates() ? Action.CREATE : Action.UPDATE;
            Diagnostics d = new Diagnostics();
            d.add(UnsavedChange.diagnostic(change.addr(), action, step, e));
            return fail(change.addr(), action, d);
        }
    }

    /** A data source the plan could not read: read now that what it waited for is applied. */
    private boolean read(ResourceChange change, UnsavedChange.Step step) {
        ResourceInstanceAddr addr = change.addr();
        ResourceConfig rc = config.resources().get(addr.resource());
        Provider provider = providers.forDataSource(addr.type()).orElseThrow();
        ResourceSchema schema = providers.dataSourceSchema(addr.type()).orElseThrow();
        hooks.reading(addr);
        long started = System.nanoTime();
        Diagnostics d = new Diagnostics();
        Map<InstanceKey, Value> keys = InstanceExpander.expand(rc, scope.evaluator(), scope, d);
        Value each = keys.getOrDefault(addr.key(), Value.nil());
        MapValue cfg = decoder.decode(rc.body(), schema.body(), scope.forInstance(addr.key(), each), d);
        if (!d.hasErrors() && !cfg.isWhollyKnown()) {
            d.error("Invalid data source configuration: the configuration of " + addr + " is still not known after "
                    + "the resources it refers to were applied.", "This is a bug in berth or in the provider; "
                    + "please report it with the configuration that caused it.", rc.block().typeRange());
        }
        if (d.hasErrors()) return fail(addr, Action.READ, d);
        step.providerCalled();
        ReadDataSourceResponse r = provider.readDataSource(new ReadDataSourceRequest(addr, addr.type(), cfg));
        d.addAll(ProviderDiagnostics.convert(r.diagnostics(), addr, rc));
        if (!d.hasErrors() && r.state() == null) {
            d.error("Provider produced null object: the " + provider.name() + " provider returned nothing for "
                    + addr + ".", "This is a bug in the provider; please report it.", rc.block().typeRange());
        }
        if (d.hasErrors()) return fail(addr, Action.READ, d);
        ResourceState saved = new ResourceState(addr, provider.fullName(), schema.version(), r.state(), List.of(),
                false);
        store.commit(List.of(new StateChange.PutResource(saved)), "apply");
        live.put(addr, saved);
        scope.putInstance(addr.resource(), addr.key(), r.state());
        hooks.read(addr, Duration.ofNanos(System.nanoTime() - started), Refresher.idOf(r.state()));
        return true;
    }

    private boolean apply(ResourceChange change, UnsavedChange.Step step) {
        ResourceInstanceAddr addr = change.addr();
        ResourceConfig rc = config.resources().get(addr.resource());
        Provider provider = providers.forType(addr.type()).orElseThrow();
        ResourceSchema schema = providers.schema(addr.type()).orElseThrow();
        boolean creating = change.action().creates();
        ResourceState current = live.get(addr);
        MapValue prior = creating || current == null ? null : current.attributes();
        Action shown = creating ? Action.CREATE : Action.UPDATE;
        hooks.applying(addr, shown, Refresher.idOf(prior));
        long started = System.nanoTime();

        Diagnostics d = new Diagnostics();
        Map<InstanceKey, Value> keys = InstanceExpander.expand(rc, scope.evaluator(), scope, d);
        Value each = keys.getOrDefault(addr.key(), Value.nil());
        MapValue cfg = decoder.decode(rc.body(), schema.body(), scope.forInstance(addr.key(), each), d);
        MapValue planned = null;
        // The values unknown at plan time are known now: they are checked before the provider plans with them.
        if (!d.hasErrors()) {
            d.addAll(ProviderDiagnostics.convert(provider.validate(new ValidateRequest(addr, addr.type(), cfg))
                    .diagnostics(), addr, rc));
        }
        if (!d.hasErrors()) {
            MapValue proposed = IgnoreChanges.apply(rc.lifecycle(), cfg, prior);
            PlanResponse pr = provider.plan(new PlanRequest(addr, addr.type(), prior, proposed,
                    UpstreamValues.of(rc, scope)));
            d.addAll(ProviderDiagnostics.convert(pr.diagnostics(), addr, rc));
            planned = pr.planned();
            List<PlanContract.Broken> broken = PlanContract.check(change.after(), planned, schema);
            if (!broken.isEmpty() && !d.hasErrors()) {
                d.add(PlanContract.inconsistentFinalPlan(addr, provider.fullName(), broken));
            }
        }
        if (d.hasErrors()) return fail(addr, shown, d);

        String setAside = change.action() == Action.CREATE_THEN_DELETE && current != null
                ? deposing.depose(current) : null;
        if (setAside != null) live.remove(addr);
        List<String> deps = dependencies.apply(addr.resource()).stream().map(ResourceAddr::toString).sorted().toList();
        String token = creating ? recordIntent(addr, provider, schema, deps) : null;
        step.providerCalled();
        ApplyResponse ar = provider.apply(new ApplyRequest(addr, addr.type(), prior, planned, cfg, token));
        d.addAll(ProviderDiagnostics.convert(ar.diagnostics(), addr, rc));
        if (ar.newState() != null && !d.hasErrors()) {
            List<PlanContract.Broken> broken = PlanContract.check(planned, ar.newState(), schema);
            if (!broken.isEmpty()) d.add(PlanContract.inconsistentResult(addr, provider.fullName(), broken));
        }
        if (ar.newState() == null && setAside != null) {
            deposing.restore(current, setAside); // nothing new exists, so the old object stays current
            live.put(addr, current);
        }
        if (ar.newState() != null) {
            ResourceState saved = new ResourceState(addr, provider.fullName(), schema.version(), ar.newState(), deps,
                    creating && d.hasErrors());
            store.commit(List.of(new StateChange.PutResource(saved)), "apply");
            live.put(addr, saved);
            scope.putInstance(addr.resource(), addr.key(), ar.newState());
        }
        // What the create made is saved above. A failure without an object may still have left one
        // behind (a provider that threw half-way answers just like one that made nothing), so its
        // intent stays for the next run to look up by token.
        if (token != null && (ar.newState() != null || !d.hasErrors())) store.settleIntent(addr, token);
        if (d.hasErrors()) return fail(addr, shown, d);
        (creating ? added : changed).incrementAndGet();
        hooks.applied(addr, shown, Duration.ofNanos(System.nanoTime() - started), Refresher.idOf(ar.newState()));
        return true;
    }

    /**
     * Records, before the provider is called, that a create is under way and the client token it
     * carries, so that a run killed during the call leaves enough for the next run to find and
     * adopt what was made (see CreateIntents).
     */
    private String recordIntent(ResourceInstanceAddr addr, Provider provider, ResourceSchema schema, List<String> deps) {
        String token = UUID.randomUUID().toString();
        store.recordIntent(new CreateIntent(addr, token, provider.fullName(), schema.version(), deps, Instant.now()));
        return token;
    }

    private boolean destroy(ResourceChange change, UnsavedChange.Step step) {
        ResourceInstanceAddr addr = change.addr();
        boolean replaced = change.action() == Action.CREATE_THEN_DELETE;
        String key = change.deposed() != null ? change.deposed() : replaced ? deposing.setAsideFor(addr).orElse(null) : null;
        if (key != null) return destroyDeposed(change, key, step);
        ResourceState current = live.get(addr);
        MapValue prior = replaced || current == null ? change.before() : current.attributes();
        Deletion del = delete(addr, prior, step);
        if (del.diags().hasErrors()) {
            if (del.left() != null && !replaced && current != null) {
                ResourceState still = current.withAttributes(del.left());
                store.commit(List.of(new StateChange.PutResource(still)), "apply");
                live.put(addr, still);
            }
            return fail(addr, Action.DELETE, del.diags());
        }
        if (!replaced) {
            store.commit(List.of(new StateChange.RemoveResource(addr)), "apply");
            live.remove(addr);
            scope.removeInstance(addr.resource(), addr.key());
        }
        return deleted(addr, del);
    }

    /** Destroys an object set aside by create_before_destroy, now or in an earlier apply. */
    private boolean destroyDeposed(ResourceChange change, String key, UnsavedChange.Step step) {
        ResourceInstanceAddr addr = change.addr();
        DeposedObject object = deposing.get(addr, key).orElse(null);
        MapValue prior = object == null ? change.before() : object.object().attributes();
        Deletion del = delete(addr, prior, step);
        if (del.diags().hasErrors()) {
            if (del.left() != null && object != null) {
                deposing.update(new DeposedObject(key, object.object().withAttributes(del.left())));
            }
            return fail(addr, Action.DELETE, del.diags());
        }
        if (object != null) deposing.forget(addr, key);
        return deleted(addr, del);
    }

    /** What a delete call left (null when nothing) and what it said, timed from its start. */
    private record Deletion(MapValue left, Diagnostics diags, long started) {
    }

    /** Asks the provider to delete {@code prior}; the caller decides what the state keeps. */
    private Deletion delete(ResourceInstanceAddr addr, MapValue prior, UnsavedChange.Step step) {
        Provider provider = providers.forType(addr.type()).orElseThrow();
        hooks.applying(addr, Action.DELETE, Refresher.idOf(prior));
        long started = System.nanoTime();
        Diagnostics d = new Diagnostics();
        step.providerCalled();
        ApplyResponse ar = provider.apply(new ApplyRequest(addr, addr.type(), prior, null, null));
        d.addAll(ProviderDiagnostics.convert(ar.diagnostics(), addr, config.resources().get(addr.resource())));
        return new Deletion(ar.newState(), d, started);
    }

    private boolean deleted(ResourceInstanceAddr addr, Deletion del) {
        destroyed.incrementAndGet();
        hooks.applied(addr, Action.DELETE, Duration.ofNanos(System.nanoTime() - del.started()), "");
        return true;
    }

    private boolean fail(ResourceInstanceAddr addr, Action action, Diagnostics d) {
        List<Diagnostic> list = d.list();
        hooks.applyFailed(addr, action, list);
        diags.addAll(list);
        return false;
    }
}
