package dev.berth.ecs.taskdef;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The log drivers berth honours and the options each accepts. Docker's own drivers reach the
 * engine as they are; their option names are those Docker 20.10 accepts at create (measured
 * with {@code docker create --log-opt}, see the test resource {@code docker-log-options.txt}),
 * so a misspelt option is an error when the task definition is checked rather than when a task
 * starts. The values are Docker's to judge, at start. The kept drivers (awslogs, splunk,
 * awsfirelens) would send the output off the machine; berth keeps it in its log store instead.
 */
public final class LogDrivers {
    /** Options Docker accepts for every driver but {@code none}: how the engine buffers a slow driver. */
    private static final Set<String> BUFFERING = Set.of("mode", "max-buffer-size");
    private static final Set<String> METADATA = Set.of("tag", "labels", "labels-regex", "env", "env-regex");

    private static final Map<String, Set<String>> DOCKER = Map.of(
            "json-file", union(Set.of("max-size", "max-file", "compress"), METADATA),
            "local", Set.of("max-size", "max-file", "compress"),
            "syslog", union(Set.of("syslog-address", "syslog-facility", "syslog-tls-ca-cert", "syslog-tls-cert",
                    "syslog-tls-key", "syslog-tls-skip-verify", "syslog-format"), METADATA),
            "journald", METADATA,
            "gelf", union(Set.of("gelf-address", "gelf-compression-type", "gelf-compression-level",
                    "gelf-tcp-max-reconnect", "gelf-tcp-reconnect-delay"), METADATA),
            "fluentd", union(Set.of("fluentd-address", "fluentd-async", "fluentd-async-connect",
                    "fluentd-buffer-limit", "fluentd-retry-wait", "fluentd-max-retries",
                    "fluentd-sub-second-precision", "fluentd-request-ack"), METADATA),
            "none", Set.of());

    public static final String AWSLOGS = "awslogs", SPLUNK = "splunk", AWSFIRELENS = "awsfirelens";

    /** Docker's awslogs options plus ECS's awslogs-stream-prefix, which the ECS agent turns into the stream name. */
    private static final Set<String> AWSLOGS_OPTIONS = Set.of("awslogs-group", "awslogs-region",
            "awslogs-stream-prefix", "awslogs-create-group", "awslogs-stream", "awslogs-datetime-format",
            "awslogs-multiline-pattern", "awslogs-endpoint", "awslogs-credentials-endpoint",
            "awslogs-force-flush-interval-seconds", "awslogs-max-buffered-events", "tag");
    private static final Set<String> SPLUNK_OPTIONS = union(Set.of("splunk-token", "splunk-url", "splunk-source",
            "splunk-sourcetype", "splunk-index", "splunk-capath", "splunk-caname", "splunk-insecureskipverify",
            "splunk-format", "splunk-verify-connection", "splunk-gzip", "splunk-gzip-level"), METADATA);

    private LogDrivers() {
    }

    /** Every driver berth honours, sorted: what an error about an unsupported one lists. */
    public static List<String> supported() {
        Set<String> all = new TreeSet<>(DOCKER.keySet());
        all.addAll(List.of(AWSLOGS, SPLUNK, AWSFIRELENS));
        return List.copyOf(all);
    }

    public static boolean isDocker(String driver) {
        return DOCKER.containsKey(driver);
    }

    public static boolean isKept(String driver) {
        return AWSLOGS.equals(driver) || SPLUNK.equals(driver) || AWSFIRELENS.equals(driver);
    }

    /**
     * The option names this driver accepts, sorted; null for awsfirelens, whose options belong to
     * the router's output plugin and may be anything.
     */
    public static Set<String> options(String driver) {
        if (AWSFIRELENS.equals(driver)) return null;
        Set<String> own = AWSLOGS.equals(driver) ? AWSLOGS_OPTIONS : SPLUNK.equals(driver) ? SPLUNK_OPTIONS
                : DOCKER.get(driver);
        if (own == null) return null;
        return "none".equals(driver) ? new TreeSet<>(own) : new TreeSet<>(union(own, BUFFERING));
    }

    /** Options required for the driver to work at all. */
    public static List<String> required(String driver) {
        return switch (driver) {
            case AWSLOGS -> List.of("awslogs-group");
            case "gelf" -> List.of("gelf-address");
            default -> List.of();
        };
    }

    /** Docker's buffering options of a kept driver, which still apply to the local driver berth writes through. */
    public static Map<String, String> buffering(Map<String, String> options) {
        Map<String, String> out = new TreeMap<>();
        for (String k : BUFFERING) if (options.containsKey(k)) out.put(k, options.get(k));
        return out;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.addAll(b);
        return out;
    }
}
