package dev.berth.ecs.agent;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BackoffTest {
    @Test
    void doublesFromOneSecondUpToSixtyAndStartsOverAfterASuccess() {
        Backoff b = Backoff.standard();
        List<Long> seconds = new ArrayList<>();
        for (int i = 0; i < 9; i++) seconds.add(b.failed().toSeconds());
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L), seconds);
        assertEquals(9, b.failures());
        b.succeeded();
        assertEquals(0, b.failures());
        assertEquals(Duration.ofSeconds(1), b.failed());
    }

    @Test
    void manyFailuresNeverOverflowPastTheCap() {
        Backoff b = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10));
        Duration last = Duration.ZERO;
        for (int i = 0; i < 10_000; i++) last = b.failed();
        assertEquals(Duration.ofSeconds(10), last);
    }

    @Test
    void refusesACapBelowTheFirstDelay() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)));
    }
}
