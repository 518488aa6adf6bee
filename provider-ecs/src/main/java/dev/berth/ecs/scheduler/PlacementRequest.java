package dev.berth.ecs.scheduler;

import dev.berth.ecs.scheduler.model.TaskSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Place {@code count} copies of a task of {@code group} ("service:web" or "family:batch").
 * An empty strategy list means ECS's service default.
 */
public record PlacementRequest(String group, TaskSpec task, int count, List<Constraint> constraints,
                               List<Strategy> strategies, long seed) {
    public static final int MAX_CONSTRAINTS = 10;
    public static final int MAX_STRATEGIES = 5;

    public PlacementRequest {
        constraints = List.copyOf(constraints);
        strategies = List.copyOf(strategies);
    }

    public List<Strategy> effectiveStrategies() {
        return strategies.isEmpty() ? Strategy.SERVICE_DEFAULT : strategies;
    }

    /** How the group is named in messages: "service web", else the group as written. */
    public String subject() {
        return group.startsWith("service:") ? "service " + group.substring("service:".length()) : group;
    }

    public List<String> validate() {
        List<String> errors = new ArrayList<>(task.validate());
        if (group == null || group.isBlank()) errors.add("a task group is required");
        if (count < 0) errors.add("count must not be negative, got " + count);
        if (constraints.size() > MAX_CONSTRAINTS) {
            errors.add("at most " + MAX_CONSTRAINTS + " placement constraints are allowed, got " + constraints.size());
        }
        if (strategies.size() > MAX_STRATEGIES) {
            errors.add("at most " + MAX_STRATEGIES + " placement strategies are allowed, got " + strategies.size());
        }
        return errors;
    }
}
