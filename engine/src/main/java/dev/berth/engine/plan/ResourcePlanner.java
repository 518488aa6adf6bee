package dev.berth.engine.plan;

import dev.berth.engine.addrs.InstanceKey;
import dev.berth.engine.addrs.ResourceAddr;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.config.Config;
import dev.berth.engine.config.ResourceConfig;
import dev.berth.engine.decode.BodyDecoder;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.eval.Scope;
import dev.berth.engine.memo.LastRead;
import dev.berth.engine.provider.ForceNew;
import dev.berth.engine.provider.Provider;
import dev.berth.engine.provider.ProviderRequests.PlanRequest;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.provider.ProviderRequests.Upstream;
import dev.berth.engine.provider.ProviderRequests.ValidateRequest;
import dev.berth.engine.provider.Providers;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.run.InstanceExpander;
import dev.berth.engine.run.ProviderDiagnostics;
import dev.berth.engine.run.RunScope;
import dev.berth.engine.run.UpstreamValues;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Plans the instances of one resource block; called by the walker once its dependencies are planned. */
final class ResourcePlanner {
    private final Config config;
    private final Providers providers;
    private final RunScope scope;
    private final StateSnapshot prior;
    /** The prior instance keys of each resource, indexed once: asked once per resource, a scan of the whole state each time made planning quadratic. */
    private final Map<ResourceAddr, List<InstanceKey>> priorKeys = new java.util.HashMap<>();
    private final boolean validateOnly;
    private final BodyDecoder decoder;
    private final Targeting targeting;
    private final Set<ResourceInstanceAddr> replace;
    private final Map<ResourceInstanceAddr, ResourceInstanceAddr> previous;
    static final String PREVENT_DESTROY = "Instance cannot be destroyed: ";
    private final List<ResourceChange> changes = Collections.synchronizedList(new ArrayList<>());
    private final Set<ResourceAddr> pending;
    /** The last plan's no-ops and this one's, in a background berth planning; else null. */
    private final LastRead.Pass<ResourceInstanceAddr, UnchangedInstances.Finding> unchanged;

    /** {@code pending} learns every resource given a change, for the data sources that wait on them. */
    ResourcePlanner(Config config, Providers providers, RunScope scope, StateSnapshot prior, boolean validateOnly,
                    Targeting targeting, Set<ResourceInstanceAddr> replace,
                    Map<ResourceInstanceAddr, ResourceInstanceAddr> previous, Set<ResourceAddr> pending) {
        this.pending = pending;
        this.previous = previous;
        this.targeting = targeting;
        this.replace = replace;
        this.config = config;
        this.providers = providers;
        this.scope = scope;
        this.prior = prior;
        prior.resources().keySet().forEach(a -> priorKeys.computeIfAbsent(a.resource(), r -> new ArrayList<>()).add(a.key()));
        this.validateOnly = validateOnly;
        this.decoder = new BodyDecoder(scope.evaluator());
        this.unchanged = validateOnly ? null : UnchangedInstances.begin();
    }

    /** The walk is over: this plan's no-ops are what the next plan in this process may take again. */
    void finish() {
        if (unchanged != null) unchanged.end();
    }

    List<ResourceChange> changes() {
        return List.copyOf(changes);
    }

