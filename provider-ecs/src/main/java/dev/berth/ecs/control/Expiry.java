package dev.berth.ecs.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * How long ECS keeps what has ended describable: a stopped task, a deleted service, a deleted
 * cluster and a deregistered container instance are each forgotten an hour after they ended.
 * One rule for all of them, so they expire alike.
 */
final class Expiry {
    static final Duration KEPT = Duration.ofHours(1);

    private Expiry() {
    }

    /**
     * Whether something that ended at {@code endedAt} (an ISO instant) is past keeping. A missing
     * or unreadable time is never past: forgetting must not guess.
     */
    static boolean over(String endedAt, Clock clock) {
        if (endedAt == null) return false;
        try {
            return !Instant.parse(endedAt).plus(KEPT).isAfter(clock.instant());
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
