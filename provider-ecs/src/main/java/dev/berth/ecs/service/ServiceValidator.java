package dev.berth.ecs.service;

import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.placement.FargateQuota;
import dev.berth.ecs.resource.Diags;
import dev.berth.ecs.schema.Ec2ServiceSchema;
import dev.berth.ecs.taskdef.TaskDefinitionRegistry;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.value.MapValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static dev.berth.ecs.schema.ServiceSchema.CLUSTER;
import static dev.berth.ecs.schema.ServiceSchema.DESIRED_COUNT;
import static dev.berth.ecs.schema.ServiceSchema.LAUNCH_TYPE;
import static dev.berth.ecs.schema.ServiceSchema.NAME;
import static dev.berth.ecs.schema.ServiceSchema.TASK_DEFINITION;

/** Checks a service configuration; unknown values are skipped. */
public final class ServiceValidator {
    private static final Pattern NAME_SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    private ServiceValidator() {
    }

    public static List<ProviderDiagnostic> validate(MapValue config) {
        List<ProviderDiagnostic> out = new ArrayList<>();
        String name = Attrs.string(config, NAME);
        if (name != null && !NAME_SHAPE.matcher(name).matches()) {
            out.add(Diags.error("Service name \"" + name + "\" must be 1 to 255 letters, numbers, hyphens or "
                    + "underscores.", List.of(NAME)));
        }
        String cluster = Attrs.string(config, CLUSTER);
        if (cluster != null && EcsArn.clusterName(cluster).isEmpty()) {
            out.add(Diags.error("cluster \"" + cluster + "\" is neither a cluster ARN nor a cluster name.",
                    List.of(CLUSTER)));
        }
        String td = Attrs.string(config, TASK_DEFINITION);
        if (td != null && !TaskDefinitionRegistry.wellFormed(td)) {
            out.add(Diags.error("task_definition \"" + td + "\" is not a task definition ARN, family or "
                    + "family:revision.", List.of(TASK_DEFINITION)));
        }
        BigDecimal desired = Attrs.number(config, DESIRED_COUNT);
        if (desired != null && (desired.signum() < 0 || desired.stripTrailingZeros().scale() > 0)) {
            out.add(Diags.error("desired_count must be a whole number of at least 0, not " + desired.toPlainString()
                    + ".", List.of(DESIRED_COUNT)));
        } else if (desired != null && desired.compareTo(BigDecimal.valueOf(FargateQuota.MAX_TASKS_PER_SERVICE)) > 0) {
            out.add(Diags.error(FargateQuota.DESIRED_COUNT_EXCEEDS, "ECS runs at most "
                    + String.format("%,d", FargateQuota.MAX_TASKS_PER_SERVICE) + " tasks per service; desired_count is "
                    + desired.toPlainString() + ".", List.of(DESIRED_COUNT)));
        }
        String launchType = Attrs.string(config, LAUNCH_TYPE);
        if (launchType != null && !launchType.equals("FARGATE") && !launchType.equals("EC2")) {
            out.add(Diags.error("launch_type \"" + launchType + "\" is not FARGATE or EC2.", List.of(LAUNCH_TYPE)));
        }
        if ("FARGATE".equals(launchType)) {
            // ECS's words at CreateService, said at plan time instead of half-way through an apply.
            if (!Attrs.items(config, Ec2ServiceSchema.STRATEGY).isEmpty()) {
                out.add(Diags.error("Placement strategies are not supported with FARGATE launch type.",
                        List.of(Ec2ServiceSchema.STRATEGY)));
            }
            if (!Attrs.items(config, Ec2ServiceSchema.CONSTRAINTS).isEmpty()) {
                out.add(Diags.error("Placement constraints are not supported with FARGATE launch type.",
                        List.of(Ec2ServiceSchema.CONSTRAINTS)));
            }
        }
        Ec2ServiceValidator.validate(config, out);
        return out;
    }
}
