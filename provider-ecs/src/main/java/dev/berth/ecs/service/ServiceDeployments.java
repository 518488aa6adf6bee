package dev.berth.ecs.service;

import dev.berth.ecs.cluster.ClusterRow;
import dev.berth.ecs.instance.Drainer;
import dev.berth.ecs.placement.PlannedPlacements;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.runtime.RuntimeFailure;
import dev.berth.ecs.schema.Ec2ServiceSchema;
import dev.berth.ecs.schema.ServiceSchema;
import dev.berth.ecs.store.Table;
import dev.berth.ecs.taskdef.TaskDefinitionRegistry;
import dev.berth.ecs.value.Attrs;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.provider.ProviderRequests.ApplyResponse;
import dev.berth.engine.provider.ProviderStore;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one internal call that deploys a service, for the control plane's CreateService and
 * UpdateService and for the HCL resource alike: FARGATE services through today's
 * {@link ServiceDeployer}, EC2 ones through {@link Ec2Deployer}'s rollout. When the reconciler
 * that serves both launch types lands, this class is the one place to switch to it.
 */
public final class ServiceDeployments {
    /**
     * A service as a deployment needs it, in control-plane terms. {@code strategies} and
     * {@code constraints} are [type, field] and [type, expression] pairs; {@code replaceRunning}
     * replaces tasks that already run the revision (force new deployment).
     */
    public record Spec(String name, String clusterArn, String taskDefinition, int desiredCount, String launchType,
                       List<List<String>> strategies, List<List<String>> constraints, int minimumHealthyPercent,
                       int maximumPercent, boolean breakerEnable, boolean breakerRollback, boolean replaceRunning) {
    }

    /** One thing that went wrong, as a provider diagnostic says it. */
    public record Problem(String summary, String detail) {
    }

    /** What a deployment ended with; {@code taskDefinitionArn} is what runs (another one after a rollback). */
    public record Deployed(List<Problem> problems, String taskDefinitionArn) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    final ServiceDeployer fargate;
    final Ec2Deployer ec2;
    final EngineViews views;
    final EventLog events;
    final PlannedPlacements planned;
    final TaskDefinitionRegistry registry;
    private final Table<ServiceRow> services;

    public ServiceDeployments(ProviderStore store, Supplier<ContainerRuntime> runtime, ExecutorService pool,
                              Function<String, ContainerRuntime> runtimes) {
        this.services = new Table<>(store, ServiceRow.TABLE, ServiceRow.class);
        this.registry = new TaskDefinitionRegistry(store);
        this.planned = new PlannedPlacements();
        TaskTable tasks = new TaskTable(store);
        TaskLauncher launcher = new TaskLauncher(pool, store, tasks);
        Table<ClusterRow> clusters = new Table<>(store, ClusterRow.TABLE, ClusterRow.class);
        this.views = new EngineViews(tasks, () -> services.all().stream().map(ServiceRow::arn)
                .collect(java.util.stream.Collectors.toSet()));
        this.events = new EventLog(store);
        this.fargate = new ServiceDeployer(clusters, services, registry, tasks, launcher, runtime, views, events);
        this.ec2 = Ec2Wiring.deployer(store, clusters, services, registry, tasks, launcher, runtime, pool, runtimes,
                planned, fargate);
    }

    /** What moves service tasks off an instance turned DRAINING. */
    public Drainer drainer() {
        return ec2;
    }

    /** Brings the service's tasks to the spec, returning once the deployment settled or failed. */
    public Deployed deploy(Spec spec, boolean exists) {
        MapValue config = config(spec);
        // The deployers decide "update" from a prior state; only its presence matters to them.
        MapValue prior = exists ? config : null;
        ApplyResponse r = converge(prior, null, config);
        List<Problem> problems = new ArrayList<>();
        for (ProviderDiagnostic d : r.diagnostics()) {
            if (d.isError()) problems.add(new Problem(d.summary(), d.detail()));
        }
        String running = r.newState() == null ? null : Attrs.string(r.newState(), ServiceSchema.TASK_DEFINITION);
        String arn = services.get(dev.berth.ecs.arn.EcsArn.service(clusterName(spec.clusterArn()), spec.name()))
                .map(ServiceRow::taskDefinitionArn).orElse(null);
        String runningArn = running == null ? arn : registry.resolve(running).map(t -> t.arn()).orElse(arn);
        return new Deployed(problems, runningArn);
    }

