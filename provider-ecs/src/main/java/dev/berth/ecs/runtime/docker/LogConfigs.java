package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.model.LogConfig;
import dev.berth.ecs.runtime.LogRoute;

import java.util.LinkedHashMap;
import java.util.Map;

/** A container's log route in Docker's terms: its driver and options, and the labels of a kept container. */
final class LogConfigs {
    private LogConfigs() {
    }

    /** Null when the route leaves the engine's default driver. */
    static LogConfig of(LogRoute route) {
        if (route == null || route.dockerDriver() == null) return null;
        return new LogConfig(LogConfig.LoggingType.fromValue(route.dockerDriver()), route.dockerOptions());
    }

    /** The container's labels plus, when berth keeps its output, the group and stream it goes to. */
    static Map<String, String> labels(Map<String, String> labels, LogRoute route) {
        if (route == null || !route.kept()) return labels;
        Map<String, String> out = new LinkedHashMap<>(labels);
        out.put(LogRoute.GROUP_LABEL, route.group());
        if (route.stream() != null) out.put(LogRoute.STREAM_LABEL, route.stream());
        return out;
    }
}
