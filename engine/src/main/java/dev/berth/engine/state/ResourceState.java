package dev.berth.engine.state;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.value.MapValue;

import java.util.List;

/**
 * What berth knows of one resource instance. Sensitive attributes are kept as
 * {@link dev.berth.engine.value.SensitiveValue} inside {@code attributes}; the store persists the
 * markings. A tainted instance failed to be created completely and is replaced on the next apply.
 */
public record ResourceState(ResourceInstanceAddr addr, String provider, int schemaVersion,
                            MapValue attributes, List<String> dependencies, boolean tainted) {
    public ResourceState {
        dependencies = List.copyOf(dependencies);
    }

    public ResourceState withTainted(boolean t) {
        return new ResourceState(addr, provider, schemaVersion, attributes, dependencies, t);
    }

    public ResourceState withAttributes(MapValue a) {
        return new ResourceState(addr, provider, schemaVersion, a, dependencies, tainted);
    }
}
