package dev.berth.engine.state;

import dev.berth.engine.addrs.ResourceInstanceAddr;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Durable state. Implementations must make every {@link #commit} atomic and durable before it
 * returns (so a crash loses nothing already applied), bump the serial by one per commit, and keep
 * every version so that any earlier one can be restored.
 */
public interface StateStore extends AutoCloseable {

    /** The current state; an empty snapshot (serial 0, a fresh lineage) when nothing was written. */
    StateSnapshot read();

    /**
     * Applies the changes as one new version and returns its serial. The operation names what
     * wrote it ("apply", "refresh", "state rm", ...).
     */
    long commit(List<StateChange> changes, String operation);

    /**
     * Takes the run lock, waiting up to {@code timeout} for a holder to release it. A holder that
     * provably no longer runs (same host, and its process is gone or is another process now) is
     * not waited for: its lock is taken over and returned, so the caller can say so.
     *
     * @return the dead holder whose lock was taken over, if any
     * @throws StateLockedException naming the holder when it is still held after the timeout
     */
    Optional<LockInfo> lock(LockInfo info, Duration timeout);

    /** Releases the run lock if the given id holds it. */
    void unlock(String lockId);

    /** Releases the run lock whoever holds it; false when the id does not match the holder. */
    boolean forceUnlock(String lockId);

    /** Who holds the run lock now, if anyone: force-unlock names the holder when given the wrong id. */
    Optional<LockInfo> lockHolder();

    /**
     * Records that a create is about to call its provider, durably, before it does. Intents sit
     * beside the versioned state (they are bookkeeping of a run, as the lock is), one per address.
     */
    void recordIntent(CreateIntent intent);

    /** Forgets the intent of this address if it still carries this token. */
    void settleIntent(ResourceInstanceAddr addr, String clientToken);

    /** Intents not settled: each one a create whose run died while the provider worked on it. */
    List<CreateIntent> intents();

    /** Every kept version, oldest first. */
    List<StateVersion> history();

    /** The state as it was at a kept serial. */
    StateSnapshot readAt(long serial);

    @Override
    void close();
}
