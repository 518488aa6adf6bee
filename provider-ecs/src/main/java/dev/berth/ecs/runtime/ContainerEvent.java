package dev.berth.ecs.runtime;

import java.util.Map;

/**
 * One entry of the engine's event log about a container, e.g. "start", "die" or
 * "health_status: unhealthy". {@code attributes} are the actor's attributes as the engine sent
 * them: the container's labels plus, for "die", {@code exitCode}.
 */
public record ContainerEvent(String containerId, String action, long timeNanos, Map<String, String> attributes) {
    public ContainerEvent {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** An event whose attributes were not asked for (the log read by refresh). */
    public ContainerEvent(String containerId, String action, long timeNanos) {
        this(containerId, action, timeNanos, Map.of());
    }

    /** The exit code of a "die" event, or null when the engine did not say. */
    public Integer exitCode() {
        String code = attributes.get("exitCode");
        try {
            return code == null ? null : Integer.valueOf(code);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
