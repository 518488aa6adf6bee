package dev.berth.ecs.runtime.docker;

import java.time.Instant;

/**
 * Times as Docker's events API takes them in since/until: Unix seconds and nanoseconds
 * ("sec.nanos"). It refuses the RFC 3339 an inspect gives, silently.
 */
final class EventTimes {
    private EventTimes() {
    }

    static String unix(Instant t) {
        return t.getEpochSecond() + "." + String.format("%09d", t.getNano());
    }
}
