package dev.berth.ecs.runtime;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StopTimeoutsTest {
    @Test
    void ecsGivesThirtySecondsWhenNothingIsSet() {
        assertEquals(Duration.ofSeconds(30), StopTimeouts.parse(null));
        assertEquals(Duration.ofSeconds(30), StopTimeouts.parse(" "));
    }

    @Test
    void theAgentVariableIsAGoDuration() {
        assertEquals(Duration.ofSeconds(2), StopTimeouts.parse("2s"));
        assertEquals(Duration.ofMinutes(2), StopTimeouts.parse("2m"));
        assertEquals(Duration.ofSeconds(90), StopTimeouts.parse("1m30s"));
        assertEquals(Duration.ofMillis(500), StopTimeouts.parse("500ms"));
        assertEquals(Duration.ofSeconds(45), StopTimeouts.parse("45"));
    }

    @Test
    void somethingElseFallsBackToEcsDefault() {
        assertEquals(Duration.ofSeconds(30), StopTimeouts.parse("soon"));
        assertEquals(Duration.ofSeconds(30), StopTimeouts.parse("5x"));
        assertEquals(Duration.ofSeconds(30), StopTimeouts.parse("s5s"));
    }
}
