package dev.berth.engine.state;

import java.time.Instant;

/**
 * Who holds the run lock: shown to anyone refused it, and needed by force-unlock. {@code process}
 * is the holding process as the store recorded it when the lock was taken (null when unknown);
 * it lets a later run tell a crashed holder from a live one.
 */
public record LockInfo(String id, String operation, String who, Instant created, LockProcess process) {

    public LockInfo(String id, String operation, String who, Instant created) {
        this(id, operation, who, created, null);
    }

    public LockInfo withProcess(LockProcess p) {
        return new LockInfo(id, operation, who, created, p);
    }

    /**
     * A process on a host. {@code start} tells this process apart from a later one that reuses its
     * pid (on Linux the boot, the pid namespace and the start time in clock ticks).
     */
    public record LockProcess(String host, long pid, String start) {
    }
}
