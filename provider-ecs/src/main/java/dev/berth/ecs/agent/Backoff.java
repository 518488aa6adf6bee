package dev.berth.ecs.agent;

import java.time.Duration;

/**
 * Exponential backoff: the first delay after one failure, doubled after each further failure, up
 * to a cap; a success starts over. Keeps a service that cannot start (a missing image, no room
 * anywhere) from hammering the engine while still retrying soon after a short outage.
 */
public final class Backoff {
    private final Duration first;
    private final Duration cap;
    private int failures;

    public Backoff(Duration first, Duration cap) {
        if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= cap");
        }
        this.first = first;
        this.cap = cap;
    }

    /** ECS-like defaults: 1 s, 2 s, 4 s ... at most 60 s. */
    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    /** Records a failure and returns how long to wait before the next attempt. */
    public Duration failed() {
        Duration d = first;
        for (int i = 0; i < failures && d.compareTo(cap) < 0; i++) d = d.multipliedBy(2);
        failures++;
        return d.compareTo(cap) > 0 ? cap : d;
    }

    public void succeeded() {
        failures = 0;
    }

    public int failures() {
        return failures;
    }
}
