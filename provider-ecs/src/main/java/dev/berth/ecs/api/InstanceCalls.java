package dev.berth.ecs.api;

import dev.berth.ecs.api.Shapes.Attribute;
import dev.berth.ecs.api.Shapes.Failure;
import dev.berth.ecs.api.Shapes.Resource;
import dev.berth.ecs.api.Shapes.Tag;
import dev.berth.ecs.api.Shapes.VersionInfo;

import java.time.Instant;
import java.util.List;

/**
 * ECS's container instance actions. A container instance is a Docker engine registered into one
 * cluster, as an EC2 instance's agent registers it; named by ARN or id.
 *
 * <p>{@code dockerHost} is berth's one addition to ECS's shapes: the engine the instance runs
 * tasks on ({@code unix:///...} or {@code tcp://...}; absent: the engine beside the control
 * plane). AWS clients ignore the field; berth's own callers set it. So is {@code dockerTls} of a
 * registration: the PEM text for mutual TLS with a {@code tcp://} engine, which is never
 * described back.
 */
public interface InstanceCalls {
    RegisterContainerInstanceResponse registerContainerInstance(RegisterContainerInstanceRequest request);

    DeregisterContainerInstanceResponse deregisterContainerInstance(DeregisterContainerInstanceRequest request);

    ListContainerInstancesResponse listContainerInstances(ListContainerInstancesRequest request);

    DescribeContainerInstancesResponse describeContainerInstances(DescribeContainerInstancesRequest request);

    UpdateContainerInstancesStateResponse updateContainerInstancesState(UpdateContainerInstancesStateRequest request);

    /** {@code status} ACTIVE, DRAINING or (once deregistered) INACTIVE. */
    record ContainerInstance(String containerInstanceArn, String ec2InstanceId, String status, String statusReason,
                             Boolean agentConnected, Integer runningTasksCount, Integer pendingTasksCount,
                             List<Resource> registeredResources, List<Resource> remainingResources,
                             List<Attribute> attributes, Instant registeredAt, VersionInfo versionInfo,
                             List<Tag> tags, Long version, String dockerHost) {
    }

    /**
     * {@code totalResources} CPU (units) and MEMORY (MiB); absent, what the engine reports.
     * {@code containerInstanceArn} re-registers an existing instance (its tasks stay).
     */
    record RegisterContainerInstanceRequest(String cluster, List<Resource> totalResources, VersionInfo versionInfo,
                                            String containerInstanceArn, List<Attribute> attributes,
                                            List<Tag> tags, String dockerHost, String clientToken,
                                            dev.berth.ecs.tls.TlsMaterial dockerTls) {
        public RegisterContainerInstanceRequest(String cluster, List<Resource> totalResources, VersionInfo versionInfo,
                                                String containerInstanceArn, List<Attribute> attributes,
                                                List<Tag> tags, String dockerHost, String clientToken) {
            this(cluster, totalResources, versionInfo, containerInstanceArn, attributes, tags, dockerHost, clientToken,
                    null);
        }

        @Override
        public String toString() {
            return "RegisterContainerInstanceRequest[cluster=" + cluster + ", dockerHost=" + dockerHost
                    + (dockerTls == null ? "" : ", dockerTls=(hidden)") + "]";
        }
    }

    record RegisterContainerInstanceResponse(ContainerInstance containerInstance) {
    }

    /** Without {@code force} an instance still running tasks cannot be deregistered. */
    record DeregisterContainerInstanceRequest(String cluster, String containerInstance, Boolean force) {
    }

    record DeregisterContainerInstanceResponse(ContainerInstance containerInstance) {
    }

    /** {@code status} ACTIVE, DRAINING, REGISTERING, DEREGISTERING or REGISTRATION_FAILED; {@code filter} a cluster query. */
    record ListContainerInstancesRequest(String cluster, String filter, String nextToken, Integer maxResults,
                                         String status) {
    }

    record ListContainerInstancesResponse(List<String> containerInstanceArns, String nextToken) {
    }

    record DescribeContainerInstancesRequest(String cluster, List<String> containerInstances, List<String> include) {
    }

    record DescribeContainerInstancesResponse(List<ContainerInstance> containerInstances, List<Failure> failures) {
    }

    /** {@code status} ACTIVE or DRAINING; draining moves service tasks elsewhere. */
    record UpdateContainerInstancesStateRequest(String cluster, List<String> containerInstances, String status) {
    }

    record UpdateContainerInstancesStateResponse(List<ContainerInstance> containerInstances, List<Failure> failures) {
    }
}
