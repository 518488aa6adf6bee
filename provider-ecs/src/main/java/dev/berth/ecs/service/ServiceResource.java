package dev.berth.ecs.service;

import dev.berth.ecs.store.TaskTable;
import dev.berth.ecs.store.ServiceRow;
import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.instance.Drainer;
import dev.berth.ecs.placement.ClusterView;
import dev.berth.ecs.placement.PlannedPlacements;
import dev.berth.ecs.schema.Ec2ServiceSchema;
import dev.berth.ecs.store.ClusterRow;
import dev.berth.ecs.resource.Diags;
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

/**
 * {@code ecs_service}: keeps desired_count tasks of a task definition running in a cluster. Its
 * configuration is mapped to the control plane's {@link DeployRequest} and deployed by the one
 * {@link Deployer}, whatever the launch type.
 */
public final class ServiceResource implements EcsResource {
    private final Table<ServiceRow> services;
    private final TaskDefinitionRegistry registry;
    private final Deployer deployer;
    private final PlannedPlacements planned = new PlannedPlacements();
    private final ClusterView view;
    private final PlacementPlanning placementPlanning;
    private final ClientTokens tokens;

    /** {@code pool} runs task starts and stops; it is shared with every other apply. */
    public ServiceResource(EcsStore store, Supplier<ContainerRuntime> runtime, ExecutorService pool) {
        this(store, runtime, pool, host -> runtime.get(), () -> Integer.MAX_VALUE / 4);
    }

    /**
     * {@code runtime} lists and stops tasks wherever they run; {@code runtimes} reaches one
     * container instance's engine by its docker_host (null: the local engine);
     * {@code fargateCpuUnits} is the account's Fargate vCPU quota in cpu units.
     */
    public ServiceResource(EcsStore store, Supplier<ContainerRuntime> runtime, ExecutorService pool,
                           Function<String, ContainerRuntime> runtimes, java.util.function.IntSupplier fargateCpuUnits) {
        this.services = new Table<>(store, ServiceRow.TABLE, ServiceRow.class);
        this.tokens = new ClientTokens(store);
        this.registry = new TaskDefinitionRegistry(store);
        this.deployer = new Deployer(store, runtime, pool, runtimes, fargateCpuUnits);
        this.view = new ClusterView(store);
        this.placementPlanning = new PlacementPlanning(view, registry, new EventLog(store), planned, fargateCpuUnits);
    }

    /** The one deployment path, for callers other than this resource (the control plane). */
    public Deployer deployer() {
        return deployer;
    }

