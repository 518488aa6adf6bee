package dev.berth.ecs.api;

import dev.berth.ecs.api.Shapes.DeploymentConfiguration;
import dev.berth.ecs.api.Shapes.Failure;
import dev.berth.ecs.api.Shapes.PlacementConstraint;
import dev.berth.ecs.api.Shapes.PlacementStrategy;
import dev.berth.ecs.api.Shapes.Tag;
import dev.berth.ecs.api.TaskDefinitionCalls.RegisterTaskDefinitionRequest;

import java.time.Instant;
import java.util.List;

/**
 * ECS's service actions. A service is named by its name or ARN within a cluster (the cluster
 * defaults to "default", as in ECS). The control plane keeps services at their desired count.
 * A create or update returns with its deployment PRIMARY: IN_PROGRESS while it rolls out behind
 * the call (berth server), or already COMPLETED or FAILED when the control plane runs in the
 * caller's process and deploys inside the call; callers that need the outcome wait for the
 * rollout through DescribeServices either way.
 *
 * <p>berth's additions, which AWS clients never send and ignore in answers: {@code dryRun} on
 * CreateService and UpdateService (as EC2's DryRun: nothing is recorded or started; the answer
 * carries {@link PlacementPreview}, where the deployment's tasks would go or why they cannot),
 * with {@code plannedTaskDefinition} for a revision about to be registered; and on a service,
 * {@code orphanedContainers} and {@code engineFailure}, which drift detection reads.
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
                   String createdBy, List<String> orphanedContainers, String engineFailure) {
        /**
         * {@code orphanedContainers} (berth): names of containers labelled for this service that
         * no task of it knows; {@code engineFailure} (berth): why an engine running its tasks
         * could not be asked, when one could not (its counts are then as last recorded).
         */
        public Service(String serviceArn, String serviceName, String clusterArn, String status, Integer desiredCount,
                       Integer runningCount, Integer pendingCount, String launchType, String taskDefinition,
                       DeploymentConfiguration deploymentConfiguration, List<Deployment> deployments,
                       List<ServiceEvent> events, Instant createdAt, List<PlacementConstraint> placementConstraints,
                       List<PlacementStrategy> placementStrategy, String schedulingStrategy, List<Tag> tags,
                       String createdBy) {
            this(serviceArn, serviceName, clusterArn, status, desiredCount, runningCount, pendingCount, launchType,
                    taskDefinition, deploymentConfiguration, deployments, events, createdAt, placementConstraints,
                    placementStrategy, schedulingStrategy, tags, createdBy, null, null);
        }
    }

    /**
     * berth's answer to a dry run: the lines a plan prints about where the deployment's tasks go
     * ({@code notes}), or ECS's sentence for why they cannot ({@code failure}, with
     * {@code failureDetail}); {@code clusterFingerprint} names the cluster's state the preview
     * was made from, so a later dry run can tell whether it changed.
     */
    record PlacementPreview(List<String> notes, String failure, String failureDetail, String clusterFingerprint) {
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
                                List<Tag> tags, Boolean dryRun, RegisterTaskDefinitionRequest plannedTaskDefinition) {
        public CreateServiceRequest(String cluster, String serviceName, String taskDefinition, Integer desiredCount,
                                    String clientToken, String launchType,
                                    DeploymentConfiguration deploymentConfiguration,
                                    List<PlacementConstraint> placementConstraints,
                                    List<PlacementStrategy> placementStrategy, String schedulingStrategy,
                                    List<Tag> tags) {
            this(cluster, serviceName, taskDefinition, desiredCount, clientToken, launchType, deploymentConfiguration,
                    placementConstraints, placementStrategy, schedulingStrategy, tags, null, null);
        }
    }

    /** {@code service} is null and {@code placementPreview} set for a dry run. */
    record CreateServiceResponse(Service service, PlacementPreview placementPreview) {
        public CreateServiceResponse(Service service) {
            this(service, null);
        }
    }

    /** Null fields are left as they are. */
    record UpdateServiceRequest(String cluster, String service, Integer desiredCount, String taskDefinition,
                                DeploymentConfiguration deploymentConfiguration,
                                List<PlacementConstraint> placementConstraints,
                                List<PlacementStrategy> placementStrategy, Boolean forceNewDeployment,
                                Boolean dryRun, RegisterTaskDefinitionRequest plannedTaskDefinition) {
        public UpdateServiceRequest(String cluster, String service, Integer desiredCount, String taskDefinition,
                                    DeploymentConfiguration deploymentConfiguration,
                                    List<PlacementConstraint> placementConstraints,
                                    List<PlacementStrategy> placementStrategy, Boolean forceNewDeployment) {
            this(cluster, service, desiredCount, taskDefinition, deploymentConfiguration, placementConstraints,
                    placementStrategy, forceNewDeployment, null, null);
        }
    }

    /** {@code service} is null and {@code placementPreview} set for a dry run. */
    record UpdateServiceResponse(Service service, PlacementPreview placementPreview) {
        public UpdateServiceResponse(Service service) {
            this(service, null);
        }
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
