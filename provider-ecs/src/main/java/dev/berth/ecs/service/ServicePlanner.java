package dev.berth.ecs.service;

import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.schema.ServiceSchema;
import dev.berth.ecs.store.TaskDefinitionRow;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.provider.BlockSchema;
import dev.berth.engine.provider.ForceNew;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static dev.berth.ecs.schema.ServiceSchema.ARN;
import static dev.berth.ecs.schema.ServiceSchema.CLUSTER;
import static dev.berth.ecs.schema.ServiceSchema.DESIRED_COUNT;
import static dev.berth.ecs.schema.ServiceSchema.ENDPOINTS;
import static dev.berth.ecs.schema.ServiceSchema.ID;
import static dev.berth.ecs.schema.ServiceSchema.LAUNCH_TYPE;
import static dev.berth.ecs.schema.ServiceSchema.NAME;
import static dev.berth.ecs.schema.ServiceSchema.ORPHANED_CONTAINERS;
import static dev.berth.ecs.schema.ServiceSchema.RUNNING_COUNT;
import static dev.berth.ecs.schema.ServiceSchema.STOPPED_TASKS;
import static dev.berth.ecs.schema.ServiceSchema.TASKS;
import static dev.berth.ecs.schema.ServiceSchema.TASK_DEFINITION;

/**
 * Plans a service without touching Docker. In steady state (every prior task running the
 * configured revision as its definition says, as many as desired) the prior tasks carry over so
 * nothing shows as a change; otherwise each task that will be replaced is planned with the
 * containers its definition asks for (see {@link PlannedTasks}). Planned running_count is the
 * desired count and orphaned_containers is empty, so anything changed outside berth since the
 * last apply shows as an update that undoes it.
 */
public final class ServicePlanner {
    private static final BlockSchema SCHEMA = ServiceSchema.schema().body();

    private ServicePlanner() {
    }

    /** {@code replaced}: whether the schema's force-new marks make this plan a new service. */
    public record Planned(MapValue planned, boolean replaced) {
    }

    /** {@code resolve} maps a task definition reference to the revision it means now, if registered. */
    public static Planned plan(MapValue prior, MapValue config, Function<String, Optional<TaskDefinitionRow>> resolve) {
        Map<String, Value> m = new HashMap<>();
        Value arn = arnOf(config);
        m.put(ARN, arn);
        m.put(ID, arn);
        Value desired = config.get(DESIRED_COUNT).isNull() ? Value.of(1) : config.get(DESIRED_COUNT);
        m.put(DESIRED_COUNT, desired);
        m.put(RUNNING_COUNT, desired);
        m.put(ORPHANED_CONTAINERS, Value.list(List.of()));
        if (config.get(LAUNCH_TYPE).isNull()) m.put(LAUNCH_TYPE, Value.of("FARGATE"));
        // The cluster by name or by ARN is the same cluster: plan the prior spelling, so no change shows.
        if (prior != null && sameCluster(config, prior)) m.put(CLUSTER, prior.get(CLUSTER));
        boolean replaced = prior != null
                && !ForceNew.changedPaths(SCHEMA, prior, Attrs.with(config, m)).isEmpty();
        Optional<TaskDefinitionRow> target = target(config, resolve);
        BigDecimal want = Attrs.number(desired);
        boolean countKnown = !Attrs.isUnknown(desired) && want != null && want.signum() >= 0
                && want.stripTrailingZeros().scale() <= 0;
        PlannedTasks.Result tasks = target.isPresent() && countKnown
                ? PlannedTasks.plan(replaced ? null : prior, want.intValue(), target.get())
                : new PlannedTasks.Result(Value.unknown(), false);
        // Steady only when apply has nothing to do: a count another client changed may have a task
        // still starting (not among the tasks yet) that apply stops, and orphans are removed.
        boolean steady = prior != null && !replaced && tasks.unchanged() && runningAsDesired(prior, want)
                && sameDesired(prior, want) && Attrs.items(prior, ORPHANED_CONTAINERS).isEmpty();
        m.put(TASKS, steady ? prior.get(TASKS) : tasks.tasks());
        m.put(ENDPOINTS, steady ? prior.get(ENDPOINTS) : ServiceEndpoints.of(tasks.tasks()));
        // Which tasks stopped is only known once apply has replaced them.
        m.put(STOPPED_TASKS, steady ? prior.get(STOPPED_TASKS) : Value.unknown());
        return new Planned(Attrs.with(config, m), replaced);
    }

    private static Value arnOf(MapValue config) {
        String name = Attrs.string(config, NAME);
        Optional<String> cluster = EcsArn.clusterName(Attrs.string(config, CLUSTER));
        if (Attrs.unknown(config, NAME) || name == null || cluster.isEmpty()) return Value.unknown();
        return Value.of(EcsArn.service(cluster.get(), name));
    }

    /** A cluster written as a name and then as its ARN is the same cluster: no replacement. */
    private static boolean sameCluster(MapValue config, MapValue prior) {
        if (Attrs.unknown(config, CLUSTER)) return false;
        Optional<String> now = EcsArn.clusterName(Attrs.string(config, CLUSTER));
        Optional<String> before = EcsArn.clusterName(Attrs.string(prior, CLUSTER));
        return now.isPresent() && now.equals(before);
    }

    private static Optional<TaskDefinitionRow> target(MapValue config, Function<String, Optional<TaskDefinitionRow>> resolve) {
        if (Attrs.unknown(config, TASK_DEFINITION)) return Optional.empty();
        String ref = Attrs.string(config, TASK_DEFINITION);
        return ref == null ? Optional.empty() : resolve.apply(ref);
    }

    private static boolean sameDesired(MapValue prior, BigDecimal want) {
        BigDecimal before = Attrs.number(prior, DESIRED_COUNT);
        return want != null && before != null && want.compareTo(before) == 0;
    }

    private static boolean runningAsDesired(MapValue prior, BigDecimal want) {
        BigDecimal running = Attrs.number(prior, RUNNING_COUNT);
        return want != null && running != null && want.compareTo(running) == 0;
    }
}
