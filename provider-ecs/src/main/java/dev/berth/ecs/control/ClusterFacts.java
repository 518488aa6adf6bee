package dev.berth.ecs.control;

import dev.berth.ecs.api.ClusterCalls.Cluster;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.Shapes.KeyValuePair;
import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.store.ClusterRow;
import dev.berth.ecs.store.PlacementRow;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.store.ServiceRow;
import dev.berth.ecs.store.TaskRow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** What DescribeClusters says of a cluster: its counts, statistics, settings and tags. */
final class ClusterFacts {
    static final String ACTIVE = "ACTIVE", INACTIVE = "INACTIVE", FAILED = "FAILED";
    /** The kind client tokens of clusters are recorded under (the HCL type, which finds them after a crash). */
    static final String TOKEN_KIND = "ecs_cluster";

    /** Tasks and services of one cluster, counted as ECS counts them. */
    record Counts(int registeredInstances, int running, int pending, int runningEc2, int pendingEc2,
                  int activeServices, int activeEc2Services) {
    }

    private final World world;
    private final Supplier<ContainerRuntime> local;

    ClusterFacts(World world, Supplier<ContainerRuntime> local) {
        this.world = world;
        this.local = local;
    }

    /** The ACTIVE cluster a request names (default "default"), or ECS's ClusterNotFoundException. */
    ClusterRow active(String ref) {
        String name = ref == null || ref.isEmpty() ? ClusterActions.DEFAULT : EcsArn.clusterName(ref).orElse(null);
        if (name == null) throw EcsException.clusterNotFound();
        return world.clusters.get(EcsArn.cluster(name)).orElseThrow(EcsException::clusterNotFound);
    }

    Counts counts(String clusterArn) {
        int instances = (int) world.instances.all().stream().filter(i -> i.clusterArn().equals(clusterArn)).count();
        Set<String> ec2 = world.placements.all().stream().filter(p -> p.instanceArn() != null)
                .map(PlacementRow::taskArn).collect(Collectors.toSet());
        int running = 0, pending = 0, runningEc2 = 0, pendingEc2 = 0;
        for (TaskRow t : new dev.berth.ecs.store.TaskTable(world.store).index().live(clusterArn)) {
            boolean onInstance = ec2.contains(t.taskArn());
            if (t.running()) {
                running++;
                if (onInstance) runningEc2++;
            } else if (TaskRow.PENDING.equals(t.status()) || TaskRow.PROVISIONING.equals(t.status())) {
                pending++;
                if (onInstance) pendingEc2++;
            }
        }
        int services = 0, ec2Services = 0;
        for (ServiceRow s : world.services.all()) {
            if (!clusterArn.equals(s.clusterArn()) || "INACTIVE".equals(s.status())) continue;
            services++;
            if ("EC2".equals(s.launchType())) ec2Services++;
        }
        return new Counts(instances, running, pending, runningEc2, pendingEc2, services, ec2Services);
    }

    Cluster describe(ClusterRow row, List<String> include) {
        String status = row.status() == null ? ACTIVE : row.status();
        if (ACTIVE.equals(status) && !networkPresent(row)) status = FAILED;
        Counts c = INACTIVE.equals(status) ? new Counts(0, 0, 0, 0, 0, 0, 0) : counts(row.arn());
        List<KeyValuePair> statistics = include.contains("STATISTICS") ? List.of(
                stat("runningEC2TasksCount", c.runningEc2()),
                stat("runningFargateTasksCount", c.running() - c.runningEc2()),
                stat("pendingEC2TasksCount", c.pendingEc2()),
                stat("pendingFargateTasksCount", c.pending() - c.pendingEc2()),
                stat("activeEC2ServiceCount", c.activeEc2Services()),
                stat("activeFargateServiceCount", c.activeServices() - c.activeEc2Services()),
                stat("drainingEC2ServiceCount", 0),
                stat("drainingFargateServiceCount", 0)) : List.of();
        List<KeyValuePair> settings = include.contains("SETTINGS") ? world.clusterSettings.get(row.arn())
                .map(ClusterSettingsRow::settings)
                .or(() -> world.inactive.cluster(row.arn()).map(InactiveRecords.InactiveCluster::settings)).orElse(List.of(new KeyValuePair("containerInsights", "disabled")))
                : null;
        Map<String, String> tags = row.tags();
        return new Cluster(row.arn(), row.name(), status, c.registeredInstances(), c.running(), c.pending(),
                c.activeServices(), statistics, include.contains("TAGS") ? Tags.list(tags) : null, settings);
    }

    /**
     * A cluster whose network was removed behind berth's back cannot run bridge tasks: it is
     * described FAILED (ECS's status for a cluster whose resources failed) until a CreateCluster
     * provisions it again. An engine that does not answer says nothing either way.
     */
    private boolean networkPresent(ClusterRow row) {
        try {
            return local.get().networkExists(row.network());
        } catch (RuntimeFailure f) {
            return true;
        }
    }

    private static KeyValuePair stat(String name, int value) {
        return new KeyValuePair(name, String.valueOf(value));
    }

    Optional<ClusterRow> find(String ref) {
        return EcsArn.clusterName(ref).flatMap(n -> world.clusters.get(EcsArn.cluster(n)));
    }
}
