package dev.berth.ecs.runtime;

import java.util.List;

/**
 * When a container may start and how long it gets to stop, in ECS's terms: {@code dependsOn}
 * (the conditions other containers of the task must reach first), {@code startTimeoutSeconds}
 * (how long containers waiting on this one give it to reach their condition) and
 * {@code stopTimeoutSeconds} (the grace between the stop signal and the kill). Null timeouts
 * mean "not set": the engine's defaults apply.
 */
public record ContainerLifecycle(List<Dependency> dependsOn, Integer startTimeoutSeconds, Integer stopTimeoutSeconds) {
    /** No dependencies and the defaults. */
    public static final ContainerLifecycle NONE = new ContainerLifecycle(List.of(), null, null);

    public ContainerLifecycle {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    /** ECS's ContainerDependency: the container waited for and the state it must reach. */
    public record Dependency(String containerName, Condition condition) {
    }

    /** ECS's ContainerCondition. */
    public enum Condition {
        /** The dependency has started. */
        START,
        /** The dependency has exited, whatever its exit code. */
        COMPLETE,
        /** The dependency has exited with code 0. */
        SUCCESS,
        /** The dependency's health check passes. */
        HEALTHY;

        /** Whether the condition waits for the dependency to exit. */
        public boolean awaitsExit() {
            return this == COMPLETE || this == SUCCESS;
        }
    }
}
