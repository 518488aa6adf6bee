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
        Instant ended = PARSED.get(endedAt);
        if (ended == null) {
            try {
                ended = Instant.parse(endedAt);
            } catch (DateTimeParseException e) {
                return false;
            }
            if (PARSED.size() >= 100_000) PARSED.clear();
            PARSED.put(endedAt, ended);
        }
        return !ended.plus(KEPT).isAfter(clock.instant());
    }

    /**
     * Times already parsed: every List and Describe asks this of each stopped task, and parsing
     * 10,000 of them was a tenth of a ListTasks under load.
     */
    private static final java.util.Map<String, Instant> PARSED = new java.util.concurrent.ConcurrentHashMap<>();
}
