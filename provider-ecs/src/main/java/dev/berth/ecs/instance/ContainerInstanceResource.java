package dev.berth.ecs.instance;

import dev.berth.ecs.store.InstanceRow;
import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.store.ClusterRow;
import dev.berth.ecs.placement.ClusterView;
import dev.berth.ecs.resource.EcsResource;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.EngineCapacity;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.scheduler.model.ContainerInstance;
import dev.berth.ecs.schema.ContainerInstanceSchema;
import dev.berth.ecs.store.ClientTokens;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.provider.ForceNew;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.provider.ProviderRequests.ApplyResponse;
import dev.berth.engine.provider.ProviderRequests.ImportResponse;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.provider.ProviderRequests.ReadResponse;
import dev.berth.ecs.store.EcsStore;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import static dev.berth.ecs.schema.ContainerInstanceSchema.AGENT_CONNECTED;
import static dev.berth.ecs.schema.ContainerInstanceSchema.ARN;
import static dev.berth.ecs.schema.ContainerInstanceSchema.ATTRIBUTES;
import static dev.berth.ecs.schema.ContainerInstanceSchema.CLUSTER;
import static dev.berth.ecs.schema.ContainerInstanceSchema.CPU;
import static dev.berth.ecs.schema.ContainerInstanceSchema.DOCKER_HOST;
import static dev.berth.ecs.schema.ContainerInstanceSchema.ID;
import static dev.berth.ecs.schema.ContainerInstanceSchema.LIVE;
import static dev.berth.ecs.schema.ContainerInstanceSchema.MEMORY;
import static dev.berth.ecs.schema.ContainerInstanceSchema.REMAINING_CPU;
import static dev.berth.ecs.schema.ContainerInstanceSchema.REMAINING_MEMORY;
import static dev.berth.ecs.schema.ContainerInstanceSchema.RUNNING_TASKS_COUNT;
import static dev.berth.ecs.schema.ContainerInstanceSchema.STATUS;

/**
 * {@code ecs_container_instance}: registers a Docker engine into a cluster. Registration checks
 * that the engine answers and reads its capacity when cpu or memory are not given; turning an
 * instance DRAINING makes the services move their tasks off it, as ECS does.
 */
public final class ContainerInstanceResource implements EcsResource {
    private final Table<InstanceRow> instances;
    private final Table<ClusterRow> clusters;
    private final ClusterView view;
    private final Function<String, ContainerRuntime> runtimes;
    private final Drainer drainer;
    private final ClientTokens tokens;

    /** {@code runtimes} maps a docker_host (null: the local engine) to a runtime. */
    public ContainerInstanceResource(EcsStore store, Function<String, ContainerRuntime> runtimes, Drainer drainer) {
        this.instances = new Table<>(store, InstanceRow.TABLE, InstanceRow.class);
        this.clusters = new Table<>(store, ClusterRow.TABLE, ClusterRow.class);
        this.view = new ClusterView(store);
        this.runtimes = runtimes;
        this.drainer = drainer;
        this.tokens = new ClientTokens(store);
    }

    @Override
    public ResourceSchema schema() {
        return ContainerInstanceSchema.schema();
    }

    @Override
    public List<ProviderDiagnostic> validate(MapValue config) {
        return InstanceValidator.validate(config);
    }

    @Override
    public PlanResponse plan(MapValue prior, MapValue config) {
        Map<String, Value> m = new HashMap<>();
        // The cluster by name or by ARN is the same cluster: plan the prior spelling, so no change shows.
        if (prior != null && sameCluster(config, prior)) m.put(CLUSTER, prior.get(CLUSTER));
        boolean keep = prior != null && ForceNew.changedPaths(schema().body(), prior, Attrs.with(config, m)).isEmpty();
        m.put(ARN, keep ? prior.get(ARN) : Value.unknown());
        m.put(ID, keep ? prior.get(ID) : Value.unknown());
        for (String attr : List.of(CPU, MEMORY)) {
            if (config.get(attr).isNull()) m.put(attr, keep ? prior.get(attr) : Value.unknown());
        }
        for (String attr : LIVE) m.put(attr, keep ? prior.get(attr) : Value.unknown());
        m.put(ATTRIBUTES, withOsType(config.get(ATTRIBUTES)));
        if (keep && (!config.get(CPU).isNull() && !config.get(CPU).equals(prior.get(CPU))
                || !config.get(MEMORY).isNull() && !config.get(MEMORY).equals(prior.get(MEMORY)))) {
            m.put(REMAINING_CPU, Value.unknown());
            m.put(REMAINING_MEMORY, Value.unknown());
        }
        if (keep && !config.get(STATUS).equals(prior.get(STATUS))) {
            // Draining moves the instance's tasks elsewhere during apply: what it runs is not known before.
            for (String attr : List.of(RUNNING_TASKS_COUNT, REMAINING_CPU, REMAINING_MEMORY)) m.put(attr, Value.unknown());
        }
        return new PlanResponse(Attrs.with(config, m), validate(config));
    }

