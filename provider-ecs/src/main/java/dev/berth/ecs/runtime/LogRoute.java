package dev.berth.ecs.runtime;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where a container's output goes. {@code dockerDriver} and {@code dockerOptions} are what the
 * engine is given. When berth keeps the output itself (ECS's awslogs, splunk and awsfirelens,
 * which would leave the machine), {@code group} names the log group it is kept under and
 * {@code stream} the stream (null: the container's runtime id, as awslogs names a stream without
 * a prefix); the engine then writes to a local driver berth can read back. {@code createGroup}
 * is awslogs-create-group: without it a group that does not exist stops the start, as on ECS.
 */
public record LogRoute(String dockerDriver, Map<String, String> dockerOptions, String group, String stream,
                       boolean createGroup) {
    /** Labels a kept container carries, so whoever removes it knows where its output belongs. */
    public static final String GROUP_LABEL = "dev.berth.log-group";
    public static final String STREAM_LABEL = "dev.berth.log-stream";

    public LogRoute {
        dockerOptions = dockerOptions == null ? Map.of() : new TreeMap<>(dockerOptions);
    }

    /** Docker's own driver, nothing kept by berth. */
    public static LogRoute docker(String driver, Map<String, String> options) {
        return new LogRoute(driver, options, null, null, false);
    }

    public boolean kept() {
        return group != null;
    }

    /** The stream of a kept container: its own name, or the runtime id when awslogs had no prefix. */
    public static String streamOf(Map<String, String> labels, String containerId) {
        String stream = labels.get(STREAM_LABEL);
        return stream == null || stream.isEmpty() ? containerId : stream;
    }
}
