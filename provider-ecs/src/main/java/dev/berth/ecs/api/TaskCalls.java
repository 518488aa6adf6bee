package dev.berth.ecs.api;

import dev.berth.ecs.api.Shapes.Failure;
import dev.berth.ecs.api.Shapes.NetworkBinding;
import dev.berth.ecs.api.Shapes.PlacementConstraint;
import dev.berth.ecs.api.Shapes.PlacementStrategy;
import dev.berth.ecs.api.Shapes.Tag;
import dev.berth.ecs.api.Shapes.TaskOverride;

import java.time.Instant;
import java.util.List;

/**
 * ECS's task actions: one-off tasks (run, start, stop) and the tasks of services alike. A task is
 * named by its ARN or its id (the last part of the ARN) within a cluster.
 */
public interface TaskCalls {
    RunTaskResponse runTask(RunTaskRequest request);

    StartTaskResponse startTask(StartTaskRequest request);

    StopTaskResponse stopTask(StopTaskRequest request);

    ListTasksResponse listTasks(ListTasksRequest request);

    DescribeTasksResponse describeTasks(DescribeTasksRequest request);

    /**
     * A task as ECS describes it. {@code lastStatus} PROVISIONING, PENDING, RUNNING, STOPPED;
     * {@code desiredStatus} RUNNING or STOPPED; a stopped task says why in {@code stopCode}
     * (TaskFailedToStart, EssentialContainerExited, UserInitiated, ServiceSchedulerInitiated)
     * and {@code stoppedReason}. {@code group} is "service:NAME" or "family:FAMILY" as in ECS.
     *
     * <p>berth's additions (AWS clients ignore them): {@code startOrder}, the order tasks were
     * started in across the control plane; {@code recordedStatus}, the status the control plane
     * has recorded (a service's task stays RUNNING there until its service replaces it, even
     * while the engine shows it STOPPED).
     */
    record Task(String taskArn, String clusterArn, String taskDefinitionArn, String containerInstanceArn,
                List<Container> containers, String lastStatus, String desiredStatus, String launchType,
                String cpu, String memory, String group, String startedBy, String availabilityZone,
                Instant createdAt, Instant startedAt, Instant stoppingAt, Instant stoppedAt, String stopCode,
                String stoppedReason, String healthStatus, TaskOverride overrides, List<Tag> tags, Long version,
                Long startOrder, String recordedStatus) {
    }

    /**
     * One container of a task; {@code runtimeId} is the Docker container id. {@code docker} is
     * berth's addition for drift detection: what the engine runs for a service task's container,
     * in its task definition's terms (absent for one-off tasks and when the engine was not asked).
     */
    record Container(String containerArn, String taskArn, String name, String image, String imageDigest,
                     String runtimeId,
                     String lastStatus, Integer exitCode, String reason, List<NetworkBinding> networkBindings,
                     String healthStatus, String cpu, String memory, String memoryReservation,
                     DockerContainer docker) {
    }

    /**
     * berth: a container as its engine runs it, compared with its task definition to find drift.
     * {@code cpuShares} and memory in MiB as enforced (null: not limited); {@code environment}
     * only the variables the definition sets; {@code ports} "80/tcp", or "80/tcp->8080" where the
     * definition fixes the host port; {@code state} Docker's ("running", "exited") or "removed";
     * {@code restarts} starts since the task was recorded.
     */
    record DockerContainer(String image, Integer cpuShares, Integer memory, Integer memoryReservation,
                           java.util.Map<String, String> environment, List<String> ports, String state,
                           Integer restarts) {
    }

    /** {@code count} 1 to 10. */
    record RunTaskRequest(String cluster, String taskDefinition, Integer count, String launchType, String group,
                          List<PlacementConstraint> placementConstraints, List<PlacementStrategy> placementStrategy,
                          String startedBy, TaskOverride overrides, List<Tag> tags, String clientToken) {
    }

    /** The tasks that started and, for those that could not be placed, ECS's reasons (RESOURCE:MEMORY, ...). */
    record RunTaskResponse(List<Task> tasks, List<Failure> failures) {
    }

    /** Places one task on each named container instance (at most 10), if it fits there. */
    record StartTaskRequest(String cluster, List<String> containerInstances, String taskDefinition, String group,
                            String startedBy, TaskOverride overrides, List<Tag> tags) {
    }

    record StartTaskResponse(List<Task> tasks, List<Failure> failures) {
    }

    /** The stop is recorded with stopCode UserInitiated and the reason given. */
    record StopTaskRequest(String cluster, String task, String reason) {
    }

    record StopTaskResponse(Task task) {
    }

    /** {@code desiredStatus} RUNNING (default) or STOPPED. */
    record ListTasksRequest(String cluster, String containerInstance, String family, String nextToken,
                            Integer maxResults, String startedBy, String serviceName, String desiredStatus,
                            String launchType) {
    }

    record ListTasksResponse(List<String> taskArns, String nextToken) {
    }

    record DescribeTasksRequest(String cluster, List<String> tasks, List<String> include) {
    }

    record DescribeTasksResponse(List<Task> tasks, List<Failure> failures) {
    }
}