    private static boolean sameCluster(MapValue config, MapValue prior) {
        if (Attrs.unknown(config, CLUSTER)) return false;
        return EcsArn.clusterName(Attrs.string(config, CLUSTER)).equals(EcsArn.clusterName(Attrs.string(prior, CLUSTER)));
    }

    @Override
    public ApplyResponse apply(MapValue prior, MapValue planned, MapValue config, String clientToken) {
        if (planned == null) return deregister(prior);
        List<ProviderDiagnostic> diags = new ArrayList<>(validate(config));
        if (dev.berth.ecs.resource.Diags.hasErrors(diags)) return new ApplyResponse(prior, diags);
        String clusterName = EcsArn.clusterName(Attrs.string(config, CLUSTER)).orElseThrow();
        Optional<ClusterRow> cluster = clusters.get(EcsArn.cluster(clusterName));
        if (cluster.isEmpty()) {
            return new ApplyResponse(prior, List.of(ProviderDiagnostic.error("Cluster \"" + clusterName
                    + "\" does not exist; create it before its container instances.", null, CLUSTER)));
        }
        Optional<InstanceRow> existing = prior == null ? Optional.empty() : instances.get(Attrs.string(prior, ARN));
        String host = Attrs.string(config, DOCKER_HOST);
        ContainerRuntime rt = runtimes.apply(host);
        EngineCapacity capacity = null;
        try {
            rt.ping();
            capacity = rt.capacity();
        } catch (RuntimeFailure f) {
            if (existing.isEmpty()) {
                return new ApplyResponse(prior, List.of(ProviderDiagnostic.error(
                        "Cannot register the container instance: " + f.getMessage(), null, DOCKER_HOST)));
            }
        }
        String id = existing.map(InstanceRow::id).orElseGet(() -> UUID.randomUUID().toString().replace("-", ""));
        String arn = existing.map(InstanceRow::arn).orElse(arn(clusterName, id));
        int cpu = size(config, CPU, capacity == null ? existing.map(InstanceRow::cpu).orElse(0) : capacity.cpuUnits());
        int memory = size(config, MEMORY, capacity == null ? existing.map(InstanceRow::memory).orElse(0)
                : (int) capacity.memoryMiB());
        Integer engineCpu = capacity == null ? existing.map(InstanceRow::engineCpu).orElse(null) : capacity.cpuUnits();
        Integer engineMemory = capacity == null ? existing.map(InstanceRow::engineMemory).orElse(null)
                : (int) capacity.memoryMiB();
        Map<String, String> attributes = new TreeMap<>(userAttributes(config));
        attributes.putIfAbsent(ContainerInstance.OS_TYPE, "linux");
        String status = Attrs.string(config, STATUS) == null ? InstanceRow.ACTIVE : Attrs.string(config, STATUS);
        InstanceRow row = new InstanceRow(arn, id, cluster.get().arn(), host, rt.endpoint(), cpu, memory, attributes,
                status, capacity != null || existing.isEmpty() || existing.get().connected(), engineCpu, engineMemory);
        if (existing.isEmpty()) tokens.record(arn, ContainerInstanceSchema.TYPE, clientToken);
        instances.put(arn, row);
        if (row.draining() && existing.map(e -> !e.draining()).orElse(true)) {
            for (String problem : drainer.drain(row)) diags.add(ProviderDiagnostic.error(problem, null, STATUS));
        }
        return new ApplyResponse(stateOf(config, row), diags);
    }

