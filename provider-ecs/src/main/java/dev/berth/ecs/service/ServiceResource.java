package dev.berth.ecs.service;

import dev.berth.ecs.store.TaskTable;
import dev.berth.ecs.store.ServiceRow;
import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.instance.Drainer;
import dev.berth.ecs.placement.ClusterView;
import dev.berth.ecs.placement.PlannedPlacements;
import dev.berth.ecs.schema.Ec2ServiceSchema;
import dev.berth.ecs.store.ClusterRow;
import dev.berth.ecs.resource.EcsResource;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.schema.ServiceSchema;
import dev.berth.ecs.store.ClientTokens;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.task.TaskStarter;
import dev.berth.ecs.taskdef.TaskDefinitionRegistry;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.provider.ProviderRequests.ApplyResponse;
import dev.berth.engine.provider.ProviderRequests.ImportResponse;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.provider.ProviderRequests.ReadResponse;
import dev.berth.engine.provider.ProviderRequests.Upstream;
import dev.berth.engine.provider.ProviderStore;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;

import static dev.berth.ecs.schema.ServiceSchema.ARN;
import static dev.berth.ecs.schema.ServiceSchema.CLUSTER;
import static dev.berth.ecs.schema.ServiceSchema.DESIRED_COUNT;
import static dev.berth.ecs.schema.ServiceSchema.ID;
import static dev.berth.ecs.schema.ServiceSchema.LAUNCH_TYPE;
import static dev.berth.ecs.schema.ServiceSchema.NAME;
import static dev.berth.ecs.schema.ServiceSchema.TASK_DEFINITION;

/** {@code ecs_service}: keeps desired_count tasks of a task definition running in a cluster. */
public final class ServiceResource implements EcsResource {
    private final Table<ServiceRow> services;
    private final TaskDefinitionRegistry registry;
    private final ServiceDeployer deployer;
    private final Supplier<ContainerRuntime> runtime;
    private final PlannedPlacements planned = new PlannedPlacements();
    private final Ec2Deployer ec2;
    private final Ec2Planning ec2Planning;
    private final EngineViews views;
    private final EventLog events;
    private final ClientTokens tokens;

    /** {@code pool} runs task starts and stops; it is shared with every other apply. */
    public ServiceResource(ProviderStore store, Supplier<ContainerRuntime> runtime, ExecutorService pool) {
        this(store, runtime, pool, host -> runtime.get());
    }

    /**
     * {@code runtime} lists and stops tasks wherever they run; {@code runtimes} reaches one
     * container instance's engine by its docker_host (null: the local engine).
     */
    public ServiceResource(ProviderStore store, Supplier<ContainerRuntime> runtime, ExecutorService pool,
                           Function<String, ContainerRuntime> runtimes) {
        this.services = new Table<>(store, ServiceRow.TABLE, ServiceRow.class);
        this.tokens = new ClientTokens(store);
        this.registry = new TaskDefinitionRegistry(store);
        this.runtime = runtime;
        TaskTable tasks = new TaskTable(store);
        TaskStarter starter = new TaskStarter(store, runtimes);
        TaskLauncher launcher = new TaskLauncher(pool, starter);
        Table<ClusterRow> clusters = new Table<>(store, ClusterRow.TABLE, ClusterRow.class);
        this.views = new EngineViews(tasks, () -> services.all().stream().map(ServiceRow::arn)
                .collect(java.util.stream.Collectors.toSet()));
        this.events = new EventLog(store);
        this.deployer = new ServiceDeployer(clusters, services, registry, tasks, launcher, runtime, views, events);
        this.ec2 = Ec2Wiring.deployer(store, clusters, services, registry, tasks, launcher, starter, runtime, pool,
                planned, deployer);
        this.ec2Planning = new Ec2Planning(new ClusterView(store), registry, new EventLog(store), planned);
    }

    /** What moves service tasks off an instance turned DRAINING. */
    public Drainer drainer() {
        return ec2;
    }

    /** The names of a cluster's services, in name order; while there are any, the cluster cannot be deleted. */
    public List<String> servicesIn(String clusterArn) {
        return services.all().stream().filter(s -> s.clusterArn().equals(clusterArn)).map(ServiceRow::name).sorted()
                .toList();
    }

    @Override
    public ResourceSchema schema() {
        return ServiceSchema.schema();
    }

