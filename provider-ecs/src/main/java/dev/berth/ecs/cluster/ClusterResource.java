package dev.berth.ecs.cluster;

import dev.berth.ecs.store.ClusterRow;
import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.resource.EcsLabels;
import dev.berth.ecs.resource.EcsResource;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.schema.ClusterSchema;
import dev.berth.ecs.store.ClientTokens;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.provider.ProviderRequests.ApplyResponse;
import dev.berth.engine.provider.ProviderRequests.ImportResponse;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.provider.ProviderRequests.ReadResponse;
import dev.berth.ecs.store.EcsStore;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static dev.berth.ecs.schema.ClusterSchema.ARN;
import static dev.berth.ecs.schema.ClusterSchema.ID;
import static dev.berth.ecs.schema.ClusterSchema.NAME;
import static dev.berth.ecs.schema.ClusterSchema.TAGS;

/** {@code ecs_cluster}: a store row plus the Docker network named {@code berth-NAME}. */
public final class ClusterResource implements EcsResource {
    private static final Pattern NAME_SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    private final Table<ClusterRow> clusters;
    private final Supplier<ContainerRuntime> runtime;
    private final Function<String, List<String>> servicesIn;
    private final ClientTokens tokens;

    /** {@code servicesIn} names the services a cluster ARN still has, which block its deletion. */
    public ClusterResource(EcsStore store, Supplier<ContainerRuntime> runtime,
                           Function<String, List<String>> servicesIn) {
        this.clusters = new Table<>(store, ClusterRow.TABLE, ClusterRow.class);
        this.runtime = runtime;
        this.servicesIn = servicesIn;
        this.tokens = new ClientTokens(store);
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
        return new PlanResponse(planned, validate(config));
    }

    @Override
    public ApplyResponse apply(MapValue prior, MapValue planned, MapValue config, String clientToken) {
        try {
            if (planned == null) return delete(prior);
            String name = Attrs.string(planned, NAME);
            String arn = EcsArn.cluster(name);
            if (prior == null) tokens.record(arn, ClusterSchema.TYPE, clientToken);
            ClusterRow row = new ClusterRow(arn, name, ClusterRow.networkFor(name), tags(planned), "ACTIVE");
            // Create and update both converge: the network is idempotent and the row is rewritten.
            runtime.get().ensureNetwork(row.network(), Map.of(EcsLabels.CLUSTER, arn));
            clusters.put(arn, row);
            return new ApplyResponse(Attrs.with(planned, Map.of(ARN, Value.of(arn), ID, Value.of(arn))), List.of());
        } catch (RuntimeFailure f) {
            return new ApplyResponse(prior, List.of(ProviderDiagnostic.error(f.getMessage(), null)));
        }
    }

    private ApplyResponse delete(MapValue prior) {
        String arn = Attrs.string(prior, ARN);
        String name = Attrs.string(prior, NAME);
        List<String> left = servicesIn.apply(arn);
        if (!left.isEmpty()) {
            // Services no state names (another configuration's, or made by hand) are not ours to
            // delete: say which they are and how to bring one under this configuration.
            return new ApplyResponse(prior, List.of(ProviderDiagnostic.error("Cluster \"" + name
                    + "\" still has services: " + String.join(", ", left) + ". Delete them before the cluster; one"
                    + " this configuration does not manage can be imported (berth import ecs_service.NAME " + name + "/"
                    + left.get(0) + ") so that destroy removes it.", null)));
        }
        try {
            runtime.get().removeNetwork(ClusterRow.networkFor(name));
        } catch (RuntimeFailure f) {
            return new ApplyResponse(prior, List.of(ProviderDiagnostic.error("Cannot delete cluster \"" + name
                    + "\": " + f.getMessage(), null)));
        }
        clusters.delete(arn);
        tokens.forget(arn);
        return new ApplyResponse(null, List.of());
    }

    @Override
    public ReadResponse read(MapValue current) {
        String arn = Attrs.string(current, ARN);
        Optional<ClusterRow> row = clusters.get(arn);
        if (row.isEmpty()) return new ReadResponse(null, List.of());
        try {
            // Without its network the cluster cannot run tasks: report it gone so it is recreated.
            if (!runtime.get().networkExists(row.get().network())) return new ReadResponse(null, List.of());
        } catch (RuntimeFailure f) {
            return new ReadResponse(current, List.of(ProviderDiagnostic.error(f.getMessage(), null)));
        }
        MapValue state = stateOf(row.get());
        // An explicit empty tag map and no tags at all are the same cluster: keep the user's form.
        if (row.get().tags().isEmpty() && !Attrs.raw(current, TAGS).isNull()) state = state.with(TAGS, current.get(TAGS));
        return new ReadResponse(state, List.of());
    }

    @Override
    public ImportResponse importState(String id) {
        Optional<String> name = EcsArn.clusterName(id);
        if (name.isEmpty()) {
            return new ImportResponse(null, List.of(ProviderDiagnostic.error(
                    "\"" + id + "\" is neither a cluster name nor a cluster ARN.", null)));
        }
        String arn = EcsArn.cluster(name.get());
        Optional<ClusterRow> row = clusters.get(arn);
        if (row.isPresent()) return new ImportResponse(stateOf(row.get()), List.of());
        try {
            // A network made by an earlier berth (or by hand) can be adopted: record it.
            String network = ClusterRow.networkFor(name.get());
            if (runtime.get().networkExists(network)) {
                ClusterRow adopted = new ClusterRow(arn, name.get(), network, Map.of(), "ACTIVE");
                clusters.put(arn, adopted);
                return new ImportResponse(stateOf(adopted), List.of());
            }
        } catch (RuntimeFailure f) {
            return new ImportResponse(null, List.of(ProviderDiagnostic.error(f.getMessage(), null)));
        }
        return new ImportResponse(null, List.of(ProviderDiagnostic.error(
                "Cluster \"" + name.get() + "\" does not exist.", null)));
    }

    private static Map<String, String> tags(MapValue state) {
        Map<String, String> tags = Attrs.stringMap(Attrs.raw(state, TAGS));
        return tags == null ? Map.of() : tags;
    }

    /** Tags come back null when none are set, so a config without tags plans no change. */
    static MapValue stateOf(ClusterRow row) {
        Value tags = row.tags().isEmpty() ? Value.nil() : Attrs.ofStringMap(row.tags());
        return new MapValue(Map.of(NAME, Value.of(row.name()), TAGS, tags, ARN, Value.of(row.arn()),
                ID, Value.of(row.arn())));
    }
}
