package dev.berth.ecs;

import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.cluster.ClusterResource;
import dev.berth.ecs.control.ControlPlane;
import dev.berth.ecs.cost.EcsCosts;
import dev.berth.ecs.cost.PriceBook;
import dev.berth.ecs.cost.TaskDefinitionSizes;
import dev.berth.ecs.control.ReadScope;
import dev.berth.ecs.data.DataSources;
import dev.berth.ecs.data.EcsDataSource;
import dev.berth.ecs.instance.ContainerInstanceResource;
import dev.berth.ecs.instance.EngineFleet;
import dev.berth.ecs.placement.FargateCapacity;
import dev.berth.ecs.schema.ContainerInstanceSchema;
import dev.berth.ecs.resource.EcsResource;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.schema.ClusterSchema;
import dev.berth.ecs.schema.ServiceSchema;
import dev.berth.ecs.schema.TaskDefinitionSchema;
import dev.berth.ecs.secret.SecretResolver;
import dev.berth.ecs.service.ServiceResource;
import dev.berth.ecs.service.Deployer;
import dev.berth.ecs.service.TaskPool;
import dev.berth.ecs.store.ClientTokens;
import dev.berth.ecs.taskdef.TaskDefinitionResource;
import dev.berth.engine.provider.CostRequests.CostRequest;
import dev.berth.engine.provider.CostRequests.CostResponse;
import dev.berth.engine.provider.ImplicitOrder;
import dev.berth.engine.provider.Provider;
import dev.berth.engine.provider.ProviderDiagnostic;
import dev.berth.engine.provider.ProviderRequests.ApplyRequest;
import dev.berth.engine.provider.ProviderRequests.ApplyResponse;
import dev.berth.engine.provider.ProviderRequests.FindRequest;
import dev.berth.engine.provider.ProviderRequests.FindResponse;
import dev.berth.engine.provider.ProviderRequests.ImportRequest;
import dev.berth.engine.provider.ProviderRequests.ImportResponse;
import dev.berth.engine.provider.ProviderRequests.PlanRequest;
import dev.berth.engine.provider.ProviderRequests.PlanResponse;
import dev.berth.engine.provider.ProviderRequests.ReadDataSourceRequest;
import dev.berth.engine.provider.ProviderRequests.ReadDataSourceResponse;
import dev.berth.engine.provider.ProviderRequests.ReadRequest;
import dev.berth.engine.provider.ProviderRequests.ReadResponse;
import dev.berth.engine.provider.ProviderRequests.ValidateRequest;
import dev.berth.engine.provider.ProviderRequests.ValidateResponse;
import dev.berth.ecs.store.EcsStore;
import dev.berth.engine.provider.ResourceSchema;
import dev.berth.engine.value.MapValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * The {@code ecs} provider: Amazon ECS's clusters, task definitions and services on Docker
 * engines. FARGATE tasks run on the local default engine ({@code runtimes.apply(null)}); EC2 tasks
 * on the engine of the container instance they are placed on.
 */
public final class EcsProvider implements Provider {
    private final Map<String, EcsResource> resources = new LinkedHashMap<>();
    private final ExecutorService pool;
    private final ClientTokens tokens;
    private final EcsApi api;
    private final Map<String, EcsDataSource> dataSources = new LinkedHashMap<>();
    /** The in-process control plane's describes share one engine listing during this provider's reads. */
    private final ReadScope reads = new ReadScope();
    private final EcsCosts costs;

    public EcsProvider(EcsStore store, Function<String, ContainerRuntime> runtimes) {
        this(store, runtimes, FargateCapacity.quotaFromEnvironment());
    }

    /**
     * {@code fargateVcpuQuota}: the account's Fargate On-Demand vCPU quota; null means what the
     * local engine can hold (its CPUs).
     */
    public EcsProvider(EcsStore store, Function<String, ContainerRuntime> runtimes, Integer fargateVcpuQuota) {
        this(store, runtimes, fargateVcpuQuota, SecretResolver.NONE);
    }

