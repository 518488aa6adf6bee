package dev.berth.ecs.service;

import dev.berth.ecs.value.Attrs;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

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
import static dev.berth.ecs.schema.ServiceSchema.CLUSTER;
import static dev.berth.ecs.schema.ServiceSchema.DESIRED_COUNT;
import static dev.berth.ecs.schema.ServiceSchema.LAUNCH_TYPE;
import static dev.berth.ecs.schema.ServiceSchema.NAME;
import static dev.berth.ecs.schema.ServiceSchema.TASK_DEFINITION;

/** An {@code ecs_service} configuration as the control plane's deployment request. */
final class SettingsConfig {
    private SettingsConfig() {
    }

    /**
     * From a configuration already validated (every value known). {@code force} is the
     * configuration's force_new_deployment on an existing service (a new one has nothing to replace).
     */
    static DeployRequest request(MapValue config, boolean force) {
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
        BigDecimal desired = Attrs.number(config, DESIRED_COUNT);
        String launchType = Attrs.string(config, LAUNCH_TYPE);
        return new DeployRequest(Attrs.string(config, NAME), Attrs.string(config, CLUSTER),
                Attrs.string(config, TASK_DEFINITION), desired == null ? 1 : desired.intValueExact(),
                launchType == null ? "FARGATE" : launchType, strategies, constraints, percent(config, MIN_HEALTHY, 100),
                percent(config, MAX_PERCENT, 200), enable, rollback, force);
    }

    private static int percent(MapValue config, String attr, int fallback) {
        BigDecimal v = Attrs.number(config, attr);
        return v == null ? fallback : v.intValue();
    }
}
