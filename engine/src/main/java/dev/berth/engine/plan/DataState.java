package dev.berth.engine.plan;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateSnapshot;

import java.util.Map;
import java.util.LinkedHashMap;

/**
 * What the state holds of data sources after a plan, as in Terraform: the results read during the
 * plan join the prior state the plan is made against (so applying it saves them), while a data
 * source to be read during apply, or no longer configured, leaves it. Outside -target's reach
 * the stored results stay.
 */
final class DataState {
    private DataState() {
    }

    static StateSnapshot replaced(StateSnapshot prior, Map<ResourceInstanceAddr, ResourceState> reads,
                                  Targeting targeting) {
        boolean dropsNone = prior.resources().keySet().stream().noneMatch(a -> a.isData() && targeting.includes(a));
        if (reads.isEmpty() && dropsNone) return prior;
        Map<ResourceInstanceAddr, ResourceState> out = new LinkedHashMap<>(prior.resources());
        out.keySet().removeIf(a -> a.isData() && targeting.includes(a));
        out.putAll(reads);
        return prior.withResources(out);
    }

    /** A destroy forgets data sources without asking any provider: there is nothing to destroy. */
    static StateSnapshot dropped(StateSnapshot prior, Targeting targeting) {
        return replaced(prior, Map.of(), targeting);
    }
}
