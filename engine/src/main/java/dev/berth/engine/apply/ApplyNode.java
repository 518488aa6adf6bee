package dev.berth.engine.apply;

import dev.berth.engine.addrs.ResourceInstanceAddr;

/**
 * One step of an apply: bringing an instance to its planned state, or destroying its current
 * object. A replacement is two steps, ordered by its action (delete first unless
 * create_before_destroy). {@code deposed} names the deposed object a destroy step removes, and is
 * null for every other step.
 */
record ApplyNode(ResourceInstanceAddr addr, Phase phase, String deposed) {
    enum Phase { APPLY, DESTROY }

    ApplyNode(ResourceInstanceAddr addr, Phase phase) {
        this(addr, phase, null);
    }

    @Override
    public String toString() {
        if (deposed != null) return addr + " (destroy deposed " + deposed + ")";
        return addr + (phase == Phase.DESTROY ? " (destroy)" : "");
    }
}
