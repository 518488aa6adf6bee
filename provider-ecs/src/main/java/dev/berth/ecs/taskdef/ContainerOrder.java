package dev.berth.ecs.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.ecs.runtime.ContainerLifecycle;

import java.util.ArrayList;
import java.util.List;

/**
 * A container's start order and timeouts as its definition writes them: {@code dependsOn}
 * ({@code [{containerName, condition}]}), {@code startTimeout} and {@code stopTimeout} in
 * seconds. A view over the canonical JSON of the definition, never a second parser: a
 * condition outside ECS's four is kept as written, for the registration rules to name.
 */
public record ContainerOrder(List<Dependency> dependsOn, Integer startTimeout, Integer stopTimeout) {
    public static final ContainerOrder NONE = new ContainerOrder(List.of(), null, null);

    public ContainerOrder {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    /** One entry of dependsOn, as written. */
    public record Dependency(String containerName, String condition) {
        /** The condition in ECS's enumeration, or null when it is none of them. */
        public ContainerLifecycle.Condition knownCondition() {
            for (ContainerLifecycle.Condition c : ContainerLifecycle.Condition.values()) {
                if (c.name().equals(condition)) return c;
            }
            return null;
        }
    }

    /** A container's order, from the canonical JSON its definition keeps outside the typed core. */
    public static ContainerOrder of(ContainerDefinition c) {
        return read(c.extra("dependsOn"), c.extra("startTimeout"), c.extra("stopTimeout"));
    }

    /** The fields' canonical JSON values (null: absent). */
    public static ContainerOrder read(JsonNode dependsOn, JsonNode startTimeout, JsonNode stopTimeout) {
        List<Dependency> deps = new ArrayList<>();
        if (dependsOn != null && dependsOn.isArray()) {
            for (JsonNode d : dependsOn) {
                deps.add(new Dependency(text(d.get("containerName")), text(d.get("condition"))));
            }
        }
        return new ContainerOrder(deps, integer(startTimeout), integer(stopTimeout));
    }

    /** What the runtime needs: dependencies with known conditions, and the timeouts. */
    public ContainerLifecycle lifecycle() {
        List<ContainerLifecycle.Dependency> out = new ArrayList<>();
        for (Dependency d : dependsOn) {
            if (d.containerName() != null && d.knownCondition() != null) {
                out.add(new ContainerLifecycle.Dependency(d.containerName(), d.knownCondition()));
            }
        }
        return new ContainerLifecycle(out, startTimeout, stopTimeout);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static Integer integer(JsonNode n) {
        return n == null || n.isNull() || !n.isNumber() ? null : n.intValue();
    }
}
