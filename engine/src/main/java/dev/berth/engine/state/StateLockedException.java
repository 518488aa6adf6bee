package dev.berth.engine.state;

/** The run lock is held by someone else. */
public final class StateLockedException extends RuntimeException {
    private final LockInfo holder;

    public StateLockedException(LockInfo holder) {
        super("state is locked by " + holder.who() + " (" + holder.operation() + ", lock ID " + holder.id() + ")",
                null, false, false);
        this.holder = holder;
    }

    public LockInfo holder() {
        return holder;
    }
}
