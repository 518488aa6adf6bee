package dev.berth.ecs.cluster;

import dev.berth.ecs.api.ClusterCalls.Cluster;
import dev.berth.ecs.api.ClusterCalls.CreateClusterRequest;
import dev.berth.ecs.api.ClusterCalls.DeleteClusterRequest;
import dev.berth.ecs.api.ClusterCalls.DescribeClustersRequest;
import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.ServiceCalls.ListServicesRequest;
import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.resource.Diags;
import dev.berth.ecs.resource.ResourceTags;
import dev.berth.ecs.resource.EcsResource;
import dev.berth.ecs.schema.ClusterSchema;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.provider.ProviderRequests.ApplyResponse;
import dev.berth.engine.provider.ProviderRequests.ImportResponse;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.provider.ProviderRequests.ReadResponse;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static dev.berth.ecs.schema.ClusterSchema.ARN;
import static dev.berth.ecs.schema.ClusterSchema.ID;
import static dev.berth.ecs.schema.ClusterSchema.NAME;
import static dev.berth.ecs.schema.ClusterSchema.TAGS;

/**
 * {@code ecs_cluster}: a client of the control plane, as terraform-provider-aws's aws_ecs_cluster
 * is of ECS. Create and update call CreateCluster (which returns an existing cluster unchanged and
 * provisions its network again) and then bring the tags to the configuration with TagResource and
 * UntagResource; refresh reads DescribeClusters, so a change made by another client is drift.
 */
public final class ClusterResource implements EcsResource {
    private static final Pattern NAME_SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    private final EcsApi api;

    public ClusterResource(EcsApi api) {
        this.api = api;
    }

    @Override
    public ResourceSchema schema() {
        return ClusterSchema.schema();
    }

    @Override
    public List<ProviderDiagnostic> validate(MapValue config) {
        List<ProviderDiagnostic> out = new ArrayList<>();
        String name = Attrs.string(config, NAME);
        if (name != null && !NAME_SHAPE.matcher(name).matches()) {
            out.add(ProviderDiagnostic.error("Cluster name \"" + name
                    + "\" must be 1 to 255 letters, numbers, hyphens or underscores.", null, NAME));
        }
        return out;
    }

    @Override
    public PlanResponse plan(MapValue prior, MapValue config) {
        String name = Attrs.string(config, NAME);
        Value arn = Attrs.unknown(config, NAME) ? Value.unknown() : Value.of(EcsArn.cluster(name));
        MapValue planned = Attrs.with(config, Map.of(ARN, arn, ID, arn));
        return new PlanResponse(planned, validate(config)).asFromRequestAlone();
    }

    @Override
    public ApplyResponse apply(MapValue prior, MapValue planned, MapValue config, String clientToken) {
        if (planned == null) return delete(prior);
        String name = Attrs.string(planned, NAME);
        Map<String, String> tags = tags(planned);
        try {
            Cluster c = api.createCluster(new CreateClusterRequest(name, ResourceTags.list(tags), null,
                    prior == null ? clientToken : null)).cluster();
            // An existing cluster comes back unchanged: its tags are brought to the configuration.
            new ResourceTags(api).converge(c.clusterArn(), ResourceTags.map(c.tags()), tags);
            return new ApplyResponse(Attrs.with(planned, Map.of(ARN, Value.of(c.clusterArn()),
                    ID, Value.of(c.clusterArn()))), List.of());
        } catch (EcsException e) {
            return new ApplyResponse(prior, List.of(Diags.of(e, "CreateCluster")));
        }
    }

