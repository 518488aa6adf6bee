package dev.berth.ecs.instance;

import dev.berth.ecs.api.ClusterCalls.ListClustersRequest;
import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.InstanceCalls.ContainerInstance;
import dev.berth.ecs.api.InstanceCalls.DeregisterContainerInstanceRequest;
import dev.berth.ecs.api.InstanceCalls.DescribeContainerInstancesRequest;
import dev.berth.ecs.api.InstanceCalls.RegisterContainerInstanceRequest;
import dev.berth.ecs.api.InstanceCalls.UpdateContainerInstancesStateRequest;
import dev.berth.ecs.api.Shapes.Attribute;
import dev.berth.ecs.api.Shapes.Resource;
import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.resource.Diags;
import dev.berth.ecs.resource.EcsResource;
import dev.berth.ecs.schema.ContainerInstanceSchema;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.provider.ForceNew;
import dev.berth.engine.provider.KeptOnUpdate;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.provider.ProviderRequests.ApplyResponse;
import dev.berth.engine.provider.ProviderRequests.ImportResponse;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.provider.ProviderRequests.ReadResponse;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import dev.berth.ecs.tls.TlsMaterial;
import java.util.TreeMap;

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
 * {@code ecs_container_instance}: registers a Docker engine into a cluster through the control
 * plane (RegisterContainerInstance, again under its ARN for an update), sets its status with
 * UpdateContainerInstancesState (DRAINING makes the services move their tasks off it, as ECS
 * does) and refreshes from DescribeContainerInstances, so an instance drained or deregistered by
 * another client shows as drift.
 */
public final class ContainerInstanceResource implements EcsResource {
    private final EcsApi api;
    private final BiFunction<String, TlsMaterial, Optional<String>> probe;

    public ContainerInstanceResource(EcsApi api) {
        this(api, (host, tls) -> Optional.empty());
    }

    /**
     * {@code probe} checks at plan time that a new (or re-addressed) TLS engine answers with its
     * certificates, so a wrong CA or a refused client certificate is a plan error rather than a
     * failed apply; it returns the reason, or empty. A client of a berth server leaves it to the
     * server's registration, which reaches the engine from where the server runs.
     */
    public ContainerInstanceResource(EcsApi api, BiFunction<String, TlsMaterial, Optional<String>> probe) {
        this.api = api;
        this.probe = probe;
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
        // Known only once registered; the schema marks them kept on update (see the end).
        m.put(ARN, Value.unknown());
        m.put(ID, Value.unknown());
        for (String attr : List.of(CPU, MEMORY)) {
            if (config.get(attr).isNull()) m.put(attr, keep ? prior.get(attr) : Value.unknown());
        }
        for (String attr : LIVE) m.put(attr, keep ? prior.get(attr) : Value.unknown());
        m.put(ATTRIBUTES, InstanceAllowances.withAllowances(withOsType(config.get(ATTRIBUTES)), config));
        if (keep && (!config.get(CPU).isNull() && !config.get(CPU).equals(prior.get(CPU))
                || !config.get(MEMORY).isNull() && !config.get(MEMORY).equals(prior.get(MEMORY)))) {
            m.put(REMAINING_CPU, Value.unknown());
            m.put(REMAINING_MEMORY, Value.unknown());
        }
        if (keep && !config.get(STATUS).equals(prior.get(STATUS))) {
            // Draining moves the instance's tasks elsewhere during apply: what it runs is not known before.
            for (String attr : List.of(RUNNING_TASKS_COUNT, REMAINING_CPU, REMAINING_MEMORY)) m.put(attr, Value.unknown());
        }
        MapValue planned = Attrs.with(config, m);
        List<ProviderDiagnostic> diags = new ArrayList<>(validate(config));
        TlsMaterial tls = InstanceValidator.tlsOf(config);
        boolean probes = !keep && tls != null && !Diags.hasErrors(diags) && !Attrs.unknown(config, DOCKER_HOST);
        if (probes) {
            String host = Attrs.string(config, DOCKER_HOST).trim();
            probe.apply(host, tls).ifPresent(why -> diags.add(Diags.error("This container instance cannot reach its "
                    + "Docker engine at " + host + ": " + why, List.of(DOCKER_HOST))));
        }
        PlanResponse out = new PlanResponse(keep ? KeptOnUpdate.apply(schema(), prior, planned) : planned, diags);
        return probes ? out : out.asFromRequestAlone();
    }

