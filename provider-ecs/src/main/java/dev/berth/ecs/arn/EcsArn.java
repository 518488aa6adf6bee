package dev.berth.ecs.arn;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ECS ARN split into its resource type ("cluster", "service", ...) and the path after the
 * slash. Berth's own ARNs use region {@code local} and account {@code 000000000000} so they look
 * like AWS's and configurations written against AWS keep parsing them.
 */
public record EcsArn(String region, String account, String resourceType, String path) {

    public static final String REGION = "local";
    public static final String ACCOUNT = "000000000000";
    private static final String PREFIX = "arn:aws:ecs:" + REGION + ":" + ACCOUNT + ":";
    private static final Pattern SHAPE = Pattern.compile("arn:aws:ecs:([^:]*):([^:]*):([a-z-]+)/(.+)");

    public static Optional<EcsArn> parse(String text) {
        if (text == null) return Optional.empty();
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) return Optional.empty();
        return Optional.of(new EcsArn(m.group(1), m.group(2), m.group(3), m.group(4)));
    }

    public static boolean looksLikeArn(String text) {
        return text != null && text.startsWith("arn:");
    }

    public static String cluster(String name) {
        return PREFIX + "cluster/" + name;
    }

    public static String taskDefinition(String family, long revision) {
        return PREFIX + "task-definition/" + family + ":" + revision;
    }

    public static String taskDefinitionFamily(String family) {
        return PREFIX + "task-definition/" + family;
    }

    public static String service(String clusterName, String name) {
        return PREFIX + "service/" + clusterName + "/" + name;
    }

    public static String task(String clusterName, String taskId) {
        return PREFIX + "task/" + clusterName + "/" + taskId;
    }

    /** A cluster reference as configs write it (name or ARN) reduced to the cluster name. */
    public static Optional<String> clusterName(String ref) {
        if (ref == null || ref.isEmpty()) return Optional.empty();
        if (!looksLikeArn(ref)) return Optional.of(ref);
        return parse(ref).filter(a -> a.resourceType().equals("cluster") && !a.path().contains("/"))
                .map(EcsArn::path);
    }

    public String toString() {
        return "arn:aws:ecs:" + region + ":" + account + ":" + resourceType + "/" + path;
    }
}
