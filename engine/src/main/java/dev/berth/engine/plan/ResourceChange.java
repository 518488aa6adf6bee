package dev.berth.engine.plan;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.value.MapValue;

import java.util.List;

/**
 * The planned change of one resource instance. {@code before} is null for a create and
 * {@code after} null for a delete. Unknown parts of {@code after} are
 * {@link dev.berth.engine.value.UnknownValue}s and sensitive parts are wrapped, so
 * after_unknown and the sensitivity maps of the JSON plan are derived, never stored twice.
 */
public record ResourceChange(ResourceInstanceAddr addr, String provider, Action action, MapValue before,
                             MapValue after, List<List<Object>> replacePaths, ActionReason reason) {
    public ResourceChange {
        replacePaths = List.copyOf(replacePaths);
    }
}