    /**
     * The attributes as registered: the configured ones plus {@code ecs.os-type=linux}, which
     * ECS's agent adds to every Linux instance and placement constraints may test. Known at plan
     * time, so the plan shows exactly what the state will hold.
     */
    static Value withOsType(Value configured) {
        if (configured.isNull()) return Attrs.ofStringMap(Map.of(ContainerInstance.OS_TYPE, "linux"));
        // An unknown map stays unknown until apply; one that names its own os-type keeps it.
        if (!(configured instanceof MapValue given) || !given.get(ContainerInstance.OS_TYPE).isNull()) return configured;
        return given.with(ContainerInstance.OS_TYPE, Value.of("linux"));
    }

    private ApplyResponse deregister(MapValue prior) {
        String arn = Attrs.string(prior, ARN);
        long running = view.runningPlacements().values().stream().filter(p -> arn.equals(p.instanceArn())).count();
        if (running > 0) {
            return new ApplyResponse(prior, List.of(ProviderDiagnostic.error("Container instance " + arn + " still runs "
                    + running + " task" + (running == 1 ? "" : "s") + "; set status = \"DRAINING\" and apply, or delete "
                    + "their services first.", null)));
        }
        instances.delete(arn);
        tokens.forget(arn);
        return new ApplyResponse(null, List.of());
    }

    @Override
    public ReadResponse read(MapValue current) {
        Optional<InstanceRow> row = instances.get(Attrs.string(current, ARN));
        if (row.isEmpty()) return new ReadResponse(null, List.of());
        boolean connected;
        try {
            runtimes.apply(row.get().dockerHost()).ping();
            connected = true;
        } catch (RuntimeFailure f) {
            connected = false;
        }
        InstanceRow now = row.get().withConnected(connected);
        if (now.connected() != row.get().connected()) instances.put(now.arn(), now);
        return new ReadResponse(stateOf(current, now), List.of());
    }

    @Override
    public ImportResponse importState(String id) {
        Optional<InstanceRow> row = instances.all().stream()
                .filter(r -> r.arn().equals(id) || r.id().equals(id)).findFirst();
        if (row.isEmpty()) {
            return new ImportResponse(null, List.of(ProviderDiagnostic.error("Container instance \"" + id
                    + "\" is not registered; import by ARN or id.", null)));
        }
        InstanceRow r = row.get();
        Map<String, Value> m = new HashMap<>();
        m.put(CLUSTER, Value.of(r.clusterArn()));
        m.put(DOCKER_HOST, r.dockerHost() == null ? Value.nil() : Value.of(r.dockerHost()));
        ContainerInstanceSchema.TLS.forEach(t -> m.put(t, Value.nil()));
        m.put(STATUS, Value.of(r.status()));
        return new ImportResponse(stateOf(new MapValue(m), r), List.of());
    }

    /** The instance's state: configuration, registered sizes and what its tasks use now. */
    private MapValue stateOf(MapValue base, InstanceRow row) {
        ContainerInstance snap = view.snapshot(row.clusterArn()).instance(row.arn()).orElse(null);
        int tasks = snap == null ? 0 : snap.runningTasks().size();
        Map<String, Value> m = new HashMap<>();
        m.put(ARN, Value.of(row.arn()));
        m.put(ID, Value.of(row.arn()));
        m.put(CPU, Value.of(row.cpu()));
        m.put(MEMORY, Value.of(row.memory()));
        m.put(AGENT_CONNECTED, Value.of(row.connected()));
        m.put(RUNNING_TASKS_COUNT, Value.of(tasks));
        m.put(REMAINING_CPU, Value.of(snap == null ? row.cpu() : snap.remainingCpu()));
        m.put(REMAINING_MEMORY, Value.of(snap == null ? row.memory() : snap.remainingMemory()));
        m.put(ATTRIBUTES, Attrs.ofStringMap(row.attributes()));
        return Attrs.with(base, m);
    }

    public static String arn(String clusterName, String id) {
        return "arn:aws:ecs:" + EcsArn.REGION + ":" + EcsArn.ACCOUNT + ":container-instance/" + clusterName + "/" + id;
    }

    private static Map<String, String> userAttributes(MapValue config) {
        Map<String, String> m = Attrs.stringMap(Attrs.raw(config, ATTRIBUTES));
        return m == null ? Map.of() : m;
    }

    private static int size(MapValue config, String attr, int fallback) {
        BigDecimal v = Attrs.number(config, attr);
        return v == null ? fallback : v.intValueExact();
    }
}
