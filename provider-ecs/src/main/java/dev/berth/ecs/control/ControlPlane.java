package dev.berth.ecs.control;

import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.TaskDefinitionBatch;
import dev.berth.ecs.instance.Drainer;
import dev.berth.ecs.instance.EngineFleet;
import dev.berth.ecs.runtime.ContainerRuntime;
import dev.berth.ecs.service.Deployer;
import dev.berth.ecs.store.EcsStore;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * The ECS control plane in this process: ECS's actions over the control plane's store and the
 * Docker engines its container instances name. Each family of actions lives in its own class;
 * this one only routes, so the interface's three callers (HCL resources, {@code berth ecs},
 * {@code berth server}) meet one object.
 */
public final class ControlPlane implements EcsApi, TaskDefinitionBatch {
    private final ClusterActions clusters;
    private final TaskDefinitionActions taskDefinitions;
    private final ServiceActions services;
    private final TaskActions tasks;
    private final InstanceActions instances;
    private final TagActions tags;

    /** {@code runtimes} reaches a container instance's engine by its docker host (null: the local engine). */
    public ControlPlane(EcsStore store, Function<String, ContainerRuntime> runtimes) {
        this(store, runtimes, Rollouts.inline());
    }

    /** {@code rollouts}: whether CreateService and UpdateService deploy inside the call or behind it. */
    public ControlPlane(EcsStore store, Function<String, ContainerRuntime> runtimes, Rollouts rollouts) {
        this(store, runtimes, ServiceWiring.deployer(store, runtimes), rollouts);
    }

    private ControlPlane(EcsStore store, Function<String, ContainerRuntime> runtimes, Deployer deployer,
                         Rollouts rollouts) {
        this(store, runtimes, deployer, deployer, ReadScope.none(), rollouts, Clock.systemUTC());
    }

    ControlPlane(EcsStore store, Function<String, ContainerRuntime> runtimes, Clock clock) {
        this(store, runtimes, ServiceWiring.deployer(store, runtimes), ReadScope.none(), clock);
    }

    /** For tests of instance actions: {@code drainer} stands in for the services' scheduler. */
    ControlPlane(EcsStore store, Function<String, ContainerRuntime> runtimes, Drainer drainer, Clock clock) {
        this(store, runtimes, ServiceWiring.deployer(store, runtimes), drainer, ReadScope.none(), Rollouts.inline(),
                clock);
    }

    /**
     * {@code deployer} is the service deployment path, shared with the HCL resources of the same
     * provider; it is also what moves service tasks off an instance turned DRAINING. Within
     * {@code reads}' scope, service and task describes come from the engine listing that deployer
     * shares with one command's reads (a provider lives for one command), not from a listing per call.
     * {@code clock} decides when stopped tasks, deleted services and clusters and deregistered
     * instances are forgotten.
     */
    public ControlPlane(EcsStore store, Function<String, ContainerRuntime> runtimes, Deployer deployer,
                        ReadScope reads, Clock clock) {
        this(store, runtimes, deployer, deployer, reads, Rollouts.inline(), clock);
    }

    private ControlPlane(EcsStore store, Function<String, ContainerRuntime> runtimes, Deployer deployer,
                         Drainer drainer, ReadScope sharedListing, Rollouts rollouts, Clock clock) {
        World world = new World(store, clock);
        EngineFleet fleet = new EngineFleet(store, runtimes);
        ClusterFacts clusterFacts = new ClusterFacts(world, () -> fleet);
        Heartbeats heartbeats = new Heartbeats(world, runtimes, clock);
        this.clusters = new ClusterActions(world, () -> fleet);
        this.taskDefinitions = new TaskDefinitionActions(world);
        this.services = new ServiceActions(store, deployer, sharedListing, rollouts, clock);
        this.tasks = new TaskActions(store, runtimes, deployer, sharedListing, clock);
        this.instances = new InstanceActions(world, clusterFacts, heartbeats, drainer,
                new InstanceRegistration(world, clusterFacts, runtimes, heartbeats, drainer));
        this.tags = new TagActions(world);
    }

    /**
     * Rolls out the service's PRIMARY deployment with the one deployment path: the work of the
     * service loop when deployments run behind the call (see {@link Rollouts}). Not an ECS action.
     */
    public void rollOut(String serviceArn) {
        services.rollOut(serviceArn);
    }

