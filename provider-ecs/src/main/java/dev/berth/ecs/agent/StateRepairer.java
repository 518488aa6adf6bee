package dev.berth.ecs.agent;

import dev.berth.ecs.schema.ContainerInstanceSchema;
import dev.berth.ecs.schema.Ec2ServiceSchema;
import dev.berth.ecs.schema.ServiceSchema;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.provider.Provider;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.provider.ProviderRequests.ApplyRequest;
import dev.berth.engine.provider.ProviderRequests.ApplyResponse;
import dev.berth.engine.provider.ProviderRequests.ReadRequest;
import dev.berth.engine.provider.ProviderRequests.ReadResponse;
import dev.berth.engine.state.LockInfo;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateChange;
import dev.berth.engine.state.StateLockedException;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.state.StateStore;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import dev.berth.engine.value.ValuePaths;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One repair pass under the run lock: read the container instances (an engine that no longer
 * answers turns its instance's agent_connected false, so placement avoids it), converge the
 * services that need it with the very apply code `berth apply` uses, on their stored attributes,
 * read the instances again, and commit what changed as one state version. The lock is taken
 * without waiting and held for one pass (a second or two), so an apply is never refused for
 * long; when an apply holds it, the pass reports LOCKED and the agent tries again shortly.
 * Holding the lock is what makes this safe: nothing an apply commits can be overwritten by a
 * pass that read the state before it.
 */
public final class StateRepairer implements Repairs {
    private final StateStore store;
    private final Supplier<Provider> providers;
    private final String who;
    private final Function<StateSnapshot, List<StateChange>> outputs;

    /**
     * {@code providers} makes a fresh provider per pass, so no listing outlives the pass;
     * {@code outputs} gives the output values a repaired state implies (outputs read services'
     * endpoints, which a replacement changes), evaluated by whoever knows the configuration.
     */
    public StateRepairer(StateStore store, Supplier<Provider> providers, String who,
                         Function<StateSnapshot, List<StateChange>> outputs) {
        this.store = store;
        this.providers = providers;
        this.who = who;
        this.outputs = outputs;
    }

    @Override
    public Result pass(Set<String> serviceArns) {
        String lockId = UUID.randomUUID().toString();
        try {
            store.lock(new LockInfo(lockId, "agent", who, Instant.now()), Duration.ZERO);
        } catch (StateLockedException e) {
            return new Result(e.holder(), List.of());
        }
        try (Provider p = providers.get()) {
            StateSnapshot snap = store.read();
            Map<ResourceInstanceAddr, ResourceState> now = new LinkedHashMap<>(snap.resources());
            List<ResourceInstanceAddr> changed = new ArrayList<>();
            refreshInstances(p, now, changed);
            List<ServiceOutcome> outcomes = new ArrayList<>();
            for (ResourceState rs : List.copyOf(now.values())) {
                if (rs.addr().isData() || !rs.addr().type().equals(ServiceSchema.TYPE) || rs.tainted()) continue;
                ServiceOutcome o = repairService(p, rs, serviceArns, now, changed);
                if (o != null) outcomes.add(o);
            }
            if (!outcomes.isEmpty()) refreshInstances(p, now, changed);
            List<StateChange> changes = new ArrayList<>(changed.stream().distinct()
                    .map(a -> (StateChange) new StateChange.PutResource(now.get(a))).toList());
            if (!changes.isEmpty()) {
                changes.addAll(outputs.apply(new StateSnapshot(snap.lineage(), snap.serial(), now, snap.outputs())));
                store.commit(changes, "agent");
            }
            return new Result(null, outcomes);
        } finally {
            store.unlock(lockId);
        }
    }

    private ServiceOutcome repairService(Provider p, ResourceState rs, Set<String> asked,
                                         Map<ResourceInstanceAddr, ResourceState> now,
                                         List<ResourceInstanceAddr> changed) {
        MapValue stored = rs.attributes();
        String arn = Attrs.string(stored, ServiceSchema.ARN);
        if (arn == null || (asked != null && !asked.contains(arn))) return null;
        if (asked == null) {
            ReadResponse read = p.read(new ReadRequest(rs.addr(), rs.addr().type(), stored));
            if (hasErrors(read.diagnostics()) || read.state() == null) return null;
            if (runsAsDesired(stored, read.state())) {
                put(rs, read.state(), now, changed);
                return null;
            }
        }
        // The stored attributes are the configuration the last apply used; a forced deployment
        // was a one-off request of that apply, not something to repeat on every repair.
        MapValue config = stored.get(Ec2ServiceSchema.FORCE_NEW_DEPLOYMENT).isNull() ? stored
                : stored.with(Ec2ServiceSchema.FORCE_NEW_DEPLOYMENT, Value.of(false));
        ApplyResponse r = p.apply(new ApplyRequest(rs.addr(), rs.addr().type(), stored, stored, config));
        String failure = r.diagnostics().stream().filter(ProviderDiagnostic::isError)
                .map(ProviderDiagnostic::summary).findFirst().orElse(null);
        MapValue after = r.newState() == null ? stored : r.newState();
        put(rs, after, now, changed);
        return new ServiceOutcome(arn, running(stored), running(after), failure);
    }

    private static void refreshInstances(Provider p, Map<ResourceInstanceAddr, ResourceState> now,
                                         List<ResourceInstanceAddr> changed) {
        for (ResourceState rs : List.copyOf(now.values())) {
            if (rs.addr().isData() || !rs.addr().type().equals(ContainerInstanceSchema.TYPE)) continue;
            ReadResponse r = p.read(new ReadRequest(rs.addr(), rs.addr().type(), rs.attributes()));
            if (!hasErrors(r.diagnostics()) && r.state() != null) put(rs, r.state(), now, changed);
        }
    }

    private static void put(ResourceState rs, MapValue attrs, Map<ResourceInstanceAddr, ResourceState> now,
                            List<ResourceInstanceAddr> changed) {
        ResourceState current = now.get(rs.addr());
        if (ValuePaths.sameValue(current.attributes(), attrs)) return;
        now.put(rs.addr(), current.withAttributes(attrs));
        changed.add(rs.addr());
    }

    /**
     * Whether a service read back runs as its stored state says: as many running tasks as
     * desired, the same tasks as recorded (none dead or drifted), and no orphaned containers.
     */
    static boolean runsAsDesired(MapValue stored, MapValue read) {
        BigDecimal desired = Attrs.number(read, ServiceSchema.DESIRED_COUNT);
        BigDecimal running = Attrs.number(read, ServiceSchema.RUNNING_COUNT);
        if (desired == null || running == null || desired.compareTo(running) != 0) return false;
        if (!Attrs.items(read, ServiceSchema.ORPHANED_CONTAINERS).isEmpty()) return false;
        return ValuePaths.sameValue(stored.get(ServiceSchema.TASKS), read.get(ServiceSchema.TASKS));
    }

    /** ARNs of the tasks a service state says run. */
    static List<String> running(MapValue service) {
        List<String> out = new ArrayList<>();
        for (Value t : Attrs.items(service, ServiceSchema.TASKS)) {
            if (t.unmarked() instanceof MapValue m && "RUNNING".equals(Attrs.string(m, ServiceSchema.T_LAST_STATUS))) {
                String arn = Attrs.string(m, ServiceSchema.T_ARN);
                if (arn != null) out.add(arn);
            }
        }
        return out;
    }

    private static boolean hasErrors(List<ProviderDiagnostic> diags) {
        return diags.stream().anyMatch(ProviderDiagnostic::isError);
    }
}
