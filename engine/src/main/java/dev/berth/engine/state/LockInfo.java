package dev.berth.engine.state;

import java.time.Instant;

/** Who holds the run lock: shown to anyone refused it, and needed by force-unlock. */
public record LockInfo(String id, String operation, String who, Instant created) {
}
