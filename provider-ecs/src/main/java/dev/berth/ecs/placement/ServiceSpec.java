package dev.berth.ecs.placement;

import dev.berth.ecs.scheduler.Constraint;
import dev.berth.ecs.scheduler.PlacementRequest;
import dev.berth.ecs.scheduler.Strategy;
import dev.berth.ecs.scheduler.model.TaskSpec;
import dev.berth.ecs.store.ServiceSettings;

import java.util.ArrayList;
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

    /** The spec of a service with these settings, running {@code task}. */
    public static ServiceSpec of(ServiceSettings s, TaskSpec task, Set<String> replace) {
        List<Strategy> strategies = new ArrayList<>();
        for (List<String> st : s.strategies()) strategies.add(Strategy.of(st.get(0), st.get(1)));
        List<Constraint> constraints = new ArrayList<>();
        for (List<String> ct : s.constraints()) {
            constraints.add("distinctInstance".equals(ct.get(0)) ? Constraint.distinctInstance()
                    : Constraint.memberOf(ct.get(1)));
        }
        return new ServiceSpec(ClusterView.group(s.serviceArn()), task, s.desired(), s.minimumHealthyPercent(),
                s.maximumPercent(), constraints, strategies, seedFor(s.serviceArn()), replace);
    }

    /** "service web", as ECS names the service in its messages. */
    public String subject() {
        return request(0).subject();
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
