package dev.berth.ecs.control;

import dev.berth.ecs.api.ClusterCalls;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.Shapes.Failure;
import dev.berth.ecs.api.Shapes.KeyValuePair;
import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.store.ClusterRow;
import dev.berth.ecs.resource.EcsLabels;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.RuntimeFailure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * CreateCluster, DescribeClusters, ListClusters and DeleteCluster. A cluster is a row plus the
 * Docker network {@code berth-NAME} its bridge tasks join on the local engine; the network is
 * made by CreateCluster (again for an existing cluster, which heals one removed by hand) and
 * removed by DeleteCluster.
 */
final class ClusterActions implements ClusterCalls {
    static final String DEFAULT = "default";
    private static final Pattern NAME_SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    private static final List<String> INSIGHTS = List.of("enabled", "disabled", "enhanced");

    private final World world;
    /** Every engine in use: a cluster's network is removed from each of them. */
    private final Supplier<ContainerRuntime> fleet;
    private final ClusterFacts facts;

    ClusterActions(World world, Supplier<ContainerRuntime> fleet) {
        this.world = world;
        this.fleet = fleet;
        this.facts = new ClusterFacts(world, fleet);
    }

    @Override
    public CreateClusterResponse createCluster(CreateClusterRequest request) {
        String name = request.clusterName() == null || request.clusterName().isEmpty() ? DEFAULT : request.clusterName();
        if (!NAME_SHAPE.matcher(name).matches()) {
            throw EcsException.invalidParameter("Cluster name can have up to 255 characters: letters (uppercase and "
                    + "lowercase), numbers, hyphens and underscores.");
        }
        Map<String, String> tags = Tags.checked(request.tags());
        Tags.checkCount(tags);
        List<KeyValuePair> settings = settings(request.settings());
        String arn = EcsArn.cluster(name);
        Optional<ClusterRow> existing = world.clusters.get(arn);
        provision(name, arn);
        if (existing.isPresent()) {
            // ECS answers a create of an existing ACTIVE cluster with that cluster, unchanged.
            return new CreateClusterResponse(facts.describe(existing.get(), List.of("TAGS", "SETTINGS")));
        }
        world.tokens.record(arn, ClusterFacts.TOKEN_KIND, request.clientToken());
        ClusterRow row = new ClusterRow(arn, name, ClusterRow.networkFor(name), tags, ClusterFacts.ACTIVE);
        world.clusterSettings.put(arn, new ClusterSettingsRow(settings));
        world.clusters.put(arn, row);
        world.inactive.forgetCluster(arn);
        return new CreateClusterResponse(facts.describe(row, List.of("TAGS", "SETTINGS")));
    }

    private void provision(String name, String arn) {
        try {
            fleet.get().ensureNetwork(ClusterRow.networkFor(name), Map.of(EcsLabels.CLUSTER, arn));
        } catch (RuntimeFailure f) {
            throw new EcsException(EcsException.SERVER, "Cannot create the network of cluster \"" + name + "\": "
                    + f.getMessage());
        }
    }

    private static List<KeyValuePair> settings(List<KeyValuePair> given) {
        List<KeyValuePair> out = new ArrayList<>();
        String insights = "disabled";
        if (given != null) {
            for (KeyValuePair s : given) {
                if (s == null || !"containerInsights".equals(s.name())) {
                    throw EcsException.invalidParameter("Unsupported cluster setting name "
                            + (s == null ? "null" : "'" + s.name() + "'") + "; the only setting is containerInsights.");
                }
                if (!INSIGHTS.contains(s.value())) {
                    throw EcsException.invalidParameter("containerInsights must be one of enabled, disabled, enhanced.");
                }
                insights = s.value();
            }
        }
        out.add(new KeyValuePair("containerInsights", insights));
        return out;
    }

    @Override
    public DescribeClustersResponse describeClusters(DescribeClustersRequest request) {
        List<String> names = request.clusters() == null || request.clusters().isEmpty() ? List.of(DEFAULT)
                : request.clusters();
        List<String> include = request.include() == null ? List.of() : request.include();
        List<Cluster> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String ref : names) {
            Optional<String> name = EcsArn.clusterName(ref);
            String arn = name.map(EcsArn::cluster).orElse(ref);
            Optional<ClusterRow> row = name.flatMap(n -> world.clusters.get(arn)
                    .or(() -> world.inactive.cluster(arn).map(InactiveRecords.InactiveCluster::cluster)));
            if (row.isEmpty()) {
                failures.add(new Failure(arn, "MISSING"));
            } else {
                found.add(facts.describe(row.get(), include));
            }
        }
        return new DescribeClustersResponse(found, failures);
    }

    @Override
    public ListClustersResponse listClusters(ListClustersRequest request) {
        List<String> arns = new ArrayList<>(world.clusters.entries().keySet());
        Paging.Page<String> page = Paging.page(arns, request.nextToken(), request.maxResults(), 100);
        return new ListClustersResponse(page.items(), page.nextToken());
    }

    @Override
    public DeleteClusterResponse deleteCluster(DeleteClusterRequest request) {
        ClusterRow row = facts.active(request.cluster());
        ClusterFacts.Counts counts = facts.counts(row.arn());
        if (counts.activeServices() > 0) {
            throw new EcsException(EcsException.CLUSTER_CONTAINS_SERVICES,
                    "The Cluster cannot be deleted while Services are active.");
        }
        if (counts.registeredInstances() > 0) {
            throw new EcsException(EcsException.CLUSTER_CONTAINS_INSTANCES,
                    "The Cluster cannot be deleted while Container Instances are active or draining.");
        }
        if (counts.running() + counts.pending() > 0) {
            throw new EcsException(EcsException.CLUSTER_CONTAINS_TASKS,
                    "The Cluster cannot be deleted while Tasks are active.");
        }
        try {
            fleet.get().removeNetwork(row.network());
        } catch (RuntimeFailure f) {
            throw EcsException.client("Cannot delete cluster \"" + row.name() + "\": " + f.getMessage());
        }
        ClusterRow inactive = new ClusterRow(row.arn(), row.name(), row.network(), row.tags(), ClusterFacts.INACTIVE);
        // Its settings go with it, kept only inside its INACTIVE record.
        world.inactive.clusterDeleted(inactive, world.clusterSettings.get(row.arn())
                .map(ClusterSettingsRow::settings).orElse(List.of()));
        world.clusters.delete(row.arn());
        world.clusterSettings.delete(row.arn());
        world.tokens.forget(row.arn());
        dev.berth.ecs.store.ServiceKeeping.forgetCluster(world.store, row.arn());
        return new DeleteClusterResponse(facts.describe(inactive, List.of("TAGS", "SETTINGS")));
    }
}
