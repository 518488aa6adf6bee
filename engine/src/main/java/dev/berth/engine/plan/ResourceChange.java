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
 * {@code deposed} is set on the destroy of an object that create_before_destroy set aside
 * (Terraform's "deposed object"), and null for an instance's current object. {@code fold} says
 * which attributes views fold into one line (see {@link Fold}).
 */
public record ResourceChange(ResourceInstanceAddr addr, String provider, Action action, MapValue before,
                             MapValue after, List<List<Object>> replacePaths, ActionReason reason,
                             ResourceInstanceAddr previousAddr, List<String> notes, String deposed, Fold fold) {
    public ResourceChange {
        replacePaths = List.copyOf(replacePaths);
        notes = notes == null ? List.of() : List.copyOf(notes);
        fold = fold == null ? Fold.NONE : fold;
    }

    /** A change without folding. */
    public ResourceChange(ResourceInstanceAddr addr, String provider, Action action, MapValue before, MapValue after,
                          List<List<Object>> replacePaths, ActionReason reason, ResourceInstanceAddr previousAddr,
                          List<String> notes, String deposed) {
        this(addr, provider, action, before, after, replacePaths, reason, previousAddr, notes, deposed, Fold.NONE);
    }

    public ResourceChange withFold(Fold f) {
        return new ResourceChange(addr, provider, action, before, after, replacePaths, reason, previousAddr, notes,
                deposed, f);
    }

    /** A change of an instance's current object. */
    public ResourceChange(ResourceInstanceAddr addr, String provider, Action action, MapValue before, MapValue after,
                          List<List<Object>> replacePaths, ActionReason reason, ResourceInstanceAddr previousAddr,
                          List<String> notes) {
        this(addr, provider, action, before, after, replacePaths, reason, previousAddr, notes, null);
    }

    /** The destroy of a deposed object. */
    public static ResourceChange destroyDeposed(dev.berth.engine.state.DeposedObject d) {
        return new ResourceChange(d.addr(), d.object().provider(), Action.DELETE, d.object().attributes(), null,
                List.of(), ActionReason.NONE, null, List.of(), d.key());
    }

    /** Orders changes by address, an instance's current object before its deposed ones. */
    public static final java.util.Comparator<ResourceChange> ORDER = java.util.Comparator
            .comparing(ResourceChange::addr)
            .thenComparing(ResourceChange::deposed, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));

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
