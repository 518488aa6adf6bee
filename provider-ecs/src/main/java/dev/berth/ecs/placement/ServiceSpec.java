package dev.berth.ecs.placement;

import dev.berth.ecs.scheduler.Constraint;
import dev.berth.ecs.scheduler.PlacementRequest;
import dev.berth.ecs.scheduler.Strategy;
import dev.berth.ecs.scheduler.model.TaskSpec;

import java.util.List;
import java.util.Set;

/**
 * What an EC2 service wants, in scheduler terms. {@code replace} names running tasks that must be
 * replaced even though they run the target revision (force_new_deployment).
 */
public record ServiceSpec(String group, TaskSpec task, int desired, int minimumHealthyPercent, int maximumPercent,
                          List<Constraint> constraints, List<Strategy> strategies, long seed, Set<String> replace) {
    public ServiceSpec {
        constraints = List.copyOf(constraints);
        strategies = List.copyOf(strategies);
        replace = Set.copyOf(replace);
    }

    public ServiceSpec withTask(TaskSpec other) {
        return new ServiceSpec(group, other, desired, minimumHealthyPercent, maximumPercent, constraints, strategies,
                seed, replace);
    }

    PlacementRequest request(int count) {
        return new PlacementRequest(group, task, count, constraints, strategies, seed);
    }

    /**
     * The same seed for every service would stack services with a random strategy the same way; a
     * seed from the service name is fixed (plans are reproducible) yet differs between services.
     */
    public static long seedFor(String serviceArn) {
        return serviceArn.hashCode() * 0x9E3779B97F4A7C15L;
    }
}