    private ApplyResponse delete(MapValue prior) {
        String arn = Attrs.string(prior, ARN);
        String name = Attrs.string(prior, NAME);
        try {
            api.deleteCluster(new DeleteClusterRequest(arn));
            return new ApplyResponse(null, List.of());
        } catch (EcsException e) {
            if (e.errorName().equals(EcsException.CLUSTER_NOT_FOUND)) return new ApplyResponse(null, List.of());
            if (!e.errorName().equals(EcsException.CLUSTER_CONTAINS_SERVICES)) {
                return new ApplyResponse(prior, List.of(Diags.of(e, "DeleteCluster")));
            }
            // Services no state names (another configuration's, or made by hand) are not ours to
            // delete: say which they are and how to bring one under this configuration.
            List<String> left = serviceNames(api, arn);
            String example = left.isEmpty() ? "SERVICE" : left.get(0);
            return new ApplyResponse(prior, List.of(ProviderDiagnostic.error("Cluster \"" + name
                    + "\" still has services" + (left.isEmpty() ? "" : ": " + String.join(", ", left))
                    + ". Delete them before the cluster; one this configuration does not manage can be imported "
                    + "(berth import ecs_service.NAME " + name + "/" + example + ") so that destroy removes it.",
                    e.errorName() + " from DeleteCluster: " + e.getMessage())));
        }
    }

    @Override
    public ReadResponse read(MapValue current) {
        try {
            Optional<Cluster> c = describe(Attrs.string(current, ARN));
            // A cluster deleted, or FAILED (its network removed), is gone: the next plan creates it.
            if (c.isEmpty() || !"ACTIVE".equals(c.get().status())) return new ReadResponse(null, List.of());
            MapValue state = stateOf(c.get());
            // An explicit empty tag map and no tags at all are the same cluster: keep the user's form.
            if (Attrs.raw(state, TAGS).isNull() && !Attrs.raw(current, TAGS).isNull()) {
                state = state.with(TAGS, current.get(TAGS));
            }
            return new ReadResponse(state, List.of());
        } catch (EcsException e) {
            return new ReadResponse(current, List.of(Diags.of(e, "DescribeClusters")));
        }
    }

    private Optional<Cluster> describe(String ref) {
        return api.describeClusters(new DescribeClustersRequest(List.of(ref), List.of("TAGS"))).clusters().stream()
                .findFirst();
    }

    @Override
    public ImportResponse importState(String id) {
        Optional<String> name = EcsArn.clusterName(id);
        if (name.isEmpty()) {
            return new ImportResponse(null, List.of(ProviderDiagnostic.error(
                    "\"" + id + "\" is neither a cluster name nor a cluster ARN.", null)));
        }
        try {
            Optional<Cluster> c = describe(EcsArn.cluster(name.get())).filter(x -> !"INACTIVE".equals(x.status()));
            if (c.isPresent()) return new ImportResponse(stateOf(c.get()), List.of());
        } catch (EcsException e) {
            return new ImportResponse(null, List.of(Diags.of(e, "DescribeClusters")));
        }
        return new ImportResponse(null, List.of(ProviderDiagnostic.error(
                "Cluster \"" + name.get() + "\" does not exist.", null)));
    }

    private static Map<String, String> tags(MapValue state) {
        Map<String, String> tags = Attrs.stringMap(Attrs.raw(state, TAGS));
        return tags == null ? Map.of() : tags;
    }

    /** Tags come back null when none are set, so a config without tags plans no change. */
    static MapValue stateOf(Cluster c) {
        Map<String, String> tags = ResourceTags.map(c.tags());
        Value tagValue = tags.isEmpty() ? Value.nil() : Attrs.ofStringMap(tags);
        return new MapValue(Map.of(NAME, Value.of(c.clusterName()), TAGS, tagValue, ARN, Value.of(c.clusterArn()),
                ID, Value.of(c.clusterArn())));
    }

    /** The names of a cluster's services, or none when the control plane cannot list them. */
    static List<String> serviceNames(EcsApi api, String clusterArn) {
        try {
            List<String> out = new ArrayList<>();
            for (String arn : api.listServices(new ListServicesRequest(clusterArn, null, null, null, null)).serviceArns()) {
                out.add(arn.substring(arn.lastIndexOf('/') + 1));
            }
            out.sort(null);
            return out;
        } catch (EcsException e) {
            return List.of();
        }
    }
}