    boolean plan(ResourceConfig rc, Diagnostics diags) {
        Provider provider = providers.forType(rc.addr().type()).orElse(null);
        ResourceSchema schema = providers.schema(rc.addr().type()).orElse(null);
        if (provider == null || schema == null) return false; // reported by ConfigCheck
        if (!targeting.includes(rc.addr())) return true;
        Diagnostics local = new Diagnostics();
        Map<InstanceKey, Value> keys = validateOnly && (rc.count() != null || rc.forEach() != null)
                ? Map.of() : InstanceExpander.expand(rc, scope.evaluator(), scope, local);
        boolean ok = !local.hasErrors();
        if (ok && priorKeys.getOrDefault(rc.addr(), List.of()).stream().anyMatch(k -> !keys.containsKey(k))) {
            pending.add(rc.addr()); // an instance left count or for_each: it is destroyed in this plan
        }
        for (var e : keys.entrySet()) {
            ResourceInstanceAddr addr = rc.addr().instance(e.getKey());
            if (!targeting.includes(addr)) continue;
            Scope instanceScope = scope.forInstance(e.getKey(), e.getValue());
            if (unchangedAgain(rc, addr, instanceScope)) continue;
            Diagnostics d = new Diagnostics();
            UnchangedInstances.Recording recording = unchanged == null ? null
                    : new UnchangedInstances.Recording(instanceScope);
            MapValue cfg = decoder.decode(rc.body(), schema.body(), recording == null ? instanceScope : recording, d);
            if (!d.hasErrors()) {
                d.addAll(ProviderDiagnostics.convert(
                        provider.validate(new ValidateRequest(addr, addr.type(), cfg)).diagnostics(), addr, rc));
            }
            if (!d.hasErrors() && !validateOnly) planInstance(rc, addr, provider, cfg, d, recording);
            else scope.putInstance(rc.addr(), e.getKey(), withUnknownComputed(cfg, schema));
            local.addAll(d);
            ok &= !d.hasErrors();
        }
        diags.addAll(local);
        return ok;
    }

    /**
     * Takes the last plan's no-op for this instance again when all it followed from is the same
     * ({@link UnchangedInstances}); false when the instance is to be planned.
     */
    private boolean unchangedAgain(ResourceConfig rc, ResourceInstanceAddr addr, Scope instanceScope) {
        if (unchanged == null) return false;
        UnchangedInstances.Finding was = unchanged.last(addr);
        ResourceState before = was == null ? null : prior.resource(addr).orElse(null);
        if (before == null || !mayBeTakenAgain(addr, before)
                || !was.holds(rc, before.attributes(), instanceScope, () -> UpstreamValues.of(rc, scope))) {
            return false;
        }
        unchanged.keep(addr, was);
        changes.add(was.change());
        scope.putInstance(rc.addr(), addr.key(), was.change().after());
        return true;
    }

    /** Neither tainted, nor asked to be replaced, nor moved: its plan follows from its inputs alone. */
    private boolean mayBeTakenAgain(ResourceInstanceAddr addr, ResourceState before) {
        return !before.tainted() && !replace.contains(addr) && previous.get(addr) == null;
    }

    private void planInstance(ResourceConfig rc, ResourceInstanceAddr addr, Provider provider, MapValue cfg,
                              Diagnostics d, UnchangedInstances.Recording recording) {
        ResourceState before = prior.resource(addr).orElse(null);
        MapValue priorValue = before == null ? null : before.attributes();
        MapValue proposed = IgnoreChanges.apply(rc.lifecycle(), cfg, priorValue);
        List<Upstream> upstream = UpstreamValues.of(rc, scope);
        PlanResponse pr = provider.plan(new PlanRequest(addr, addr.type(), priorValue, proposed, upstream));
        d.addAll(ProviderDiagnostics.convert(pr.diagnostics(), addr, rc));
        if (d.hasErrors()) return;
        ActionDecider.Decision decision = ActionDecider.decide(new ActionDecider.Inputs(priorValue, pr.planned(),
                ForceNew.changedPaths(providers.schema(addr.type()).orElseThrow().body(), priorValue, pr.planned()),
                before != null && before.tainted(), replace.contains(addr),
                rc.lifecycle().createBeforeDestroy()));
        if (decision.action().deletes() && rc.lifecycle().preventDestroy()) {
            d.error(PREVENT_DESTROY + addr + " has lifecycle.prevent_destroy set, but the plan calls "
                    + "for it to be replaced.", "To allow this, remove prevent_destroy or change the plan so that it "
                    + "does not replace the instance.", rc.block().typeRange());
            return;
        }
        if (decision.action().isReplace()) {
            // The replacement is a new object: planned from nothing, its computed values are unknown
            // (not the old object's), so whatever refers to them changes in this same apply.
            pr = provider.plan(new PlanRequest(addr, addr.type(), null, proposed, UpstreamValues.of(rc, scope)));
            d.addAll(ProviderDiagnostics.convert(pr.diagnostics(), addr, rc));
            if (d.hasErrors()) return;
        }
        MapValue after = decision.action() == Action.NO_OP ? priorValue : pr.planned();
        if (decision.action() != Action.NO_OP) pending.add(rc.addr());
        boolean changing = decision.action() != Action.NO_OP;
        ResourceChange change = new ResourceChange(addr, provider.fullName(), decision.action(), priorValue, after,
                decision.replacePaths(), decision.reason(), previous.get(addr),
                changing ? pr.notes() : List.of(), null, changing ? Folds.of(schema(addr), pr.summary()) : Fold.NONE);
        changes.add(change);
        scope.putInstance(rc.addr(), addr.key(), after);
        if (recording != null && !changing && before != null && pr.fromRequestAlone() && d.isEmpty()
                && mayBeTakenAgain(addr, before) && UnchangedInstances.followsFromReferences(rc.body(), scope.evaluator())) {
            unchanged.keep(addr, new UnchangedInstances.Finding(rc, priorValue, recording.seen(), upstream, change));
        }
    }

