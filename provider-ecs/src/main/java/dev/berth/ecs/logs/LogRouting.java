package dev.berth.ecs.logs;

import dev.berth.ecs.runtime.LogRoute;
import dev.berth.ecs.taskdef.LogConfiguration;
import dev.berth.ecs.taskdef.LogDrivers;

import java.util.Map;

/**
 * From a container's ECS {@code logConfiguration} to where its output goes on Docker, and the
 * names ECS gives what it keeps. One place decides both, so {@code berth logs} finds a stream
 * under the very name the container was started with.
 */
public final class LogRouting {
    /**
     * The Docker driver a kept container writes through: readable back with Docker's logs call,
     * and bounded on disk (Docker's defaults: 5 files of 20 MB) until berth has copied it.
     */
    public static final String KEPT_DRIVER = "local";
    /** The group splunk output is kept under: splunk has no groups, and one place finds it. */
    public static final String SPLUNK_GROUP = "splunk";

    private LogRouting() {
    }

    /** Where the container's output goes; null when it has no log configuration (the engine's default). */
    public static LogRoute route(LogConfiguration lc, String taskArn, String container) {
        if (lc == null || lc.logDriver() == null) return null;
        String driver = lc.logDriver();
        if (LogDrivers.isDocker(driver)) return LogRoute.docker(driver, lc.options());
        // The task's FireLens router takes these (dev.berth.ecs.task.firelens); nothing is kept here.
        if (LogDrivers.AWSFIRELENS.equals(driver)) return null;
        Map<String, String> buffering = LogDrivers.buffering(lc.options());
        if (LogDrivers.AWSLOGS.equals(driver)) {
            return new LogRoute(KEPT_DRIVER, buffering, lc.option("awslogs-group"), awslogsStream(lc, taskArn, container),
                    "true".equalsIgnoreCase(lc.option("awslogs-create-group")));
        }
        return new LogRoute(KEPT_DRIVER, buffering, SPLUNK_GROUP, container + "/" + taskId(taskArn), true);
    }

    /**
     * ECS's stream name: {@code prefix/container/task-id} with awslogs-stream-prefix; otherwise
     * Docker's awslogs-stream if given, else null: the container's runtime id, as Docker names it.
     */
    static String awslogsStream(LogConfiguration lc, String taskArn, String container) {
        String prefix = lc.option("awslogs-stream-prefix");
        if (prefix != null && !prefix.isEmpty()) return prefix + "/" + container + "/" + taskId(taskArn);
        String stream = lc.option("awslogs-stream");
        return stream == null || stream.isEmpty() ? null : stream;
    }

    /** The task id: the last part of the task ARN. */
    public static String taskId(String taskArn) {
        return taskArn.substring(taskArn.lastIndexOf('/') + 1);
    }
}
