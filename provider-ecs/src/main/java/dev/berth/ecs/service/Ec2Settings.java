package dev.berth.ecs.service;

import dev.berth.ecs.placement.ServiceSpec;
import dev.berth.ecs.scheduler.Constraint;
import dev.berth.ecs.scheduler.Strategy;
import dev.berth.ecs.scheduler.model.TaskSpec;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.berth.ecs.schema.Ec2ServiceSchema.B_ENABLE;
import static dev.berth.ecs.schema.Ec2ServiceSchema.B_ROLLBACK;
import static dev.berth.ecs.schema.Ec2ServiceSchema.CIRCUIT_BREAKER;
import static dev.berth.ecs.schema.Ec2ServiceSchema.CONSTRAINTS;
import static dev.berth.ecs.schema.Ec2ServiceSchema.C_EXPRESSION;
import static dev.berth.ecs.schema.Ec2ServiceSchema.C_TYPE;
import static dev.berth.ecs.schema.Ec2ServiceSchema.MAX_PERCENT;
import static dev.berth.ecs.schema.Ec2ServiceSchema.MIN_HEALTHY;
import static dev.berth.ecs.schema.Ec2ServiceSchema.STRATEGY;
import static dev.berth.ecs.schema.Ec2ServiceSchema.S_FIELD;
import static dev.berth.ecs.schema.Ec2ServiceSchema.S_TYPE;

/**
 * A service's placement and deployment settings, stored in {@code ec2_services} so that draining
 * an instance (an apply of another resource) can move the service's tasks the way it would.
 * {@code lastGoodTaskDefinition} is the revision the circuit breaker rolls back to.
 */
public record Ec2Settings(String serviceArn, String clusterArn, List<List<String>> strategies,
                          List<List<String>> constraints, int minimumHealthyPercent, int maximumPercent,
                          boolean breakerEnabled, boolean breakerRollback, String taskDefinitionArn,
                          String lastGoodTaskDefinition, int desired) {
    public static final String TABLE = "ec2_services";

    public Ec2Settings {
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

    /** From a configuration already validated (every value known). */
    static Ec2Settings of(String serviceArn, String clusterArn, MapValue config, String taskDefinitionArn,
                          String lastGood, int desired) {
        List<List<String>> strategies = new ArrayList<>();
        for (Value v : Attrs.items(config, STRATEGY)) {
            MapValue b = (MapValue) v.unmarked();
            strategies.add(java.util.Arrays.asList(Attrs.string(b, S_TYPE), Attrs.string(b, S_FIELD)));
        }
        List<List<String>> constraints = new ArrayList<>();
        for (Value v : Attrs.items(config, CONSTRAINTS)) {
            MapValue b = (MapValue) v.unmarked();
            constraints.add(java.util.Arrays.asList(Attrs.string(b, C_TYPE), Attrs.string(b, C_EXPRESSION)));
        }
        boolean enable = false, rollback = false;
        List<Value> breaker = Attrs.items(config, CIRCUIT_BREAKER);
        if (!breaker.isEmpty()) {
            MapValue b = (MapValue) breaker.get(0).unmarked();
            enable = Boolean.TRUE.equals(Attrs.bool(b.get(B_ENABLE)));
            rollback = Boolean.TRUE.equals(Attrs.bool(b.get(B_ROLLBACK)));
        }
        return new Ec2Settings(serviceArn, clusterArn, strategies, constraints, percent(config, MIN_HEALTHY, 100),
                percent(config, MAX_PERCENT, 200), enable, rollback, taskDefinitionArn, lastGood, desired);
    }

    private static int percent(MapValue config, String attr, int fallback) {
        BigDecimal v = Attrs.number(config, attr);
        return v == null ? fallback : v.intValue();
    }

    ServiceSpec spec(TaskSpec task, Set<String> replace) {
        List<Strategy> s = new ArrayList<>();
        for (List<String> st : strategies) s.add(Strategy.of(st.get(0), st.get(1)));
        List<Constraint> c = new ArrayList<>();
        for (List<String> ct : constraints) {
            c.add("distinctInstance".equals(ct.get(0)) ? Constraint.distinctInstance() : Constraint.memberOf(ct.get(1)));
        }
        return new ServiceSpec(dev.berth.ecs.placement.ClusterView.group(serviceArn), task, desired,
                minimumHealthyPercent, maximumPercent, c, s, ServiceSpec.seedFor(serviceArn), replace);
    }

    Ec2Settings withTaskDefinition(String arn, String lastGood) {
        return new Ec2Settings(serviceArn, clusterArn, strategies, constraints, minimumHealthyPercent, maximumPercent,
                breakerEnabled, breakerRollback, arn, lastGood, desired);
    }

    /** ECS's circuit breaker threshold: max(3, min(200, ceil(0.5 * desired))). */
    int failureThreshold() {
        return Math.max(3, Math.min(200, (int) Math.ceil(0.5 * desired)));
    }
}