    private ResourceSchema schema(ResourceInstanceAddr addr) {
        return providers.schema(addr.type()).orElse(null);
    }

    /** What later expressions see of a resource that is only being validated: computed values unknown. */
    static MapValue withUnknownComputed(MapValue cfg, ResourceSchema schema) {
        java.util.TreeMap<String, Value> out = new java.util.TreeMap<>(cfg.entries());
        schema.body().attributes().values().forEach(a -> {
            if (a.computed() && cfg.get(a.name()).isNull()) out.put(a.name(), Value.unknown());
        });
        return new MapValue(out);
    }

    /** Every deposed object in reach of the plan is destroyed: create_before_destroy left it behind. */
    List<ResourceChange> deposed() {
        return prior.deposed().stream().filter(d -> targeting.includes(d.addr())).map(ResourceChange::destroyDeposed)
                .toList();
    }

    /** Instances in state that the configuration no longer has: each is destroyed, with the reason. */
    List<ResourceChange> orphans(Config config, Diagnostics diags) {
        List<ResourceChange> out = new ArrayList<>();
        java.util.Set<ResourceInstanceAddr> planned = new java.util.HashSet<>();
        changes.forEach(c -> planned.add(c.addr()));
        for (ResourceState rs : prior.resources().values()) {
            // A data resource left the configuration silently: the plan's prior state drops it.
            if (rs.addr().isData() || planned.contains(rs.addr()) || !targeting.includes(rs.addr())) continue;
            ResourceConfig rc = config.resources().get(rs.addr().resource());
            if (rc != null && rc.lifecycle().preventDestroy()) {
                diags.error(PREVENT_DESTROY + rs.addr() + " has lifecycle.prevent_destroy set, but the plan calls for "
                        + "it to be destroyed because its instance key is no longer in the configuration.",
                        "Remove prevent_destroy to allow it, or change count or for_each so that it keeps "
                                + rs.addr().key().suffix() + ".", rc.block().typeRange());
                continue;
            }
            ActionReason reason = rc == null ? ActionReason.DELETE_BECAUSE_NO_RESOURCE_CONFIG
                    : rs.addr().key() instanceof InstanceKey.Index ? ActionReason.DELETE_BECAUSE_COUNT_INDEX
                    : rs.addr().key() instanceof InstanceKey.Key ? ActionReason.DELETE_BECAUSE_EACH_KEY
                    : ActionReason.DELETE_BECAUSE_NO_RESOURCE_CONFIG;
            out.add(new ResourceChange(rs.addr(), rs.provider(), Action.DELETE, rs.attributes(), null, List.of(), reason,
                    previous.get(rs.addr())).withFold(Folds.of(schema(rs.addr()), null)));
        }
        return out;
    }
}
