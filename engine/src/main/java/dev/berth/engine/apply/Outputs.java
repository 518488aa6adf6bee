package dev.berth.engine.apply;

import dev.berth.engine.config.Config;
import dev.berth.engine.config.OutputConfig;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.run.RunScope;
import dev.berth.engine.state.OutputState;
import dev.berth.engine.state.StateChange;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.state.StateStore;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Root outputs, evaluated once every resource is applied and saved in one commit. */
final class Outputs {
    private Outputs() {
    }

    /**
     * Evaluates and saves the outputs. After a partial failure an output that cannot be fully
     * known keeps its previous value rather than being saved half-computed.
     */
    static Map<String, OutputState> commit(Config config, Plan plan, RunScope scope, StateStore store, boolean partial) {
        StateSnapshot before = store.read();
        if (plan.isTargeted()) return before.outputs(); // -target leaves outputs as they were, like Terraform
        List<StateChange> changes = new ArrayList<>();
        if (plan.mode() == Plan.Mode.DESTROY) {
            before.outputs().keySet().forEach(n -> changes.add(new StateChange.RemoveOutput(n)));
        } else {
            for (OutputConfig oc : config.outputs().values()) {
                Diagnostics d = new Diagnostics();
                Value v = scope.evaluator().evaluate(oc.value(), scope, d);
                if (d.hasErrors() || !v.isWhollyKnown()) continue;
                OutputState out = new OutputState(oc.name(), oc.sensitive() ? Value.sensitive(v) : v, oc.sensitive());
                if (!out.equals(before.outputs().get(oc.name()))) changes.add(new StateChange.PutOutput(out));
            }
            for (String name : before.outputs().keySet()) {
                if (!config.outputs().containsKey(name)) changes.add(new StateChange.RemoveOutput(name));
            }
        }
        if (!changes.isEmpty()) store.commit(changes, partial ? "apply (partial)" : "apply");
        return store.read().outputs();
    }
}
