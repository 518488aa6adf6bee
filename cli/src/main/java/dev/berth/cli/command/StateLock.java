package dev.berth.cli.command;

import dev.berth.engine.state.LockInfo;
import dev.berth.engine.state.StateLockedException;
import dev.berth.engine.state.StateStore;

import java.time.Instant;
import java.util.UUID;

/**
 * The run lock held by a state command that needs no configuration. Unlike {@link RunSession}
 * it loads nothing: state rm and mv must work even when the configuration no longer parses.
 */
final class StateLock implements AutoCloseable {
    private final StateStore store;
    private final String id;

    private StateLock(StateStore store, String id) {
        this.store = store;
        this.id = id;
    }

    /** @throws Errors.UserError naming the holder when someone else has the lock */
    static StateLock take(StateStore store, LockOptions opts, String operation) {
        if (!opts.lock) return new StateLock(store, null);
        String id = UUID.randomUUID().toString();
        try {
            store.lock(new LockInfo(id, operation, RunSession.who(), Instant.now()),
                    Durations.parse(opts.lockTimeout, "-lock-timeout"));
        } catch (StateLockedException e) {
            LockInfo h = e.holder();
            throw new Errors.UserError("Error acquiring the state lock: the state is locked by " + h.who()
                    + " (operation " + h.operation() + ", lock ID " + h.id() + ", since " + h.created()
                    + "); wait for that run to finish, or if it crashed release the lock with \"berth force-unlock "
                    + h.id() + "\".");
        }
        return new StateLock(store, id);
    }

    @Override
    public void close() {
        if (id != null) store.unlock(id);
    }
}
