package dev.berth.ecs.taskdef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A container's {@code healthCheck} in ECS terms: the command (["CMD-SHELL", "..."] or
 * ["CMD", ...]) and times in seconds. Unset numbers take ECS's defaults (30 s interval, 5 s
 * timeout, 3 retries, no start period), and the canonical form spells them out, so writing a
 * default or leaving it out is the same task definition.
 */
public record HealthCheck(List<String> command, Integer interval, Integer timeout, Integer retries,
                          Integer startPeriod) {
    static final int DEFAULT_INTERVAL = 30, DEFAULT_TIMEOUT = 5, DEFAULT_RETRIES = 3, DEFAULT_START_PERIOD = 0;

    public HealthCheck {
        command = command == null ? List.of() : List.copyOf(command);
    }

    public int effectiveInterval() {
        return interval == null ? DEFAULT_INTERVAL : interval;
    }

    public int effectiveTimeout() {
        return timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    public int effectiveRetries() {
        return retries == null ? DEFAULT_RETRIES : retries;
    }

    public int effectiveStartPeriod() {
        return startPeriod == null ? DEFAULT_START_PERIOD : startPeriod;
    }

    /** ECS's limits, each broken one as a sentence naming {@code owner}. */
    public List<String> problems(String owner) {
        List<String> out = new ArrayList<>();
        String kind = command.isEmpty() ? null : command.get(0);
        if (!"CMD".equals(kind) && !"CMD-SHELL".equals(kind) || command.size() < 2) {
            out.add(owner + ": healthCheck command must be [\"CMD-SHELL\", \"command\"] or [\"CMD\", "
                    + "\"executable\", \"args\"...].");
        }
        range(out, owner, "interval", interval, 5, 300);
        range(out, owner, "timeout", timeout, 2, 60);
        range(out, owner, "retries", retries, 1, 10);
        range(out, owner, "startPeriod", startPeriod, 0, 300);
        return out;
    }

    private static void range(List<String> out, String owner, String field, Integer v, int min, int max) {
        if (v != null && (v < min || v > max)) {
            out.add(owner + ": healthCheck " + field + " must be between " + min + " and " + max + ", not " + v + ".");
        }
    }

    /** The canonical JSON object: every field explicit. */
    Map<String, Object> canonical() {
        Map<String, Object> m = new TreeMap<>();
        m.put("command", command);
        m.put("interval", effectiveInterval());
        m.put("timeout", effectiveTimeout());
        m.put("retries", effectiveRetries());
        m.put("startPeriod", effectiveStartPeriod());
        return m;
    }
}
