package dev.berth.ecs.runtime;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What may have changed on an engine since a moment, on the engine's word: anything at all (list
 * again), or only these containers (their entries in an older listing are stale, every other
 * entry still holds). Nothing changed is the empty set.
 */
public record Changed(boolean anything, Set<String> containerIds) {
    public static final Changed ANYTHING = new Changed(true, Set.of());
    public static final Changed NOTHING = new Changed(false, Set.of());

    public Changed {
        containerIds = anything ? Set.of() : Set.copyOf(containerIds);
    }

    public static Changed containers(Set<String> ids) {
        return ids.isEmpty() ? NOTHING : new Changed(false, ids);
    }

    public boolean nothing() {
        return !anything && containerIds.isEmpty();
    }

    /** Both engines' changes together, as one fleet's. */
    public Changed and(Changed other) {
        if (anything || other.anything) return ANYTHING;
        if (other.containerIds.isEmpty()) return this;
        if (containerIds.isEmpty()) return other;
        Set<String> ids = new HashSet<>(containerIds);
        ids.addAll(other.containerIds);
        return new Changed(false, ids);
    }

    /**
     * {@code listed}, an older listing, brought up to date with {@code relisted}, a listing of the
     * changed containers only (under the same filters) made after this was learnt: a changed
     * container takes its new entry, or leaves the listing when it has none (removed, or no longer
     * matching). Only for a change of some containers, never of {@link #anything}.
     */
    public List<ContainerInfo> applyTo(List<ContainerInfo> listed, List<ContainerInfo> relisted) {
        if (anything) throw new IllegalStateException("a change of anything needs a whole listing");
        List<ContainerInfo> out = new ArrayList<>(listed.size() + relisted.size());
        // Docker lists the newest first; a container made since the older listing is among the changed.
        for (ContainerInfo c : relisted) {
            if (containerIds.contains(c.id())) out.add(c);
        }
        for (ContainerInfo c : listed) {
            if (!containerIds.contains(c.id())) out.add(c);
        }
        return out;
    }
}
