package dev.berth.engine.provider;

import java.util.Set;

/**
 * What an object offers to, and needs from, other objects of the same provider beyond what its
 * configuration refers to, as opaque tokens of the provider's choosing. An object that needs a
 * token is created after, and destroyed before, every object of the same apply that provides
 * it: the ordering a user would otherwise have to write as {@code depends_on}, for relations the
 * provider knows and references do not show (an object named by a plain string, or one that
 * only uses what another registers).
 */
public record ImplicitOrder(Set<String> provides, Set<String> needs) {
    public static final ImplicitOrder NONE = new ImplicitOrder(Set.of(), Set.of());

    public ImplicitOrder {
        provides = Set.copyOf(provides);
        needs = Set.copyOf(needs);
    }
}