    @Override
    public CreateClusterResponse createCluster(CreateClusterRequest request) {
        return clusters.createCluster(request);
    }

    @Override
    public DescribeClustersResponse describeClusters(DescribeClustersRequest request) {
        return clusters.describeClusters(request);
    }

    @Override
    public ListClustersResponse listClusters(ListClustersRequest request) {
        return clusters.listClusters(request);
    }

    @Override
    public DeleteClusterResponse deleteCluster(DeleteClusterRequest request) {
        return clusters.deleteCluster(request);
    }

    @Override
    public RegisterTaskDefinitionResponse registerTaskDefinition(RegisterTaskDefinitionRequest request) {
        return taskDefinitions.registerTaskDefinition(request);
    }

    @Override
    public DescribeTaskDefinitionResponse describeTaskDefinition(DescribeTaskDefinitionRequest request) {
        return taskDefinitions.describeTaskDefinition(request);
    }

    /** Many DescribeTaskDefinition calls with tags in one read of the store (not an ECS action). */
    @Override
    public List<DescribeTaskDefinitionResponse> describeTaskDefinitions(List<String> refs) {
        return taskDefinitions.describeTaskDefinitions(refs);
    }

    @Override
    public ListTaskDefinitionsResponse listTaskDefinitions(ListTaskDefinitionsRequest request) {
        return taskDefinitions.listTaskDefinitions(request);
    }

    @Override
    public ListTaskDefinitionFamiliesResponse listTaskDefinitionFamilies(ListTaskDefinitionFamiliesRequest request) {
        return taskDefinitions.listTaskDefinitionFamilies(request);
    }

    @Override
    public DeregisterTaskDefinitionResponse deregisterTaskDefinition(DeregisterTaskDefinitionRequest request) {
        return taskDefinitions.deregisterTaskDefinition(request);
    }

    @Override
    public CreateServiceResponse createService(CreateServiceRequest request) {
        return services.createService(request);
    }

    @Override
    public UpdateServiceResponse updateService(UpdateServiceRequest request) {
        return services.updateService(request);
    }

    @Override
    public DescribeServicesResponse describeServices(DescribeServicesRequest request) {
        return services.describeServices(request);
    }

    @Override
    public ListServicesResponse listServices(ListServicesRequest request) {
        return services.listServices(request);
    }

    @Override
    public DeleteServiceResponse deleteService(DeleteServiceRequest request) {
        return services.deleteService(request);
    }

    @Override
    public RunTaskResponse runTask(RunTaskRequest request) {
        return tasks.runTask(request);
    }

    @Override
    public StartTaskResponse startTask(StartTaskRequest request) {
        return tasks.startTask(request);
    }

    @Override
    public StopTaskResponse stopTask(StopTaskRequest request) {
        return tasks.stopTask(request);
    }

    @Override
    public ListTasksResponse listTasks(ListTasksRequest request) {
        return tasks.listTasks(request);
    }

    @Override
    public DescribeTasksResponse describeTasks(DescribeTasksRequest request) {
        return tasks.describeTasks(request);
    }

    @Override
    public RegisterContainerInstanceResponse registerContainerInstance(RegisterContainerInstanceRequest request) {
        return instances.registerContainerInstance(request);
    }

    @Override
    public DeregisterContainerInstanceResponse deregisterContainerInstance(DeregisterContainerInstanceRequest request) {
        return instances.deregisterContainerInstance(request);
    }

    @Override
    public ListContainerInstancesResponse listContainerInstances(ListContainerInstancesRequest request) {
        return instances.listContainerInstances(request);
    }

    @Override
    public DescribeContainerInstancesResponse describeContainerInstances(DescribeContainerInstancesRequest request) {
        return instances.describeContainerInstances(request);
    }

    @Override
    public UpdateContainerInstancesStateResponse updateContainerInstancesState(UpdateContainerInstancesStateRequest request) {
        return instances.updateContainerInstancesState(request);
    }

    @Override
    public TagResourceResponse tagResource(TagResourceRequest request) {
        return tags.tagResource(request);
    }

    @Override
    public UntagResourceResponse untagResource(UntagResourceRequest request) {
        return tags.untagResource(request);
    }

    @Override
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
        return tags.listTagsForResource(request);
    }
}
