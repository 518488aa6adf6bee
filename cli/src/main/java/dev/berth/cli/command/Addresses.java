package dev.berth.cli.command;

import dev.berth.engine.addrs.InstanceKey;
import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.state.StateSnapshot;

import java.util.List;
import java.util.stream.Collectors;

/** Addresses typed on the command line, matched against the state as Terraform's state commands do. */
final class Addresses {
    private Addresses() {
    }

    /** @throws Errors.UserError when the text is not a resource address */
    static ResourceInstanceAddr parse(String text) {
        return ResourceInstanceAddr.parse(text).orElseThrow(() -> new Errors.UserError("Invalid address \"" + text
                + "\": expected a resource address such as ecs_service.web, ecs_service.web[0] or "
                + "ecs_service.web[\"blue\"]."));
    }

    /**
     * The instances an address names: exactly itself when it has an index or key, otherwise every
     * instance of that resource (the single one, or all of a count or for_each).
     */
    static List<ResourceInstanceAddr> matching(StateSnapshot state, ResourceInstanceAddr addr) {
        if (!(addr.key() instanceof InstanceKey.None)) {
            return state.resources().containsKey(addr) ? List.of(addr) : List.of();
        }
        return state.resources().keySet().stream().filter(a -> a.resource().equals(addr.resource())).toList();
    }

    /** As {@link #matching}, plus the instances that only have deposed objects left (state show, state rm). */
    static List<ResourceInstanceAddr> matchingWithDeposed(StateSnapshot state, ResourceInstanceAddr addr) {
        java.util.Set<ResourceInstanceAddr> out = new java.util.TreeSet<>(matching(state, addr));
        state.deposed().stream().map(dev.berth.engine.state.DeposedObject::addr)
                .filter(a -> a.equals(addr) || addr.key() instanceof InstanceKey.None && a.resource().equals(addr.resource()))
                .forEach(out::add);
        return List.copyOf(out);
    }

    /** "; the state holds a, b" or "; the state is empty", for errors about a missing address. */
    static String whatExists(StateSnapshot state) {
        if (state.resources().isEmpty()) return "; the state holds no resources.";
        return "; the state holds " + state.resources().keySet().stream().map(ResourceInstanceAddr::toString)
                .collect(Collectors.joining(", ")) + ".";
    }

    /** @throws Errors.UserError when there is no state file yet, so a read does not create one */
    static void requireState(dev.berth.cli.wiring.Workspace ws) {
        if (!ws.stateExists()) {
            throw new Errors.UserError("No state file was found at " + ws.stateLocation().name() + ".");
        }
    }
}
