package dev.berth.engine.addrs;

/**
 * A resource as configured, e.g. {@code ecs_service.web} or {@code data.ecs_cluster.main}, before
 * count or for_each expand it. The mode tells a managed resource from a data resource, so both
 * may share a type and a name, as in Terraform.
 */
public record ResourceAddr(Mode mode, String type, String name) implements Comparable<ResourceAddr> {

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
        int c = type.compareTo(o.type);
        return c != 0 ? c : name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return (mode == Mode.DATA ? "data." : "") + type + "." + name;
    }
}
