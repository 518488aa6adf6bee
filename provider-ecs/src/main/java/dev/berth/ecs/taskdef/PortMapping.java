package dev.berth.ecs.taskdef;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One port mapping; null fields were not set. Host port null lets each task get a free port.
 * {@code name} and {@code appProtocol} are Service Connect's: kept and shown, nothing else.
 * {@code containerPortRange} ("8000-8010") stands for one mapping per port, each with a host port
 * of its own, as ECS maps a range dynamically.
 */
public record PortMapping(Integer containerPort, Integer hostPort, String protocol, String name, String appProtocol,
                          String containerPortRange) {
    private static final Pattern RANGE = Pattern.compile("(\\d{1,5})-(\\d{1,5})");

    public PortMapping(Integer containerPort, Integer hostPort, String protocol) {
        this(containerPort, hostPort, protocol, null, null, null);
    }

    /** The protocol as AWS returns it: "tcp" when unset. */
    public String effectiveProtocol() {
        return protocol == null ? "tcp" : protocol;
    }

    /** The first and last port of {@code containerPortRange}, or null when it is not "start-end" with start below end. */
    public int[] range() {
        if (containerPortRange == null) return null;
        Matcher m = RANGE.matcher(containerPortRange.trim());
        if (!m.matches()) return null;
        int first = Integer.parseInt(m.group(1)), last = Integer.parseInt(m.group(2));
        return first >= 1 && last <= 65535 && first < last ? new int[]{first, last} : null;
    }

    /** Every mapping with each range replaced by one mapping per port of it (with no fixed host port). */
    public static List<PortMapping> expand(List<PortMapping> mappings) {
        List<PortMapping> out = new ArrayList<>();
        for (PortMapping p : mappings) {
            int[] r = p.range();
            if (p.containerPortRange() == null) {
                out.add(p);
            } else if (r != null) {
                for (int port = r[0]; port <= r[1]; port++) out.add(new PortMapping(port, null, p.protocol()));
            }
        }
        return out;
    }
}
