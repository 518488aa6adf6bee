package dev.berth.cli.command;

import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.value.Secrets;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.List;

/** The sensitive texts a state holds: its marked attributes and its sensitive outputs. */
final class StateSecrets {
    private StateSecrets() {
    }

    static Secrets of(StateSnapshot state) {
        List<Value> values = new ArrayList<>();
        state.resources().values().forEach(r -> values.add(r.attributes()));
        state.outputs().values().forEach(o -> values.add(o.sensitive() ? Value.sensitive(o.value()) : o.value()));
        return Secrets.in(values.toArray(Value[]::new));
    }
}
