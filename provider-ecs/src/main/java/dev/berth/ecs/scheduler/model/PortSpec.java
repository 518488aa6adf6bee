package dev.berth.ecs.scheduler.model;

/** A port mapping; a null or 0 host port asks for a dynamic port (bridge mode only). */
public record PortSpec(int containerPort, Integer hostPort, String protocol) {
    public PortSpec {
        protocol = protocol == null ? "tcp" : protocol;
    }

    public boolean isDynamic() {
        return hostPort == null || hostPort == 0;
    }
}
