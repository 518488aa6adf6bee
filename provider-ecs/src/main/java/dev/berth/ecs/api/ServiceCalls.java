package dev.berth.ecs.api;

import dev.berth.ecs.api.Shapes.DeploymentConfiguration;
import dev.berth.ecs.api.Shapes.Failure;
import dev.berth.ecs.api.Shapes.PlacementConstraint;
import dev.berth.ecs.api.Shapes.PlacementStrategy;
import dev.berth.ecs.api.Shapes.Tag;

import java.time.Instant;
import java.util.List;

/**
 * ECS's service actions. A service is named by its name or ARN within a cluster (the cluster
 * defaults to "default", as in ECS). The control plane keeps services at their desired count:
 * a create or update returns once its deployment has settled or failed (see the package notes).
 */
public interface ServiceCalls {
    CreateServiceResponse createService(CreateServiceRequest request);

    UpdateServiceResponse updateService(UpdateServiceRequest request);

    DescribeServicesResponse describeServices(DescribeServicesRequest request);

    ListServicesResponse listServices(ListServicesRequest request);

    DeleteServiceResponse deleteService(DeleteServiceRequest request);

    record Service(String serviceArn, String serviceName, String clusterArn, String status, Integer desiredCount,
                   Integer runningCount, Integer pendingCount, String launchType, String taskDefinition,
                   DeploymentConfiguration deploymentConfiguration, List<Deployment> deployments,
                   List<ServiceEvent> events, Instant createdAt, List<PlacementConstraint> placementConstraints,
                   List<PlacementStrategy> placementStrategy, String schedulingStrategy, List<Tag> tags,
                   String createdBy) {
    }

    /** PRIMARY (the one being rolled out) or ACTIVE (older ones still running); rolloutState IN_PROGRESS, COMPLETED, FAILED. */
    record Deployment(String id, String status, String taskDefinition, Integer desiredCount, Integer pendingCount,
                      Integer runningCount, Integer failedTasks, Instant createdAt, Instant updatedAt,
                      String launchType, String rolloutState, String rolloutStateReason) {
    }

    record ServiceEvent(String id, Instant createdAt, String message) {
    }

    record CreateServiceRequest(String cluster, String serviceName, String taskDefinition, Integer desiredCount,
                                String clientToken, String launchType,
                                DeploymentConfiguration deploymentConfiguration,
                                List<PlacementConstraint> placementConstraints,
                                List<PlacementStrategy> placementStrategy, String schedulingStrategy,
                                List<Tag> tags) {
    }

    record CreateServiceResponse(Service service) {
    }

    /** Null fields are left as they are. */
    record UpdateServiceRequest(String cluster, String service, Integer desiredCount, String taskDefinition,
                                DeploymentConfiguration deploymentConfiguration,
                                List<PlacementConstraint> placementConstraints,
                                List<PlacementStrategy> placementStrategy, Boolean forceNewDeployment) {
    }

    record UpdateServiceResponse(Service service) {
    }

    /** {@code include} may ask for TAGS. */
    record DescribeServicesRequest(String cluster, List<String> services, List<String> include) {
    }

    record DescribeServicesResponse(List<Service> services, List<Failure> failures) {
    }

    record ListServicesRequest(String cluster, String nextToken, Integer maxResults, String launchType,
                               String schedulingStrategy) {
    }

    record ListServicesResponse(List<String> serviceArns, String nextToken) {
    }

    /** Without {@code force} a service must be scaled to zero first, as in ECS. */
    record DeleteServiceRequest(String cluster, String service, Boolean force) {
    }

    /** The service, status DRAINING while its tasks stop, then INACTIVE. */
    record DeleteServiceResponse(Service service) {
    }
}
