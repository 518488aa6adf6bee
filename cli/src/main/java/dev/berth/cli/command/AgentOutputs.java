package dev.berth.cli.command;

import dev.berth.cli.wiring.Workspace;
import dev.berth.engine.config.Config;
import dev.berth.engine.plan.Action;
import dev.berth.engine.plan.OutputChange;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.plan.Planner;
import dev.berth.engine.run.RunHooks;
import dev.berth.engine.state.OutputState;
import dev.berth.engine.state.StateChange;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The outputs a state repaired by the agent implies, evaluated as a plan without refresh would:
 * an output reading a service's endpoints changes when a task is replaced, and left alone it
 * would make the next plan report a change nobody asked for. Nothing is written while the
 * configuration asks for resource changes of its own: outputs then wait for that apply.
 */
final class AgentOutputs implements Function<StateSnapshot, List<StateChange>> {
    private final Workspace ws;
    private final Config config;
    private final Map<String, Value> variables;

    AgentOutputs(Workspace ws, Config config, Map<String, Value> variables) {
        this.ws = ws;
        this.config = config;
        this.variables = variables;
    }

    @Override
    public List<StateChange> apply(StateSnapshot state) {
        Planner.Result r = new Planner(ws.providers(), ws.functions(), RunHooks.NONE).plan(config, state, variables,
                new Planner.Options(Plan.Mode.NORMAL, false, 4));
        if (r.hasErrors() || r.plan().resourceChanges().stream().anyMatch(c -> c.action() != Action.NO_OP)) return List.of();
        List<StateChange> out = new ArrayList<>();
        for (OutputChange o : r.plan().outputChanges()) {
            if (o.action() == Action.NO_OP || o.after() == null || !o.after().isWhollyKnown()) continue;
            out.add(new StateChange.PutOutput(new OutputState(o.name(), o.after(), o.sensitive())));
        }
        return out;
    }
}
