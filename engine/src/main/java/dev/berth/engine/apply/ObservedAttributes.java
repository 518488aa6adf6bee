package dev.berth.engine.apply;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.provider.AttributeSchema;
import dev.berth.engine.provider.Provider;
import dev.berth.engine.provider.ProviderRequests.ReadRequest;
import dev.berth.engine.provider.ProviderRequests.ReadResponse;
import dev.berth.engine.provider.Providers;
import dev.berth.engine.run.RunScope;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateChange;
import dev.berth.engine.state.StateStore;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import dev.berth.engine.value.ValuePaths;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads observed attributes again once every resource of an apply is done. A container
 * instance is applied before the services that place tasks on it, so what its apply returned
 * about its free capacity is stale by the end of the run; without this the plan right after an
 * apply would report that as a change made outside berth. Only observed attributes are taken
 * from the read: anything else that differs is real drift, left for the next plan to show.
 * A failed read changes nothing; the next refresh reads the object anyway.
 */
final class ObservedAttributes {
    private ObservedAttributes() {
    }

    static void refresh(Providers providers, StateStore store, Map<ResourceInstanceAddr, ResourceState> live,
                        RunScope scope) {
        List<StateChange> changes = new ArrayList<>();
        for (ResourceState rs : List.copyOf(live.values())) {
            if (rs.addr().isData()) continue; // a data source is read whole, never refreshed
            List<String> observed = providers.schema(rs.addr().type()).map(s -> s.body().attributes().values()
                    .stream().filter(AttributeSchema::observed).map(AttributeSchema::name).toList()).orElse(List.of());
            Provider provider = providers.forType(rs.addr().type()).orElse(null);
            if (observed.isEmpty() || provider == null || rs.tainted()) continue;
            ReadResponse read = provider.read(new ReadRequest(rs.addr(), rs.addr().type(), rs.attributes()));
            if (read.state() == null || read.diagnostics().stream().anyMatch(d -> d.isError())) continue;
            MapValue now = rs.attributes();
            for (String name : observed) {
                Value seen = read.state().get(name);
                if (!ValuePaths.sameValue(seen, now.get(name))) now = now.with(name, seen);
            }
            if (now == rs.attributes()) continue;
            ResourceState updated = rs.withAttributes(now);
            changes.add(new StateChange.PutResource(updated));
            live.put(rs.addr(), updated);
            scope.putInstance(rs.addr().resource(), rs.addr().key(), now);
        }
        if (!changes.isEmpty()) store.commit(changes, "apply");
    }
}