    private static boolean sameCluster(MapValue config, MapValue prior) {
        if (Attrs.unknown(config, CLUSTER)) return false;
        return EcsArn.clusterName(Attrs.string(config, CLUSTER)).equals(EcsArn.clusterName(Attrs.string(prior, CLUSTER)));
    }

    @Override
    public ApplyResponse apply(MapValue prior, MapValue planned, MapValue config, String clientToken) {
        if (planned == null) return deregister(prior);
        List<ProviderDiagnostic> diags = new ArrayList<>(validate(config));
        if (Diags.hasErrors(diags)) return new ApplyResponse(prior, diags);
        String cluster = Attrs.string(config, CLUSTER);
        String clusterName = EcsArn.clusterName(cluster).orElseThrow();
        List<Resource> total = new ArrayList<>();
        BigDecimal cpu = Attrs.number(config, CPU), memory = Attrs.number(config, MEMORY);
        if (cpu != null) total.add(Resource.integer("CPU", cpu.intValueExact()));
        if (memory != null) total.add(Resource.integer("MEMORY", memory.intValueExact()));
        List<Attribute> attributes = new ArrayList<>();
        Map<String, String> registered = new TreeMap<>(userAttributes(config));
        registered.putAll(InstanceAllowances.attributes(config));
        registered.forEach((k, v) -> attributes.add(new Attribute(k, v)));
        ContainerInstance ci;
        try {
            ci = api.registerContainerInstance(new RegisterContainerInstanceRequest(cluster, total, null,
                    prior == null ? null : Attrs.string(prior, ARN), attributes, null, Attrs.string(config, DOCKER_HOST),
                    prior == null ? clientToken : null, InstanceValidator.tlsOf(config))).containerInstance();
        } catch (EcsException e) {
            if (e.errorName().equals(EcsException.CLUSTER_NOT_FOUND)) {
                return new ApplyResponse(prior, List.of(ProviderDiagnostic.error("Cluster \"" + clusterName
                        + "\" does not exist; create it before its container instances.",
                        e.errorName() + " from RegisterContainerInstance: " + e.getMessage(), CLUSTER)));
            }
            return new ApplyResponse(prior, List.of(Diags.of(e, "RegisterContainerInstance", DOCKER_HOST)));
        }
        String status = Attrs.string(config, STATUS) == null ? "ACTIVE" : Attrs.string(config, STATUS);
        try {
            if (!status.equals(ci.status())) {
                api.updateContainerInstancesState(new UpdateContainerInstancesStateRequest(cluster,
                        List.of(ci.containerInstanceArn()), status));
            }
            Optional<ContainerInstance> now = describe(cluster, ci.containerInstanceArn());
            return new ApplyResponse(stateOf(config, now.orElse(ci)), diags);
        } catch (EcsException e) {
            diags.add(Diags.of(e, "UpdateContainerInstancesState", STATUS));
            return new ApplyResponse(stateOf(config, ci), diags);
        }
    }

    /**
     * The attributes as registered: the configured ones plus {@code ecs.os-type=linux}, which
     * ECS's agent adds to every Linux instance and placement constraints may test. Known at plan
     * time, so the plan shows exactly what the state will hold.
     */
    static Value withOsType(Value configured) {
        if (configured.isNull()) return Attrs.ofStringMap(Map.of(dev.berth.ecs.scheduler.model.ContainerInstance.OS_TYPE, "linux"));
        // An unknown map stays unknown until apply; one that names its own os-type keeps it.
        if (!(configured instanceof MapValue given) || !given.get(dev.berth.ecs.scheduler.model.ContainerInstance.OS_TYPE).isNull()) return configured;
        return given.with(dev.berth.ecs.scheduler.model.ContainerInstance.OS_TYPE, Value.of("linux"));
    }

    private ApplyResponse deregister(MapValue prior) {
        String arn = Attrs.string(prior, ARN);
        try {
            api.deregisterContainerInstance(new DeregisterContainerInstanceRequest(Attrs.string(prior, CLUSTER), arn,
                    false));
        } catch (EcsException e) {
            boolean gone = e.errorName().equals(EcsException.CLUSTER_NOT_FOUND)
                    || e.getMessage().startsWith("The referenced container instance ");
            if (!gone) {
                return new ApplyResponse(prior, List.of(ProviderDiagnostic.error(e.getMessage(), e.errorName()
                        + " from DeregisterContainerInstance. Set status = \"DRAINING\" and apply, or delete the "
                        + "services of its tasks first.")));
            }
        }
        return new ApplyResponse(null, List.of());
    }

