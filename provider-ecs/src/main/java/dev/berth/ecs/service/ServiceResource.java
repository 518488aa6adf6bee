package dev.berth.ecs.service;

import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.api.ServiceCalls.DeleteServiceRequest;
import dev.berth.ecs.api.ServiceCalls.Service;
import dev.berth.ecs.arn.EcsArn;
import dev.berth.ecs.resource.Diags;
import dev.berth.ecs.resource.EcsResource;
import dev.berth.ecs.schema.Ec2ServiceSchema;
import dev.berth.ecs.schema.ServiceSchema;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.provider.ProviderRequests.ApplyResponse;
import dev.berth.engine.provider.ProviderRequests.ImportResponse;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.provider.ProviderRequests.ReadResponse;
import dev.berth.engine.provider.ProviderRequests.Upstream;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.berth.ecs.schema.ServiceSchema.ARN;
import static dev.berth.ecs.schema.ServiceSchema.CLUSTER;
import static dev.berth.ecs.schema.ServiceSchema.DESIRED_COUNT;
import static dev.berth.ecs.schema.ServiceSchema.ID;
import static dev.berth.ecs.schema.ServiceSchema.LAUNCH_TYPE;
import static dev.berth.ecs.schema.ServiceSchema.NAME;
import static dev.berth.ecs.schema.ServiceSchema.TASK_DEFINITION;

/**
 * {@code ecs_service}: keeps desired_count tasks of a task definition running in a cluster. A
 * client of the control plane and nothing else, as terraform-provider-aws is of ECS: plans ask
 * for a dry run of the call apply will make (placement, quotas), apply calls CreateService,
 * UpdateService or DeleteService and waits for the rollout through DescribeServices, and reads
 * go through DescribeServices, ListTasks and DescribeTasks, whether the control plane runs in
 * this process or behind {@code berth server}.
 */
public final class ServiceResource implements EcsResource {
    private final EcsApi api;
    private final ApiTaskDefinitions taskDefinitions;
    private final ServiceReads reads;
    private final ServicePreviews previews;
    private final SteadyStateWait steady;

    public ServiceResource(EcsApi api) {
        this(api, SteadyStateWait.standard());
    }

    ServiceResource(EcsApi api, SteadyStateWait steady) {
        this.api = api;
        this.taskDefinitions = new ApiTaskDefinitions(api);
        this.reads = new ServiceReads(api);
        this.previews = new ServicePreviews(api);
        this.steady = steady;
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
        ServicePlanner.Planned p = ServicePlanner.plan(prior, config, taskDefinitions::resolve);
        PlanResponse r = previews.extend(p.replaced() ? null : prior, config,
                new PlanResponse(p.planned(), validate(config)), upstream);
        MapValue planned = withPlannedEvents(prior, r.planned());
        return new PlanResponse(planned, r.diagnostics(), r.notes(), TaskSummary.of(p.replaced() ? null : prior, planned));
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
        if (planned == null) return delete(prior);
        List<ProviderDiagnostic> diags = new ArrayList<>(validate(config));
        if (Diags.hasErrors(diags)) return new ApplyResponse(prior, diags);
        boolean force = prior != null && Boolean.TRUE.equals(Attrs.bool(config.get(Ec2ServiceSchema.FORCE_NEW_DEPLOYMENT)));
        DeployRequest request = SettingsConfig.request(config, force);
        boolean creates = creates(prior, request);
        if ("EC2".equals(request.launchType()) && previews.changedSincePlan(creates ? null : prior, config)) {
            diags.add(ProviderDiagnostic.warning("The cluster changed since the plan (instances, capacity or running "
                    + "tasks); placement was planned again for what runs now.", null));
        }
        Service s;
        try {
            s = creates ? api.createService(ServiceApiCalls.create(request, clientToken)).service()
                    : api.updateService(ServiceApiCalls.update(request, Attrs.string(prior, ARN))).service();
            dev.berth.engine.trace.Trace.mark("service call answered");
            s = steady.await(reads, s);
        } catch (EcsException e) {
            diags.add(ServiceApiCalls.refused(e, request));
            return new ApplyResponse(prior, diags);
        }
        Map<String, Value> set = new HashMap<>(Map.of(ARN, Value.of(s.serviceArn()), ID, Value.of(s.serviceArn()),
                DESIRED_COUNT, Value.of(request.desiredCount()), LAUNCH_TYPE, Value.of(request.launchType())));
        // After a rollback the state says what runs, so the next plan offers the new revision again.
        String asked = taskDefinitions.arnOf(request.taskDefinition()).orElse(null);
        boolean rolledBack = s.taskDefinition() != null && !s.taskDefinition().equals(asked);
        if (rolledBack) set.put(TASK_DEFINITION, Value.of(s.taskDefinition()));
        MapValue base = Attrs.with(planned, set);
        diags.addAll(ServiceApiCalls.outcome(s, rolledBack));
        boolean completed = s.deployments() != null && !s.deployments().isEmpty()
                && "COMPLETED".equals(s.deployments().get(0).rolloutState());
        MapValue state;
        try {
            state = reads.state(base, s);
            dev.berth.engine.trace.Trace.mark("service read back");
        } catch (ServiceReads.EngineUnreachable | EcsException f) {
            // The engine is gone; the prior state is the best account of what exists.
            if (diags.stream().noneMatch(d -> f.getMessage().equals(d.summary()))) {
                diags.add(ProviderDiagnostic.error(f.getMessage(), null));
            }
            return new ApplyResponse(prior, diags);
        }
        if (completed && Boolean.TRUE.equals(Attrs.bool(base.get(Ec2ServiceSchema.WAIT_FOR_STEADY_STATE)))) {
            BigDecimal running = Attrs.number(state, ServiceSchema.RUNNING_COUNT);
            if (running == null || running.intValue() != request.desiredCount()) {
                diags.add(ProviderDiagnostic.error("Service " + request.serviceName() + " did not reach a steady state: "
                        + running + " of " + request.desiredCount() + " tasks run.", null));
            }
        }
        return new ApplyResponse(state, diags);
    }

