package dev.berth.ecs.logs;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the log store lives: beside the control plane whose tasks wrote the lines, as
 * CloudWatch Logs belongs to the same account as ECS ({@code ecs.db} keeps its logs in
 * {@code ecs-logs/}), unless {@code BERTH_LOG_STORE=DIR} names another directory.
 */
public final class LogStoreLocation {
    public static final String ENV = "BERTH_LOG_STORE";

    private LogStoreLocation() {
    }

    public static Path resolve(Path controlPlaneFile, Map<String, String> env) {
        String chosen = env.get(ENV);
        if (chosen != null && !chosen.isEmpty()) return Path.of(chosen).toAbsolutePath().normalize();
        Path file = controlPlaneFile.toAbsolutePath().normalize();
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return file.resolveSibling(base + "-logs");
    }
}