    @Override
    public ReadResponse read(MapValue current) {
        try {
            Optional<ContainerInstance> ci = describe(Attrs.string(current, CLUSTER), Attrs.string(current, ARN));
            // Deregistered (INACTIVE) by anyone is gone: the next plan registers the engine again.
            if (ci.isEmpty() || "INACTIVE".equals(ci.get().status())) return new ReadResponse(null, List.of());
            return new ReadResponse(stateOf(current, ci.get()), List.of());
        } catch (EcsException e) {
            if (e.errorName().equals(EcsException.CLUSTER_NOT_FOUND)) return new ReadResponse(null, List.of());
            return new ReadResponse(current, List.of(Diags.of(e, "DescribeContainerInstances")));
        }
    }

    private Optional<ContainerInstance> describe(String cluster, String arn) {
        if (arn == null) return Optional.empty();
        return api.describeContainerInstances(new DescribeContainerInstancesRequest(cluster, List.of(arn), null))
                .containerInstances().stream().findFirst();
    }

    @Override
    public ImportResponse importState(String id) {
        Optional<ContainerInstance> found = Optional.empty();
        String cluster = null;
        try {
            // An ARN names its cluster; a bare id is looked for in every cluster.
            List<String> clusters = EcsArn.parse(id).filter(a -> a.resourceType().equals("container-instance")
                    && a.path().contains("/")).map(a -> List.of(EcsArn.cluster(a.path().substring(0,
                    a.path().indexOf('/'))))).orElseGet(() -> api.listClusters(new ListClustersRequest(null, null))
                    .clusterArns());
            for (String c : clusters) {
                found = describe(c, id).filter(ci -> !"INACTIVE".equals(ci.status()));
                if (found.isPresent()) {
                    cluster = c;
                    break;
                }
            }
        } catch (EcsException e) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            return new ImportResponse(null, List.of(ProviderDiagnostic.error("Container instance \"" + id
                    + "\" is not registered; import by ARN or id.", null)));
        }
        Map<String, Value> m = new HashMap<>();
        m.put(CLUSTER, Value.of(cluster));
        m.put(DOCKER_HOST, found.get().dockerHost() == null ? Value.nil() : Value.of(found.get().dockerHost()));
        ContainerInstanceSchema.TLS.forEach(t -> m.put(t, Value.nil()));
        return new ImportResponse(stateOf(new MapValue(m), found.get()), List.of());
    }

    /** The instance's state: configuration, registered sizes, status and what its tasks use now. */
    private static MapValue stateOf(MapValue base, ContainerInstance ci) {
        Map<String, Value> m = new HashMap<>();
        m.put(ARN, Value.of(ci.containerInstanceArn()));
        m.put(ID, Value.of(ci.containerInstanceArn()));
        m.put(CPU, Value.of(resource(ci.registeredResources(), "CPU")));
        m.put(MEMORY, Value.of(resource(ci.registeredResources(), "MEMORY")));
        m.put(STATUS, Value.of(ci.status()));
        m.put(AGENT_CONNECTED, Value.of(Boolean.TRUE.equals(ci.agentConnected())));
        m.put(RUNNING_TASKS_COUNT, Value.of(ci.runningTasksCount() == null ? 0 : ci.runningTasksCount()));
        m.put(REMAINING_CPU, Value.of(resource(ci.remainingResources(), "CPU")));
        m.put(REMAINING_MEMORY, Value.of(resource(ci.remainingResources(), "MEMORY")));
        Map<String, String> attributes = new TreeMap<>();
        if (ci.attributes() != null) ci.attributes().forEach(a -> attributes.put(a.name(), a.value()));
        m.put(ATTRIBUTES, Attrs.ofStringMap(attributes));
        return Attrs.with(base, m);
    }

    private static int resource(List<Resource> resources, String name) {
        if (resources == null) return 0;
        for (Resource r : resources) if (name.equals(r.name()) && r.integerValue() != null) return r.integerValue();
        return 0;
    }

    public static String arn(String clusterName, String id) {
        return "arn:aws:ecs:" + EcsArn.REGION + ":" + EcsArn.ACCOUNT + ":container-instance/" + clusterName + "/" + id;
    }

    private static Map<String, String> userAttributes(MapValue config) {
        Map<String, String> m = Attrs.stringMap(Attrs.raw(config, ATTRIBUTES));
        return m == null ? Map.of() : m;
    }

}