    /** No prior, or a prior of another service (its name and cluster force a new one): CreateService. */
    private static boolean creates(MapValue prior, DeployRequest r) {
        if (prior == null) return true;
        String clusterName = EcsArn.clusterName(r.cluster()).orElse(r.cluster());
        return !EcsArn.service(clusterName, r.serviceName()).equals(Attrs.string(prior, ARN));
    }

    /** DeleteService with force, as terraform-provider-aws deletes: scale to zero, stop the tasks, forget it. */
    private ApplyResponse delete(MapValue prior) {
        String arn = Attrs.string(prior, ARN);
        try {
            api.deleteService(new DeleteServiceRequest(ServiceReads.clusterOf(arn), arn, true));
        } catch (EcsException e) {
            // Already gone (deleted by another client) is what a delete wants.
            if (EcsException.SERVICE_NOT_FOUND.equals(e.errorName()) || EcsException.SERVICE_NOT_ACTIVE.equals(e.errorName())
                    || EcsException.CLUSTER_NOT_FOUND.equals(e.errorName())) {
                return new ApplyResponse(null, List.of());
            }
            return new ApplyResponse(prior, List.of(ProviderDiagnostic.error(e.getMessage(), null)));
        }
        return new ApplyResponse(null, List.of());
    }

    /**
     * The service as DescribeServices shows it (gone once deleted, its desired count and revision
     * as any client last set them, so a change made elsewhere is drift), with its tasks as
     * DescribeTasks shows them.
     */
    @Override
    public ReadResponse read(MapValue current) {
        String arn = Attrs.string(current, ARN);
        if (arn == null) return new ReadResponse(null, List.of());
        try {
            Optional<Service> found = reads.describe(arn);
            if (found.isEmpty()) return new ReadResponse(null, List.of());
            return new ReadResponse(reads.state(asDescribed(current, found.get()), found.get()), List.of());
        } catch (ServiceReads.EngineUnreachable | EcsException e) {
            return new ReadResponse(current, List.of(ProviderDiagnostic.error(e.getMessage(), null)));
        }
    }

    /** {@code current} with what another client may have changed: the desired count, and the revision when it differs. */
    private MapValue asDescribed(MapValue current, Service s) {
        Map<String, Value> set = new HashMap<>();
        if (s.desiredCount() != null) set.put(DESIRED_COUNT, Value.of(s.desiredCount()));
        String recorded = Attrs.string(current, TASK_DEFINITION);
        String recordedArn = recorded == null ? null : taskDefinitions.arnOf(recorded).orElse(null);
        if (s.taskDefinition() != null && !s.taskDefinition().equals(recordedArn)) {
            set.put(TASK_DEFINITION, Value.of(s.taskDefinition()));
        }
        return Attrs.with(current, set);
    }

    @Override
    public ImportResponse importState(String id) {
        String arn = arnOf(id);
        Optional<Service> found;
        try {
            found = EcsArn.parse(arn).filter(a -> a.resourceType().equals("service")
                    && a.path().contains("/")).isEmpty() ? Optional.empty() : reads.describe(arn);
        } catch (EcsException e) {
            return new ImportResponse(null, List.of(ProviderDiagnostic.error(e.getMessage(), null)));
        }
        if (found.isEmpty()) {
            return new ImportResponse(null, List.of(ProviderDiagnostic.error("Service \"" + id
                    + "\" does not exist; import by ARN or cluster/name.", null)));
        }
        Service s = found.get();
        Map<String, Value> m = new HashMap<>();
        m.put(NAME, Value.of(s.serviceName()));
        m.put(CLUSTER, Value.of(s.clusterArn()));
        m.put(TASK_DEFINITION, Value.of(s.taskDefinition()));
        m.put(DESIRED_COUNT, Value.of(s.desiredCount()));
        m.put(LAUNCH_TYPE, Value.of(s.launchType()));
        m.put(ARN, Value.of(s.serviceArn()));
        m.put(ID, Value.of(s.serviceArn()));
        dev.berth.ecs.schema.SchemaDefaults.fill(schema(), m);
        try {
            return new ImportResponse(reads.state(new MapValue(m), s), List.of());
        } catch (ServiceReads.EngineUnreachable | EcsException f) {
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
