package dev.berth.ecs.scheduler.model;

/** A static host port a running task holds; dynamic ports are never recorded since they always fit. */
public record HostPort(int port, String protocol) {
    public HostPort {
        if (port < 1 || port > 65535) throw new IllegalArgumentException("host port out of range: " + port);
        protocol = protocol == null ? "tcp" : protocol;
    }

    /** A compact key so port sets can be kept as int counters: tcp and udp never collide. */
    public int key() {
        return port * 2 + ("udp".equals(protocol) ? 1 : 0);
    }

    public static HostPort ofKey(int key) {
        return new HostPort(key / 2, (key & 1) == 1 ? "udp" : "tcp");
    }

    @Override
    public String toString() {
        return port + "/" + protocol;
    }
}
