package dev.berth.ecs.taskdef;

/** One port mapping; null fields were not set. Host port null lets each task get a free port. */
public record PortMapping(Integer containerPort, Integer hostPort, String protocol) {

    /** The protocol as AWS returns it: "tcp" when unset. */
    public String effectiveProtocol() {
        return protocol == null ? "tcp" : protocol;
    }
}