    /** What moves service tasks off an instance turned DRAINING. */
    public Drainer drainer() {
        return deployer;
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
        PlanResponse r = placementPlanning.extend(prior, config, new PlanResponse(p.planned(), validate(config)), upstream);
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
            String arn = Attrs.string(prior, ARN);
            List<String> failures = deployer.delete(arn);
            if (!failures.isEmpty()) return new ApplyResponse(prior, errors(failures));
            tokens.forget(arn);
            return new ApplyResponse(null, List.of());
        }
        List<ProviderDiagnostic> diags = new ArrayList<>(validate(config));
        if (Diags.hasErrors(diags)) return new ApplyResponse(prior, diags);
        if (prior == null && !Attrs.unknown(planned, ARN)) tokens.record(Attrs.string(planned, ARN), ServiceSchema.TYPE, clientToken);
        boolean force = prior != null && Boolean.TRUE.equals(Attrs.bool(config.get(Ec2ServiceSchema.FORCE_NEW_DEPLOYMENT)));
        DeployRequest request = SettingsConfig.request(config, force);
        if ("EC2".equals(request.launchType())) warnIfChanged(request, diags);
        DeployResult r = deployer.deploy(request);
        if (r.status() == DeployResult.Status.REJECTED) {
            return new ApplyResponse(prior, List.of(ProviderDiagnostic.error(r.message(), null,
                    "cluster".equals(r.field()) ? CLUSTER : "desiredCount".equals(r.field()) ? DESIRED_COUNT
                            : TASK_DEFINITION)));
        }
        Map<String, Value> set = new HashMap<>(Map.of(ARN, Value.of(r.serviceArn()), ID, Value.of(r.serviceArn()),
                DESIRED_COUNT, Value.of(request.desiredCount()), LAUNCH_TYPE, Value.of(request.launchType())));
        // After a rollback the state says what runs, so the next plan offers the new revision again.
        if (r.status() == DeployResult.Status.ROLLED_BACK) set.put(TASK_DEFINITION, Value.of(r.taskDefinitionArn()));
        MapValue base = Attrs.with(planned, set);
        String detail = String.join("\n", r.failures());
        switch (r.status()) {
            case STEADY -> diags.addAll(errors(r.failures()));
            case ROLLED_BACK -> diags.add(ProviderDiagnostic.error(r.message(), detail, TASK_DEFINITION));
            default -> diags.add(r.failures().size() > 1 || !r.message().equals(detail)
                    ? ProviderDiagnostic.error(r.message(), detail, TASK_DEFINITION)
                    : ProviderDiagnostic.error(r.message(), null));
        }
        MapValue state;
        try {
            state = ServiceState.withTasks(base, deployer.observe(r.serviceArn()));
        } catch (RuntimeFailure f) {
            // The engine is gone; the prior state is the best account of what exists.
            if (diags.stream().noneMatch(d -> f.getMessage().equals(d.summary()))) {
                diags.add(ProviderDiagnostic.error(f.getMessage(), null));
            }
            return new ApplyResponse(prior, diags);
        }
        if (r.steady() && Boolean.TRUE.equals(Attrs.bool(base.get(Ec2ServiceSchema.WAIT_FOR_STEADY_STATE)))) {
            BigDecimal running = Attrs.number(state, ServiceSchema.RUNNING_COUNT);
            if (running == null || running.intValue() != request.desiredCount()) {
                diags.add(ProviderDiagnostic.error("Service " + request.serviceName() + " did not reach a steady state: "
                        + running + " of " + request.desiredCount() + " tasks run.", null));
            }
        }
        return new ApplyResponse(state.with(Ec2ServiceSchema.EVENTS, deployer.events(r.serviceArn())), diags);
    }

    private static List<ProviderDiagnostic> errors(List<String> messages) {
        return messages.stream().map(m -> ProviderDiagnostic.error(m, null)).toList();
    }

    /** The plan showed placement on the cluster as it was then; say so when apply finds it changed. */
    private void warnIfChanged(DeployRequest r, List<ProviderDiagnostic> diags) {
        String clusterName = EcsArn.clusterName(r.cluster()).orElse(r.cluster());
        Optional<String> before = planned.plannedFingerprint(EcsArn.service(clusterName, r.serviceName()));
        if (before.isEmpty()) return;
        if (!before.get().equals(ClusterView.fingerprint(view.snapshot(EcsArn.cluster(clusterName))))) {
            diags.add(ProviderDiagnostic.warning("The cluster changed since the plan (instances, capacity or running "
                    + "tasks); placement was planned again for what runs now.", null));
        }
    }

    @Override
    public ReadResponse read(MapValue current) {
        String arn = Attrs.string(current, ARN);
        if (arn == null || services.get(arn).isEmpty()) return new ReadResponse(null, List.of());
        try {
            // One listing of the engines serves every service of this refresh.
            MapValue state = ServiceState.withTasks(current, deployer.observeShared(arn));
            return new ReadResponse(state.with(Ec2ServiceSchema.EVENTS, deployer.events(arn)), List.of());
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
            m.put(Ec2ServiceSchema.EVENTS, deployer.events(s.arn()));
            return new ImportResponse(ServiceState.withTasks(new MapValue(m), deployer.observe(s.arn())),
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
