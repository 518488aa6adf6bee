package dev.berth.engine.addrs;

import java.util.Objects;

/**
 * A resource as configured, e.g. {@code ecs_service.web} or {@code data.ecs_cluster.main}, before
 * count or for_each expand it. The mode tells a managed resource from a data resource, so both
 * may share a type and a name, as in Terraform.
 */
public record ResourceAddr(Mode mode, String type, String name) implements Comparable<ResourceAddr> {
    /**
     * One string per resource type, so that comparing two addresses of the same type (a state of
     * 100,000 task definitions is sorted and searched by address) does not compare the type's
     * characters. Bounded: a type is a provider's word, and there are few.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> TYPES =
            new java.util.concurrent.ConcurrentHashMap<>();

    public ResourceAddr {
        String known = TYPES.get(type);
        if (known != null) type = known;
        else if (type != null && TYPES.size() < 4096) type = Objects.requireNonNullElse(TYPES.putIfAbsent(type, type), type);
    }

    /** Terraform's resource modes, with the word its JSON documents use for each. */
    public enum Mode {
        MANAGED("managed"), DATA("data");

        private final String json;

        Mode(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    /** A managed resource. */
    public ResourceAddr(String type, String name) {
        this(Mode.MANAGED, type, name);
    }

    public static ResourceAddr data(String type, String name) {
        return new ResourceAddr(Mode.DATA, type, name);
    }

    public boolean isData() {
        return mode == Mode.DATA;
    }

    public ResourceInstanceAddr instance(InstanceKey key) {
        return new ResourceInstanceAddr(this, key);
    }

    /** Terraform's order: data resources first, then by type and name. */
    @Override
    public int compareTo(ResourceAddr o) {
        if (mode != o.mode) return mode == Mode.DATA ? -1 : 1;
        int c = type == o.type ? 0 : type.compareTo(o.type);
        return c != 0 ? c : name.compareTo(o.name);
    }

    /*
     * equals and hashCode written out: a record's own go through method handles, which the
     * client compiler (bin/berth's) does not inline, and addresses are hashed and compared for
     * every step of a plan's graph (a twentieth of a plan of 10,000 resources).
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ResourceAddr a && mode == a.mode && Objects.equals(type, a.type)
                && Objects.equals(name, a.name);
    }

    @Override
    public int hashCode() {
        return (31 * mode.ordinal() + Objects.hashCode(type)) * 31 + Objects.hashCode(name);
    }

    @Override
    public String toString() {
        return (mode == Mode.DATA ? "data." : "") + type + "." + name;
    }
}
