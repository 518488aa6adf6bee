package dev.berth.ecs.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExpiryTest {
    private final Fixture.MovableClock clock = new Fixture.MovableClock();

    @Test
    void whatEndedIsKeptForAnHourAndForgottenFromTheHourOn() {
        String ended = clock.instant().toString();
        clock.advance(Duration.ofMinutes(59).plusSeconds(59));
        assertFalse(Expiry.over(ended, clock));
        clock.advance(Duration.ofSeconds(1));
        assertTrue(Expiry.over(ended, clock));
    }

    @Test
    void anUnknownOrUnreadableTimeIsNeverForgotten() {
        clock.advance(Duration.ofDays(1000));
        assertFalse(Expiry.over(null, clock));
        assertFalse(Expiry.over("yesterday", clock));
    }
}
