package dev.berth.engine.apply;

import dev.berth.engine.addrs.ResourceInstanceAddr;

/**
 * One step of an apply: bringing an instance to its planned state, or destroying its current
 * object. A replacement is two steps, ordered by its action (delete first unless
 * create_before_destroy).
 */
record ApplyNode(ResourceInstanceAddr addr, Phase phase) {
    enum Phase { APPLY, DESTROY }

    @Override
    public String toString() {
        return addr + (phase == Phase.DESTROY ? " (destroy)" : "");
    }
}
