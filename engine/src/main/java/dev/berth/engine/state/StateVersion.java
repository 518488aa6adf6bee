package dev.berth.engine.state;

import java.time.Instant;

/** One kept version of the state: what wrote it and how many changes it held. */
public record StateVersion(long serial, Instant created, String operation, int changes) {
}
