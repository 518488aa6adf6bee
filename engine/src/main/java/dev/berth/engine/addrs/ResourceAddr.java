package dev.berth.engine.addrs;

/** A resource as configured, e.g. {@code ecs_service.web}, before count or for_each expand it. */
public record ResourceAddr(String type, String name) implements Comparable<ResourceAddr> {

    public ResourceInstanceAddr instance(InstanceKey key) {
        return new ResourceInstanceAddr(this, key);
    }

    @Override
    public int compareTo(ResourceAddr o) {
        int c = type.compareTo(o.type);
        return c != 0 ? c : name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return type + "." + name;
    }
}