    /**
     * {@code secrets}: the user's secret store, which plans check containers' secrets against (the
     * engines in {@code runtimes} read the values from it when they create containers).
     */
    public EcsProvider(EcsStore store, Function<String, ContainerRuntime> runtimes, Integer fargateVcpuQuota,
                       SecretResolver secrets) {
        this(store, runtimes, fargateVcpuQuota, secrets, PriceBook.builtIn());
    }

    /** {@code prices}: what plans are priced with ({@code provider "ecs" { prices }}, else the built-in list). */
    public EcsProvider(EcsStore store, Function<String, ContainerRuntime> runtimes, Integer fargateVcpuQuota,
                       SecretResolver secrets, PriceBook prices) {
        this.tokens = new ClientTokens(store);
        // Task starts and stops of every apply of this provider share one pool.
        this.pool = TaskPool.create("ecs-tasks");
        // EC2 tasks run on their container instance's engine; the fleet lists and stops tasks on
        // every engine in use, so cluster and service code see them wherever they run.
        EngineFleet fleet = new EngineFleet(store, runtimes);
        FargateCapacity fargate = new FargateCapacity(fargateVcpuQuota, () -> runtimes.apply(null));
        Deployer deployer = new Deployer(store, () -> fleet, pool, runtimes, fargate);
        // The resources reach the world through the control plane, as terraform-provider-aws
        // reaches ECS; its reads share one engine listing per command (a provider lives for one).
        ControlPlane plane = new ControlPlane(store, runtimes, deployer, reads, java.time.Clock.systemUTC());
        this.api = plane;
        resources.put(ClusterSchema.TYPE, new ClusterResource(api));
        resources.put(ContainerInstanceSchema.TYPE, new ContainerInstanceResource(api,
                dev.berth.ecs.tls.TlsEngines.of(runtimes)::probe));
        resources.put(TaskDefinitionSchema.TYPE, new TaskDefinitionResource(api, secrets, plane));
        dataSources.putAll(DataSources.all(api));
        resources.put(ServiceSchema.TYPE, new ServiceResource(api));
        this.costs = new EcsCosts(prices, TaskDefinitionSizes.from(api));
    }

    /**
     * The provider as a client of a berth server ({@code provider "ecs" { endpoint }}): its
     * resources and data sources call {@code api}, nothing runs in this process, and adoption
     * after a crash is the server's create idempotency (client tokens) rather than a local find.
     */
    public static EcsProvider remote(EcsApi api, String endpoint) {
        return new EcsProvider(api, endpoint, PriceBook.builtIn());
    }

    /** As {@link #remote(EcsApi, String)}, pricing plans with {@code prices}. */
    public static EcsProvider remote(EcsApi api, String endpoint, PriceBook prices) {
        return new EcsProvider(api, endpoint, prices);
    }

    private EcsProvider(EcsApi api, String endpoint, PriceBook prices) {
        this.costs = new EcsCosts(prices, TaskDefinitionSizes.from(api));
        this.api = api;
        this.pool = null;
        this.tokens = null;
        resources.put(ClusterSchema.TYPE, new ClusterResource(api));
        resources.put(ContainerInstanceSchema.TYPE, new ContainerInstanceResource(api));
        resources.put(TaskDefinitionSchema.TYPE, new TaskDefinitionResource(api));
        dataSources.putAll(DataSources.all(api));
        resources.put(ServiceSchema.TYPE, new ServiceResource(api));
    }

    /** The control plane this provider's resources call. */
    public EcsApi api() {
        return api;
    }

    @Override
    public String name() {
        return "ecs";
    }

    @Override
    public Map<String, ResourceSchema> resourceSchemas() {
        Map<String, ResourceSchema> out = new LinkedHashMap<>();
        resources.forEach((type, r) -> out.put(type, r.schema()));
        return out;
    }

