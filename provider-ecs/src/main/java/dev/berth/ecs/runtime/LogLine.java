package dev.berth.ecs.runtime;

import java.time.Instant;

/** One line a container wrote, with the time the engine received it. */
public record LogLine(Instant time, String text) {
}
