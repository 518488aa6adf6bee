package dev.berth.ecs.store;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A row of the {@code tasks} table, keyed by task ARN. {@code seq} orders tasks by start (the
 * newest stops first when scaling in); {@code endpoints} maps "container:port/protocol" to
 * "127.0.0.1:hostPort". {@code status} is ECS's last status (PROVISIONING, PENDING, RUNNING,
 * STOPPED); a STOPPED row says why in {@code stopCode} (ECS's codes) and {@code stoppedReason}.
 * Rows written before stop codes existed read back with a null code. {@code startedBy} is ECS's
 * startedBy (the service's deployment for service tasks, the caller's text for run-task),
 * {@code group} the task group ("service:NAME", "family:NAME" or the caller's), {@code launchType}
 * FARGATE or EC2; rows written before these existed read back with nulls.
 */
public record TaskRow(String taskArn, String serviceArn, String clusterArn, String taskDefinitionArn, String status,
                      long seq, String startedAt, String stoppedAt, String stoppedReason,
                      List<TaskContainer> containers, Map<String, String> endpoints, String stopCode,
                      String startedBy, String group, String launchType) {
    public static final String TABLE = "tasks";
    public static final String PROVISIONING = "PROVISIONING", PENDING = "PENDING", RUNNING = "RUNNING",
            STOPPED = "STOPPED";
    /** ECS's stop codes. */
    public static final String TASK_FAILED_TO_START = "TaskFailedToStart",
            ESSENTIAL_CONTAINER_EXITED = "EssentialContainerExited", USER_INITIATED = "UserInitiated",
            SERVICE_SCHEDULER_INITIATED = "ServiceSchedulerInitiated";
    public static final String ESSENTIAL_EXITED_REASON = "Essential container in task exited";
    public static final String HEALTH_CHECK_REASON = "Task failed container health checks";

    public TaskRow {
        containers = containers == null ? List.of() : List.copyOf(containers);
        endpoints = endpoints == null ? Map.of() : new TreeMap<>(endpoints);
    }

    public TaskRow(String taskArn, String serviceArn, String clusterArn, String taskDefinitionArn, String status,
                   long seq, String startedAt, String stoppedAt, String stoppedReason,
                   List<TaskContainer> containers, Map<String, String> endpoints) {
        this(taskArn, serviceArn, clusterArn, taskDefinitionArn, status, seq, startedAt, stoppedAt, stoppedReason,
                containers, endpoints, null, null, null, null);
    }

    /**
     * One container of a started task; essential ones decide whether the task still runs.
     * {@code restarts} counts the starts in place its restart policy made, the last at
     * {@code restartedAt} (null: never), so such a start is not mistaken for drift.
     * {@code launchedImage} is the reference the container was created by (a digest its
     * deployment resolved, or the tag; null in rows written before) and {@code imageDigest} the
     * {@code sha256:...} that reference named then. Once the task stopped, {@code exitCode} and
     * {@code reason} say how the container ended (null: not known), for one-off and service tasks
     * alike, since the container itself is removed.
     */
    public record TaskContainer(String name, String containerId, boolean essential, int restarts,
                                String restartedAt, String launchedImage, String imageDigest, Integer exitCode,
                                String reason) {
        public TaskContainer(String name, String containerId, boolean essential) {
            this(name, containerId, essential, 0, null, null, null);
        }

        public TaskContainer(String name, String containerId, boolean essential, String launchedImage,
                             String imageDigest) {
            this(name, containerId, essential, 0, null, launchedImage, imageDigest);
        }

        public TaskContainer(String name, String containerId, boolean essential, int restarts, String restartedAt,
                             String launchedImage, String imageDigest) {
            this(name, containerId, essential, restarts, restartedAt, launchedImage, imageDigest, null, null);
        }

        public TaskContainer restarted(String at) {
            return new TaskContainer(name, containerId, essential, restarts + 1, at, launchedImage, imageDigest,
                    exitCode, reason);
        }

        TaskContainer ended(Exit exit) {
            return new TaskContainer(name, containerId, essential, restarts, restartedAt, launchedImage, imageDigest,
                    exit.exitCode(), exit.reason());
        }
    }

    /** How one container ended: Docker's exit code and ECS's reason (either null when not known). */
    public record Exit(Integer exitCode, String reason) {
    }

    /**
     * The same task with how its containers ended, by name. A name the row has no container for
     * (a task whose start failed records none) is added without a container id.
     */
    public TaskRow withExits(Map<String, Exit> exits) {
        List<TaskContainer> now = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (TaskContainer c : containers) {
            seen.add(c.name());
            Exit e = exits.get(c.name());
            now.add(e == null ? c : c.ended(e));
        }
        new TreeMap<>(exits).forEach((name, e) -> {
            if (!seen.contains(name)) now.add(new TaskContainer(name, null, false).ended(e));
        });
        return new TaskRow(taskArn, serviceArn, clusterArn, taskDefinitionArn, status, seq, startedAt, stoppedAt,
                stoppedReason, now, endpoints, stopCode, startedBy, group, launchType);
    }

    /** The recorded end of container {@code name}; null when none is recorded. */
    public Exit exit(String name) {
        return containers.stream().filter(c -> c.name().equals(name) && (c.exitCode() != null || c.reason() != null))
                .findFirst().map(c -> new Exit(c.exitCode(), c.reason())).orElse(null);
    }

    /** The same task after its restart policy started container {@code name} again in place. */
    public TaskRow withRestart(String name, String at) {
        List<TaskContainer> now = containers.stream().map(c -> c.name().equals(name) ? c.restarted(at) : c).toList();
        return new TaskRow(taskArn, serviceArn, clusterArn, taskDefinitionArn, status, seq, startedAt, stoppedAt,
                stoppedReason, now, endpoints, stopCode, startedBy, group, launchType);
    }

    public boolean running() {
        return RUNNING.equals(status);
    }

    public boolean stoppedStatus() {
        return STOPPED.equals(status);
    }

    /** The same task at another stage of its start: PROVISIONING, PENDING or RUNNING. */
    public TaskRow withStatus(String now) {
        return new TaskRow(taskArn, serviceArn, clusterArn, taskDefinitionArn, now, seq, startedAt, stoppedAt,
                stoppedReason, containers, endpoints, stopCode, startedBy, group, launchType);
    }

    /** Stopped by the scheduler (a deployment, scaling in) unless a reason says otherwise. */
    public TaskRow stopped(String at, String reason) {
        String code = ESSENTIAL_EXITED_REASON.equals(reason) ? ESSENTIAL_CONTAINER_EXITED : SERVICE_SCHEDULER_INITIATED;
        return stopped(at, code, reason);
    }

    public TaskRow stopped(String at, String code, String reason) {
        return new TaskRow(taskArn, serviceArn, clusterArn, taskDefinitionArn, STOPPED, seq, startedAt, at, reason,
                containers, endpoints, code, startedBy, group, launchType);
    }

    /** The essential flag of a container of this task by name; null when the task has no such container. */
    public Boolean essential(String containerName) {
        return containers.stream().filter(c -> c.name().equals(containerName)).findFirst()
                .map(TaskContainer::essential).orElse(null);
    }
}
