package dev.berth.engine.state;

import dev.berth.engine.addrs.ResourceInstanceAddr;

import java.time.Instant;
import java.util.List;

/**
 * A create that was begun and whose result is not saved yet: recorded before the provider is
 * called, settled once its result is. One left behind means the run died during the call; the
 * next run asks the provider what the {@code clientToken} made and adopts it, so the world never
 * holds an object the state cannot name. The provider, schema version and dependencies are what
 * the adopted instance is saved with.
 */
public record CreateIntent(ResourceInstanceAddr addr, String clientToken, String provider, int schemaVersion,
                           List<String> dependencies, Instant created) {
    public CreateIntent {
        dependencies = List.copyOf(dependencies);
    }
}
