package dev.berth.engine.plan;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.value.MapValue;

import java.util.List;

/**
 * The planned change of one resource instance. {@code before} is null for a create and
 * {@code after} null for a delete. Unknown parts of {@code after} are
 * {@link dev.berth.engine.value.UnknownValue}s and sensitive parts are wrapped, so
 * after_unknown and the sensitivity maps of the JSON plan are derived, never stored twice.
 * {@code previousAddr} is set when a {@code moved} block renamed the instance. {@code notes} are
 * the provider's lines for the reader (e.g. a placement preview), shown under the change.
 */
public record ResourceChange(ResourceInstanceAddr addr, String provider, Action action, MapValue before,
                             MapValue after, List<List<Object>> replacePaths, ActionReason reason,
                             ResourceInstanceAddr previousAddr, List<String> notes) {
    public ResourceChange {
        replacePaths = List.copyOf(replacePaths);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A change without provider notes. */
    public ResourceChange(ResourceInstanceAddr addr, String provider, Action action, MapValue before, MapValue after,
                          List<List<Object>> replacePaths, ActionReason reason, ResourceInstanceAddr previousAddr) {
        this(addr, provider, action, before, after, replacePaths, reason, previousAddr, List.of());
    }

    /** A change of an instance that kept its address. */
    public ResourceChange(ResourceInstanceAddr addr, String provider, Action action, MapValue before, MapValue after,
                          List<List<Object>> replacePaths, ActionReason reason) {
        this(addr, provider, action, before, after, replacePaths, reason, null);
    }

    /** Whether a moved block gave this instance a new address in this plan. */
    public boolean moved() {
        return previousAddr != null && !previousAddr.equals(addr);
    }
}
