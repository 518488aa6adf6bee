package dev.berth.ecs.runtime;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grace a stopping container gets between its stop signal and the kill when its definition
 * sets no {@code stopTimeout}: ECS's 30 seconds, or what {@code ECS_CONTAINER_STOP_TIMEOUT}
 * says, the container agent's own setting, read the way the agent reads it (a Go duration such
 * as {@code 30s}, {@code 2m} or {@code 1m30s}; a bare number is seconds).
 */
public final class StopTimeouts {
    public static final String VARIABLE = "ECS_CONTAINER_STOP_TIMEOUT";
    public static final Duration ECS_DEFAULT = Duration.ofSeconds(30);
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private StopTimeouts() {
    }

    /** The default grace of this process: {@code ECS_CONTAINER_STOP_TIMEOUT}, else 30 s. */
    public static Duration agentDefault() {
        return parse(System.getenv(VARIABLE));
    }

    /** {@code text} as a grace; ECS's 30 s when it is absent, blank, negative or not a duration. */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) return ECS_DEFAULT;
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.matches("\\d+")) return Duration.ofSeconds(Long.parseLong(t));
        Matcher m = PART.matcher(t);
        long millis = 0;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) return ECS_DEFAULT;
            double n = Double.parseDouble(m.group(1));
            millis += (long) (n * switch (m.group(2)) {
                case "ms" -> 1;
                case "s" -> 1_000;
                case "m" -> 60_000;
                default -> 3_600_000;
            });
            end = m.end();
        }
        return end == t.length() && end > 0 ? Duration.ofMillis(millis) : ECS_DEFAULT;
    }
}