    @Override
    public Map<String, ResourceSchema> dataSourceSchemas() {
        Map<String, ResourceSchema> out = new LinkedHashMap<>();
        dataSources.forEach((type, d) -> out.put(type, d.schema()));
        return out;
    }

    @Override
    public ReadDataSourceResponse readDataSource(ReadDataSourceRequest request) {
        EcsDataSource d = dataSources.get(request.type());
        if (d == null) {
            return new ReadDataSourceResponse(null, List.of(ProviderDiagnostic.error("The ecs provider has no data "
                    + "source \"" + request.type() + "\".", null)));
        }
        return d.read(request.config());
    }

    @Override
    public ValidateResponse validate(ValidateRequest request) {
        EcsResource r = resources.get(request.type());
        return new ValidateResponse(r == null ? unknownType(request.type()) : r.validate(request.config()));
    }

    @Override
    public PlanResponse plan(PlanRequest request) {
        EcsResource r = resources.get(request.type());
        if (r == null) return new PlanResponse(null, unknownType(request.type()));
        return r.plan(request.prior(), request.config(), request.upstream());
    }

    @Override
    public ApplyResponse apply(ApplyRequest request) {
        EcsResource r = resources.get(request.type());
        if (r == null) return new ApplyResponse(request.prior(), unknownType(request.type()));
        return r.apply(request.prior(), request.planned(), request.config(), request.clientToken());
    }

    /** What a create with this client token made: the object as import shows it, if it still exists. */
    @Override
    public FindResponse find(FindRequest request) {
        EcsResource r = resources.get(request.type());
        if (r == null) return new FindResponse(null, unknownType(request.type()));
        if (tokens == null) return new FindResponse(null, List.of());
        java.util.Optional<String> id = tokens.find(request.type(), request.clientToken());
        if (id.isEmpty()) return new FindResponse(null, List.of());
        ImportResponse found = r.importState(id.get());
        // The token was recorded but the create died before the object existed: nothing to adopt.
        if (found.state() == null) {
            tokens.forget(id.get());
            return new FindResponse(null, List.of());
        }
        return new FindResponse(found.state(), found.diagnostics());
    }

    @Override
    public ReadResponse read(ReadRequest request) {
        EcsResource r = resources.get(request.type());
        if (r == null) return new ReadResponse(request.current(), unknownType(request.type()));
        // A refresh reads every resource, in parallel: one engine listing serves them all.
        return reads.shared(() -> r.read(request.current()));
    }

    /** Each type's objects in one call of its resource, which may read them all at once. */
    @Override
    public List<ReadResponse> readAll(List<ReadRequest> requests) {
        ReadResponse[] out = new ReadResponse[requests.size()];
        Map<String, List<Integer>> byType = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            byType.computeIfAbsent(requests.get(i).type(), t -> new java.util.ArrayList<>()).add(i);
        }
        byType.forEach((type, at) -> {
            EcsResource r = resources.get(type);
            List<ReadResponse> answers = r == null ? null
                    : reads.shared(() -> r.readAll(at.stream().map(i -> requests.get(i).current()).toList()));
            for (int k = 0; k < at.size(); k++) {
                int i = at.get(k);
                out[i] = r == null ? new ReadResponse(requests.get(i).current(), unknownType(type)) : answers.get(k);
            }
        });
        return java.util.Arrays.asList(out);
    }

    @Override
    public ImportResponse importState(ImportRequest request) {
        EcsResource r = resources.get(request.type());
        if (r == null) return new ImportResponse(null, unknownType(request.type()));
        return r.importState(request.id());
    }

    @Override
    public ImplicitOrder implicitOrder(String type, MapValue value) {
        return EcsOrdering.of(type, value);
    }

    /** FARGATE services and container instances, priced from the price list (see {@link EcsCosts}). */
    @Override
    public CostResponse estimateCost(CostRequest request) {
        return costs.estimate(request);
    }

    private static List<ProviderDiagnostic> unknownType(String type) {
        return List.of(ProviderDiagnostic.error("The ecs provider has no resource type \"" + type + "\".", null));
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
