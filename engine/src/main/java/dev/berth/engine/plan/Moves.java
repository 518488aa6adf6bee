package dev.berth.engine.plan;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.config.MovedConfig;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies {@code moved} blocks to the prior state before planning: an object recorded under an
 * old address is planned under its new one, so renaming a resource never destroys it. The apply
 * saves the rename along with the refresh, a refresh-only apply too.
 */
final class Moves {
    private Moves() {
    }

    record Result(StateSnapshot state, Map<ResourceInstanceAddr, ResourceInstanceAddr> previous) {
    }

    static Result apply(StateSnapshot prior, List<MovedConfig> moved, Diagnostics diags) {
        if (moved.isEmpty()) return new Result(prior, Map.of());
        Map<ResourceInstanceAddr, ResourceState> resources = new TreeMap<>(prior.resources());
        Map<ResourceInstanceAddr, ResourceInstanceAddr> previous = new TreeMap<>();
        for (MovedConfig m : moved) {
            for (ResourceInstanceAddr from : List.copyOf(resources.keySet())) {
                ResourceInstanceAddr to = target(m, from);
                if (to == null) continue;
                if (resources.containsKey(to)) {
                    diags.error("Moved object still exists: " + from + " cannot move to " + to
                            + ", because the state already has an object there.",
                            "Remove the moved block, or remove one of the two objects from the state with "
                                    + "\"berth state rm\".", m.range());
                    continue;
                }
                ResourceState rs = resources.remove(from);
                resources.put(to, new ResourceState(to, rs.provider(), rs.schemaVersion(), rs.attributes(),
                        rs.dependencies(), rs.tainted()));
                previous.put(to, previous.getOrDefault(from, from));
                previous.remove(from);
            }
        }
        return new Result(prior.withResources(resources), previous);
    }

    /**
     * A refresh-only plan reports each move with the drift, as Terraform does ("# a has moved to
     * b"): a drifted object carries its previous address, an unchanged one is a no-op change.
     */
    static List<ResourceChange> asDrift(List<ResourceChange> drift, Map<ResourceInstanceAddr, ResourceInstanceAddr> previous,
                                        StateSnapshot refreshed) {
        List<ResourceChange> out = new ArrayList<>();
        for (ResourceChange c : drift) {
            ResourceInstanceAddr from = previous.get(c.addr());
            out.add(from == null ? c : new ResourceChange(c.addr(), c.provider(), c.action(), c.before(), c.after(),
                    c.replacePaths(), c.reason(), from));
        }
        previous.forEach((to, from) -> {
            ResourceState rs = refreshed.resources().get(to);
            if (rs == null || drift.stream().anyMatch(c -> c.addr().equals(to))) return;
            out.add(new ResourceChange(to, rs.provider(), Action.NO_OP, rs.attributes(), rs.attributes(), List.of(),
                    ActionReason.NONE, from));
        });
        return out;
    }

    /** Where a moved block sends this address, or null when it does not apply to it. */
    private static ResourceInstanceAddr target(MovedConfig m, ResourceInstanceAddr addr) {
        if (m.wholeResource()) {
            return addr.resource().equals(m.from().resource()) ? m.to().resource().instance(addr.key()) : null;
        }
        return addr.equals(m.from()) ? m.to() : null;
    }
}
