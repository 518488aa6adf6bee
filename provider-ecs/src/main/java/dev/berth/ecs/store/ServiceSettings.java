package dev.berth.ecs.store;

import java.util.ArrayList;
import java.util.List;

/**
 * A service's placement and deployment settings, stored in {@code ec2_services} (the table keeps
 * its first name so existing stores read on) so that draining an instance (an apply of another
 * resource) can move the service's tasks the way it would. {@code strategies} are [type, field]
 * pairs and {@code constraints} [type, expression] pairs as ECS spells them.
 * {@code lastGoodTaskDefinition} is the revision the circuit breaker rolls back to; {@code
 * launchType} says where tasks run (FARGATE: the local engine, within the account's quota).
 */
public record ServiceSettings(String serviceArn, String clusterArn, List<List<String>> strategies,
                              List<List<String>> constraints, int minimumHealthyPercent, int maximumPercent,
                              boolean breakerEnabled, boolean breakerRollback, String taskDefinitionArn,
                              String lastGoodTaskDefinition, int desired, String launchType) {
    public static final String TABLE = "ec2_services";

    public ServiceSettings {
        // Only EC2 services kept settings before FARGATE ones went through the same deployment.
        if (launchType == null) launchType = "EC2";
        strategies = pairs(strategies);
        constraints = pairs(constraints);
    }

    /**
     * Copies [type, field] and [type, expression] pairs. The second item is null when the
     * configuration leaves it out (random, distinctInstance), so no null-hostile List.copyOf here.
     */
    private static List<List<String>> pairs(List<List<String>> in) {
        if (in == null) return List.of();
        return in.stream().map(p -> java.util.Collections.unmodifiableList(new ArrayList<>(p))).toList();
    }

    public ServiceSettings withTaskDefinition(String arn, String lastGood) {
        return new ServiceSettings(serviceArn, clusterArn, strategies, constraints, minimumHealthyPercent,
                maximumPercent, breakerEnabled, breakerRollback, arn, lastGood, desired, launchType);
    }

    public boolean fargate() {
        return "FARGATE".equals(launchType);
    }

    /** ECS's circuit breaker threshold: max(3, min(200, ceil(0.5 * desired))). */
    public int failureThreshold() {
        return Math.max(3, Math.min(200, (int) Math.ceil(0.5 * desired)));
    }
}
