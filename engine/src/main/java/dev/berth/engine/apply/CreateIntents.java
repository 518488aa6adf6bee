package dev.berth.engine.apply;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.plan.Refresher;
import dev.berth.engine.provider.Provider;
import dev.berth.engine.provider.ProviderRequests.FindRequest;
import dev.berth.engine.provider.ProviderRequests.FindResponse;
import dev.berth.engine.provider.Providers;
import dev.berth.engine.run.ProviderDiagnostics;
import dev.berth.engine.state.CreateIntent;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateChange;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.state.StateStore;

import java.util.ArrayList;
import java.util.List;

/**
 * Settles the creates a killed run left unsettled, before anything is planned. The configuration
 * state and the provider's world never share a transaction, so a run killed while a provider
 * created something leaves an object the state does not name; its intent (address and client
 * token, saved before the call) lets this run ask the provider what the token made:
 * <ul>
 *   <li>something, and the address is free: it is adopted into the state with the intent's
 *       dependencies, so the plan updates it to the configuration and destroy removes it in order;</li>
 *   <li>nothing, or the object the state already holds: the intent is dropped;</li>
 *   <li>another object than the one at the address (a replacement cut short): it is reported and
 *       the intent kept, since the state has no second slot for it.</li>
 * </ul>
 * Only the state is written (each adoption one commit); the world is read, never changed.
 */
public final class CreateIntents {
    private CreateIntents() {
    }

    /** An object the interrupted run made, now in the state. */
    public record Adopted(ResourceInstanceAddr addr, String id) {
    }

    public record Result(List<Adopted> adopted, List<Diagnostic> diagnostics) {
    }

    public static Result settle(StateStore store, Providers providers) {
        List<Adopted> adopted = new ArrayList<>();
        List<Diagnostic> diags = new ArrayList<>();
        List<CreateIntent> pending = store.intents();
        if (pending.isEmpty()) return new Result(adopted, diags);
        StateSnapshot state = store.read();
        for (CreateIntent intent : pending) {
            ResourceInstanceAddr addr = intent.addr();
            Provider provider = providers.forType(addr.type()).orElse(null);
            if (provider == null) continue;
            FindResponse found = provider.find(new FindRequest(addr, addr.type(), intent.clientToken()));
            List<Diagnostic> d = ProviderDiagnostics.convert(found.diagnostics(), addr, null);
            diags.addAll(d);
            if (d.stream().anyMatch(Diagnostic::isError)) continue;
            ResourceState held = state.resources().get(addr);
            if (found.state() == null) {
                store.settleIntent(addr, intent.clientToken());
            } else if (held == null) {
                ResourceState saved = new ResourceState(addr, intent.provider(), intent.schemaVersion(), found.state(),
                        intent.dependencies(), false);
                store.commit(List.of(new StateChange.PutResource(saved)), "adopt");
                store.settleIntent(addr, intent.clientToken());
                adopted.add(new Adopted(addr, Refresher.idOf(found.state())));
            } else if (Refresher.idOf(held.attributes()).equals(Refresher.idOf(found.state()))) {
                store.settleIntent(addr, intent.clientToken());
            } else {
                diags.add(Diagnostic.warning("An interrupted run left " + Refresher.idOf(found.state())
                        + " behind", "A create of " + addr + " was cut short while " + Refresher.idOf(held.attributes())
                        + " still held that address, so berth cannot adopt it. Delete it with the provider's own"
                        + " tools; until then it exists outside the state.", null));
            }
        }
        return new Result(adopted, diags);
    }
}
