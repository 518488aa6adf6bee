package dev.berth.cli.command;

import dev.berth.engine.state.LockInfo;
import dev.berth.engine.state.StateLockedException;
import dev.berth.engine.state.StateStore;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

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
    static StateLock take(StateStore store, LockOptions opts, String operation, Consumer<String> notices) {
        if (!opts.lock) return new StateLock(store, null);
        String id;
        try {
            id = acquire(store, operation, Durations.parse(opts.lockTimeout, "-lock-timeout"), notices);
        } catch (StateLockedException e) {
            LockInfo h = e.holder();
            throw new Errors.UserError("Error acquiring the state lock: the state is locked by " + h.who()
                    + " (operation " + h.operation() + ", lock ID " + h.id() + ", since " + h.created()
                    + "); wait for that run to finish, or if it crashed release the lock with \"berth force-unlock "
                    + h.id() + "\".");
        }
        return new StateLock(store, id);
    }

    /** How long any run waits for the agent, whose repairs hold the lock for about a second each. */
    static final Duration AGENT_GRACE = Duration.ofSeconds(15);

    /**
     * Takes the run lock and returns its id. A holder that is the agent is waited for a little
     * even with -lock-timeout=0s: its hold is short and it holds often, so failing at once would
     * make every plan next to a running agent a coin toss. Taking over the lock of a run that
     * no longer runs is said in one line to {@code notices}.
     */
    static String acquire(StateStore store, String operation, Duration timeout, Consumer<String> notices) {
        String id = UUID.randomUUID().toString();
        LockInfo mine = new LockInfo(id, operation, RunSession.who(), Instant.now());
        Optional<LockInfo> dead;
        try {
            dead = store.lock(mine, timeout);
        } catch (StateLockedException e) {
            if (!"agent".equals(e.holder().operation()) || timeout.compareTo(AGENT_GRACE) >= 0) throw e;
            dead = store.lock(mine, AGENT_GRACE);
        }
        dead.ifPresent(d -> notices.accept(takeover(d)));
        return id;
    }

    /** The one line that says whose lock was taken over and why that was safe. */
    static String takeover(LockInfo dead) {
        String process = dead.process() == null ? dead.who()
                : "process " + dead.process().pid() + " on " + dead.process().host();
        return "Took over the run lock of " + process + ", which no longer runs (" + dead.operation() + ", lock ID "
                + dead.id() + ", taken " + dead.created() + ").";
    }

    @Override
    public void close() {
        if (id != null) store.unlock(id);
    }
}
