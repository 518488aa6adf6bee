package dev.berth.ecs.api;

/**
 * The ECS control plane as one interface: ECS's API actions, each taking one request record and
 * returning one response record in ECS's shapes. Failures are {@link EcsException}s carrying
 * ECS's error names. Three callers use it and nothing else: the HCL provider's resources and
 * data sources, {@code berth ecs ...}, and {@code berth server} (the AWS CLI and SDKs); two
 * implementations serve it: the control plane in this process, and a client of a {@code berth
 * server} ({@code provider "ecs" { endpoint = ... }}).
 *
 * <p>Every action's name is its method's name capitalised (CreateCluster is
 * {@link #createCluster}), which is how the JSON protocol's {@code X-Amz-Target} maps onto it.
 */
public interface EcsApi extends ClusterCalls, TaskDefinitionCalls, ServiceCalls, TaskCalls, InstanceCalls, TagCalls {
}
