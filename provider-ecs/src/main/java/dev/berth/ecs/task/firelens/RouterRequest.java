package dev.berth.ecs.task.firelens;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the router's configuration is made of: the router's {@code firelensConfiguration}
 * ({@code type}, {@code options}), the task's network mode, the names the metadata filter adds
 * (cluster name, task ARN, {@code family:revision}), the router's memory in MiB (reservation, else
 * limit; null when neither: Fluent Bit's input buffer is half of it, 25 MB without) and, per
 * container using {@code awsfirelens}, its log options (sorted by container name, so the file is
 * the same for the same task definition).
 */
public record RouterRequest(String type, Map<String, String> routerOptions, String networkMode, String cluster,
                            String taskArn, String taskDefinition, Integer memoryMiB,
                            Map<String, Map<String, String>> containerOptions) {
    public static final String FLUENTBIT = "fluentbit", FLUENTD = "fluentd";

    public RouterRequest {
        routerOptions = routerOptions == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(routerOptions));
        TreeMap<String, Map<String, String>> sorted = new TreeMap<>();
        if (containerOptions != null) {
            containerOptions.forEach((k, v) -> sorted.put(k, Collections.unmodifiableMap(new TreeMap<>(v))));
        }
        containerOptions = Collections.unmodifiableMap(sorted);
    }

    public boolean fluentd() {
        return FLUENTD.equals(type);
    }

    /**
     * Whether the records get ecs_cluster, ecs_task_arn and ecs_task_definition: unless
     * {@code enable-ecs-log-metadata} says false. A value that is no boolean leaves it off, as the
     * agent's parse leaves its flag unset after warning.
     */
    public boolean ecsMetadata() {
        String v = routerOptions.get("enable-ecs-log-metadata");
        if (v == null) return true;
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "t", "1" -> true;
            default -> false;
        };
    }
}