    /** The resource's apply: the same deployers, with the configuration as planned. */
    ApplyResponse converge(MapValue prior, MapValue plannedValue, MapValue config) {
        if ("EC2".equals(Attrs.string(config, ServiceSchema.LAUNCH_TYPE))) return ec2.converge(prior, plannedValue, config);
        return fargate.converge(prior, plannedValue, config);
    }

    /** Stops every task of the service and forgets it; the problems, if any, leave it in place. */
    public List<String> delete(String serviceArn) {
        MapValue prior = new MapValue(Map.of(ServiceSchema.ARN, Value.of(serviceArn)));
        ApplyResponse r = fargate.delete(prior);
        if (r.newState() == null) {
            ec2.forget(serviceArn);
            return List.of();
        }
        List<String> out = new ArrayList<>();
        r.diagnostics().forEach(d -> out.add(d.summary()));
        return out;
    }

    /** The service as the engines run it now; throws {@link RuntimeFailure} when an engine does not answer. */
    ServiceState.Observed observe(ContainerRuntime rt, String serviceArn) {
        return fargate.observe(rt, serviceArn);
    }

    private static MapValue config(Spec s) {
        Map<String, Value> m = new HashMap<>();
        m.put(ServiceSchema.NAME, Value.of(s.name()));
        m.put(ServiceSchema.CLUSTER, Value.of(s.clusterArn()));
        m.put(ServiceSchema.TASK_DEFINITION, Value.of(s.taskDefinition()));
        m.put(ServiceSchema.DESIRED_COUNT, Value.of(s.desiredCount()));
        m.put(ServiceSchema.LAUNCH_TYPE, Value.of(s.launchType()));
        m.put(Ec2ServiceSchema.MIN_HEALTHY, Value.of(s.minimumHealthyPercent()));
        m.put(Ec2ServiceSchema.MAX_PERCENT, Value.of(s.maximumPercent()));
        m.put(Ec2ServiceSchema.FORCE_NEW_DEPLOYMENT, Value.of(s.replaceRunning()));
        m.put(Ec2ServiceSchema.STRATEGY, Value.list(pairs(s.strategies(), Ec2ServiceSchema.S_TYPE, Ec2ServiceSchema.S_FIELD)));
        m.put(Ec2ServiceSchema.CONSTRAINTS, Value.list(pairs(s.constraints(), Ec2ServiceSchema.C_TYPE,
                Ec2ServiceSchema.C_EXPRESSION)));
        m.put(Ec2ServiceSchema.CIRCUIT_BREAKER, Value.list(List.of(new MapValue(Map.of(Ec2ServiceSchema.B_ENABLE,
                Value.of(s.breakerEnable()), Ec2ServiceSchema.B_ROLLBACK, Value.of(s.breakerRollback()))))));
        return new MapValue(m);
    }

    private static List<Value> pairs(List<List<String>> pairs, String first, String second) {
        List<Value> out = new ArrayList<>();
        for (List<String> p : pairs) {
            Map<String, Value> m = new HashMap<>();
            m.put(first, Value.of(p.get(0)));
            m.put(second, p.size() < 2 || p.get(1) == null ? Value.nil() : Value.of(p.get(1)));
            out.add(new MapValue(m));
        }
        return out;
    }

    private static String clusterName(String clusterArn) {
        return dev.berth.ecs.arn.EcsArn.clusterName(clusterArn).orElse(clusterArn);
    }
}
