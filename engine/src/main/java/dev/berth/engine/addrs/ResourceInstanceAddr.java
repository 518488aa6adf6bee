package dev.berth.engine.addrs;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One instance of a resource, printed as {@code ecs_service.web}, {@code ..web[0]}, {@code ..web["a"]} or
 * {@code data.ecs_cluster.main}.
 */
public record ResourceInstanceAddr(ResourceAddr resource, InstanceKey key)
        implements Comparable<ResourceInstanceAddr> {

    private static final Pattern SHAPE = Pattern.compile(
            "(data\\.)?([A-Za-z_][A-Za-z0-9_-]*)\\.([A-Za-z_][A-Za-z0-9_-]*)(?:\\[(?:(\\d+)|\"((?:[^\"\\\\]|\\\\.)*)\")\\])?");

    public static ResourceInstanceAddr of(String type, String name) {
        return new ResourceInstanceAddr(new ResourceAddr(type, name), InstanceKey.NONE);
    }

    /** Parses an address as a user types it on the command line. */
    public static Optional<ResourceInstanceAddr> parse(String text) {
        Matcher m = SHAPE.matcher(text.trim());
        if (!m.matches()) return Optional.empty();
        InstanceKey key = m.group(4) != null ? InstanceKey.of(Integer.parseInt(m.group(4)))
                : m.group(5) != null ? InstanceKey.of(m.group(5).replaceAll("\\\\(.)", "$1"))
                : InstanceKey.NONE;
        ResourceAddr.Mode mode = m.group(1) != null ? ResourceAddr.Mode.DATA : ResourceAddr.Mode.MANAGED;
        return Optional.of(new ResourceInstanceAddr(new ResourceAddr(mode, m.group(2), m.group(3)), key));
    }

    public String type() {
        return resource.type();
    }

    public String name() {
        return resource.name();
    }

    public boolean isData() {
        return resource.isData();
    }

    @Override
    public int compareTo(ResourceInstanceAddr o) {
        int c = resource.compareTo(o.resource);
        return c != 0 ? c : key.compareTo(o.key);
    }

    @Override
    public String toString() {
        return resource + key.suffix();
    }

    /** Written out, as {@link ResourceAddr}'s are: the client compiler does not inline a record's own. */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ResourceInstanceAddr a && resource.equals(a.resource) && key.equals(a.key);
    }

    @Override
    public int hashCode() {
        return 31 * resource.hashCode() + key.hashCode();
    }
}
