package dev.berth.ecs.taskdef;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A container's {@code restartPolicy}, as ECS's agent applies it: a container of a running task
 * that exits is started again in place (same container, same task) unless its exit code is
 * ignored or it ran less than {@code restartAttemptPeriod} seconds since its last start, so a
 * container that keeps failing at once is not restarted forever. Pure: the caller brings the
 * clock's now and the engine's start time.
 *
 * @param restartAttemptPeriod seconds, 60..1800; null: ECS's default of 300
 */
public record RestartPolicy(Boolean enabled, List<Integer> ignoredExitCodes, Integer restartAttemptPeriod) {
    public static final int DEFAULT_PERIOD = 300, MIN_PERIOD = 60, MAX_PERIOD = 1800, MAX_IGNORED = 50;

    public RestartPolicy {
        ignoredExitCodes = ignoredExitCodes == null ? List.of() : List.copyOf(ignoredExitCodes);
    }

    public boolean on() {
        return Boolean.TRUE.equals(enabled);
    }

    public Duration period() {
        return Duration.ofSeconds(restartAttemptPeriod == null ? DEFAULT_PERIOD : restartAttemptPeriod);
    }

    /** Why the container is not restarted, or null when it is (the agent's ShouldRestart). */
    public String refusal(Integer exitCode, Instant lastStartedAt, Instant now) {
        if (!on()) return "its restart policy is not enabled";
        if (exitCode == null) return "its exit code is not known";
        if (ignoredExitCodes.contains(exitCode)) return "exit code " + exitCode + " is one its restart policy ignores";
        if (lastStartedAt == null) return "its last start time is not known";
        Duration ran = Duration.between(lastStartedAt, now);
        if (ran.compareTo(period()) < 0) {
            return "it ran " + Math.max(0, ran.toSeconds()) + " s since its last start, less than its restartAttemptPeriod of "
                    + period().toSeconds() + " s";
        }
        return null;
    }
}
