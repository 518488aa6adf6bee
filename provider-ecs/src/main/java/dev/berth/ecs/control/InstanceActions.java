package dev.berth.ecs.control;

import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.InstanceCalls;
import dev.berth.ecs.api.Shapes.Failure;
import dev.berth.ecs.store.ClusterRow;
import dev.berth.ecs.instance.Drainer;
import dev.berth.ecs.store.InstanceRow;
import dev.berth.ecs.placement.ClusterView;
import dev.berth.ecs.scheduler.query.Expr;
import dev.berth.ecs.scheduler.query.QueryException;
import dev.berth.ecs.scheduler.query.QueryParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ListContainerInstances, DescribeContainerInstances, UpdateContainerInstancesState, and (in
 * {@link InstanceRegistration}) Register- and DeregisterContainerInstance. Draining goes through
 * the services' {@link Drainer}, which moves each service's tasks off within its deployment bounds.
 */
final class InstanceActions implements InstanceCalls {
    private static final List<String> LISTABLE = List.of("ACTIVE", "DRAINING", "REGISTERING", "DEREGISTERING",
            "REGISTRATION_FAILED");

    private final World world;
    private final ClusterFacts clusters;
    private final ClusterView view;
    private final Heartbeats heartbeats;
    private final Drainer drainer;
    private final InstanceRegistration registration;

    InstanceActions(World world, ClusterFacts clusters, Heartbeats heartbeats, Drainer drainer,
                    InstanceRegistration registration) {
        this.world = world;
        this.clusters = clusters;
        this.view = new ClusterView(world.store);
        this.heartbeats = heartbeats;
        this.drainer = drainer;
        this.registration = registration;
    }

    @Override
    public RegisterContainerInstanceResponse registerContainerInstance(RegisterContainerInstanceRequest request) {
        InstanceRow row = registration.register(request);
        return new RegisterContainerInstanceResponse(shapes(row.clusterArn()).describe(row, row.connected(), true));
    }

    @Override
    public DeregisterContainerInstanceResponse deregisterContainerInstance(DeregisterContainerInstanceRequest request) {
        ClusterRow cluster = clusters.active(request.cluster());
        InstanceRow row = activeInstance(cluster, request.containerInstance()).orElseThrow(() ->
                EcsException.invalidParameter("The referenced container instance " + request.containerInstance()
                        + " was not found in cluster " + cluster.name() + "."));
        InstanceRow gone = registration.deregister(row, Boolean.TRUE.equals(request.force()), shapes(cluster.arn()));
        return new DeregisterContainerInstanceResponse(shapes(cluster.arn()).describe(gone, false, true));
    }

    @Override
    public ListContainerInstancesResponse listContainerInstances(ListContainerInstancesRequest request) {
        ClusterRow cluster = clusters.active(request.cluster());
        if (request.status() != null && !LISTABLE.contains(request.status())) {
            throw EcsException.invalidParameter("status must be one of " + String.join(", ", LISTABLE) + ".");
        }
        Expr filter = null;
        if (request.filter() != null && !request.filter().isBlank()) {
            try {
                filter = QueryParser.parse(request.filter());
            } catch (QueryException e) {
                throw EcsException.invalidParameter("Invalid filter: " + e.getMessage() + ".");
            }
        }
        InstanceShapes shapes = shapes(cluster.arn());
        List<String> arns = new ArrayList<>();
        for (InstanceRow i : world.instances.all()) {
            if (!i.clusterArn().equals(cluster.arn())) continue;
            if (request.status() != null && !request.status().equals(i.status())) continue;
            if (filter != null && !filter.test(shapes.facts(i))) continue;
            arns.add(i.arn());
        }
        Paging.Page<String> page = Paging.page(arns, request.nextToken(), request.maxResults(), 100);
        return new ListContainerInstancesResponse(page.items(), page.nextToken());
    }

    @Override
    public DescribeContainerInstancesResponse describeContainerInstances(DescribeContainerInstancesRequest request) {
        ClusterRow cluster = clusters.active(request.cluster());
        if (request.containerInstances() == null || request.containerInstances().isEmpty()) {
            throw EcsException.invalidParameter("containerInstances can not be empty.");
        }
        boolean withTags = request.include() != null && request.include().contains("TAGS");
        InstanceShapes shapes = shapes(cluster.arn());
        List<ContainerInstance> out = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String ref : request.containerInstances()) {
            Optional<InstanceRow> active = activeInstance(cluster, ref);
            if (active.isPresent()) {
                InstanceRow now = heartbeats.refresh(active.get());
                out.add(shapes.describe(now, now.connected(), withTags));
                continue;
            }
            Optional<InstanceRow> inactive = find(world.inactive.instances(), cluster, ref);
            if (inactive.isPresent()) out.add(shapes.describe(inactive.get(), false, withTags));
            else failures.add(new Failure(InstanceRegistration.arnOf(cluster, ref), "MISSING"));
        }
        return new DescribeContainerInstancesResponse(out, failures);
    }

    @Override
    public UpdateContainerInstancesStateResponse updateContainerInstancesState(
            UpdateContainerInstancesStateRequest request) {
        ClusterRow cluster = clusters.active(request.cluster());
        String status = request.status();
        if (!InstanceRow.ACTIVE.equals(status) && !InstanceRow.DRAINING.equals(status)) {
            throw EcsException.invalidParameter("Container instance status must be ACTIVE or DRAINING.");
        }
        List<InstanceRow> changed = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String ref : request.containerInstances() == null ? List.<String>of() : request.containerInstances()) {
            Optional<InstanceRow> row = activeInstance(cluster, ref);
            if (row.isEmpty()) {
                failures.add(new Failure(InstanceRegistration.arnOf(cluster, ref), "MISSING"));
                continue;
            }
            InstanceRow now = registration.withStatus(row.get(), status);
            world.instances.put(now.arn(), now);
            if (now.draining() && !row.get().draining()) changed.add(now);
        }
        // Every instance is DRAINING before any moves its tasks, so none moves onto another being drained.
        for (InstanceRow r : changed) drainer.drain(r);
        InstanceShapes shapes = shapes(cluster.arn());
        List<ContainerInstance> out = new ArrayList<>();
        for (String ref : request.containerInstances() == null ? List.<String>of() : request.containerInstances()) {
            activeInstance(cluster, ref).ifPresent(r -> out.add(shapes.describe(r, r.connected(), false)));
        }
        return new UpdateContainerInstancesStateResponse(out, failures);
    }

    private InstanceShapes shapes(String clusterArn) {
        return new InstanceShapes(world, view, clusterArn);
    }

    private Optional<InstanceRow> activeInstance(ClusterRow cluster, String ref) {
        return find(world.instances.all(), cluster, ref);
    }

    /** An instance of the cluster named by ARN or by id. */
    static Optional<InstanceRow> find(List<InstanceRow> rows, ClusterRow cluster, String ref) {
        if (ref == null) return Optional.empty();
        return rows.stream().filter(r -> r.clusterArn().equals(cluster.arn()))
                .filter(r -> r.arn().equals(ref) || r.id().equals(ref)).findFirst();
    }
}
