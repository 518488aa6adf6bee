package dev.berth.engine.state;

import dev.berth.engine.addrs.ResourceInstanceAddr;

/**
 * One edit to the state. A store commits a list of them as one new serial, so what a write
 * costs is proportional to what changed, never to the size of the state.
 */
public sealed interface StateChange {
    record PutResource(ResourceState resource) implements StateChange {
    }

    record RemoveResource(ResourceInstanceAddr addr) implements StateChange {
    }

    /** Records (or updates) an object set aside by create_before_destroy. */
    record PutDeposed(DeposedObject object) implements StateChange {
    }

    record RemoveDeposed(ResourceInstanceAddr addr, String key) implements StateChange {
    }

    record PutOutput(OutputState output) implements StateChange {
    }

    record RemoveOutput(String name) implements StateChange {
    }
}