    @Override
    public List<ProviderDiagnostic> validate(MapValue config) {
        return ServiceValidator.validate(config);
    }

    @Override
    public PlanResponse plan(MapValue prior, MapValue config) {
        return plan(prior, config, List.of());
    }

    /** {@code upstream} holds the planned task definition when its new revision has no ARN yet. */
    @Override
    public PlanResponse plan(MapValue prior, MapValue config, List<Upstream> upstream) {
        ServicePlanner.Planned p = ServicePlanner.plan(prior, config, registry::resolve);
        PlanResponse r = ec2Planning.extend(prior, config, new PlanResponse(p.planned(), validate(config)), upstream);
        return new PlanResponse(withPlannedEvents(prior, r.planned()), r.diagnostics(), r.notes());
    }

    /** Events stay as they are unless the service is about to change, when apply adds new ones. */
    private static MapValue withPlannedEvents(MapValue prior, MapValue planned) {
        if (planned == null) return null;
        String events = Ec2ServiceSchema.EVENTS;
        boolean changing = prior == null || !dev.berth.engine.value.ValuePaths.sameValue(
                prior.with(events, Value.nil()), planned.with(events, Value.nil()));
        return planned.with(events, changing ? Value.unknown() : prior.get(events));
    }

    @Override
    public ApplyResponse apply(MapValue prior, MapValue planned, MapValue config, String clientToken) {
        if (planned == null) {
            ApplyResponse deleted = deployer.delete(prior);
            if (deleted.newState() == null) {
                ec2.forget(Attrs.string(prior, ARN));
                tokens.forget(Attrs.string(prior, ARN));
            }
            return deleted;
        }
        if (prior == null && !Attrs.unknown(planned, ARN)) tokens.record(Attrs.string(planned, ARN), ServiceSchema.TYPE, clientToken);
        if ("EC2".equals(Attrs.string(config, LAUNCH_TYPE))) return ec2.converge(prior, planned, config);
        return deployer.converge(prior, planned, config);
    }

    @Override
    public ReadResponse read(MapValue current) {
        String arn = Attrs.string(current, ARN);
        if (arn == null || services.get(arn).isEmpty()) return new ReadResponse(null, List.of());
        try {
            // One listing of the engines serves every service of this refresh.
            EngineView view = views.shared(runtime.get());
            MapValue state = ServiceState.withTasks(current, deployer.observe(view, arn));
            return new ReadResponse(state.with(Ec2ServiceSchema.EVENTS, events.value(arn)), List.of());
        } catch (RuntimeFailure f) {
            return new ReadResponse(current, List.of(ProviderDiagnostic.error(f.getMessage(), null)));
        }
    }

    @Override
    public ImportResponse importState(String id) {
        Optional<ServiceRow> row = services.get(arnOf(id));
        if (row.isEmpty()) {
            return new ImportResponse(null, List.of(ProviderDiagnostic.error("Service \"" + id
                    + "\" does not exist; import by ARN or cluster/name.", null)));
        }
        ServiceRow s = row.get();
        Map<String, Value> m = new HashMap<>();
        m.put(NAME, Value.of(s.name()));
        m.put(CLUSTER, Value.of(s.clusterArn()));
        m.put(TASK_DEFINITION, Value.of(s.taskDefinition()));
        m.put(DESIRED_COUNT, Value.of(s.desiredCount()));
        m.put(LAUNCH_TYPE, Value.of(s.launchType()));
        m.put(ARN, Value.of(s.arn()));
        m.put(ID, Value.of(s.arn()));
        dev.berth.ecs.schema.SchemaDefaults.fill(schema(), m);
        try {
            m.put(Ec2ServiceSchema.EVENTS, events.value(s.arn()));
            return new ImportResponse(ServiceState.withTasks(new MapValue(m), deployer.observe(runtime.get(), s.arn())),
                    List.of());
        } catch (RuntimeFailure f) {
            return new ImportResponse(null, List.of(ProviderDiagnostic.error(f.getMessage(), null)));
        }
    }

    /** A service ARN as given, or "cluster/name" turned into one. */
    private static String arnOf(String id) {
        if (EcsArn.looksLikeArn(id)) return id;
        int slash = id.indexOf('/');
        if (slash <= 0) return id;
        String cluster = EcsArn.clusterName(id.substring(0, slash)).orElse(id.substring(0, slash));
        return EcsArn.service(cluster, id.substring(slash + 1));
    }
}
