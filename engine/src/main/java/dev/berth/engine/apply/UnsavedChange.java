package dev.berth.engine.apply;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.plan.Action;
import dev.berth.engine.state.StateStoreException;

/**
 * What one change did when the state could not be written around it (a full disk, a database
 * gone), in one sentence. The configuration state and the provider's world never share a
 * transaction, so the sentence must say which side moved: a create records its intent before the
 * provider is called, so what it made is adopted by the next run; an update or a destroy is read
 * back by the next run's refresh; a change whose first write failed did nothing at all.
 */
final class UnsavedChange {
    private UnsavedChange() {
    }

    /** Where a change was when the state failed: whether the provider had been asked to act. */
    static final class Step {
        private volatile boolean providerCalled;

        void providerCalled() {
            providerCalled = true;
        }
    }

    static Diagnostic diagnostic(ResourceInstanceAddr addr, Action action, Step step, StateStoreException e) {
        String why = e.getMessage() == null ? "the state cannot be written" : e.getMessage().replaceAll("\\.$", "");
        String after = " No change was started after this one; the state holds every version saved before it.";
        if (!step.providerCalled) {
            return Diagnostic.error(addr + " was not " + done(action) + ": " + why + ".", "Nothing was done to it."
                    + after + " Run the same command again once the state can be written.", null);
        }
        String detail = switch (action) {
            case CREATE -> "Its create intent was saved before the provider was called, so once the state can be "
                    + "written the next run adopts what was made instead of making it twice.";
            case READ -> "The next run reads it again.";
            default -> "The next run reads it back from the provider and plans from what is there.";
        };
        String summary = action == Action.DELETE ? addr + " was destroyed but is still in the state: " + why + "."
                : addr + " was " + done(action) + " but not saved: " + why + ".";
        return Diagnostic.error(summary, detail + after, null);
    }

    private static String done(Action action) {
        return switch (action) {
            case CREATE -> "created";
            case DELETE -> "destroyed";
            case READ -> "read";
            default -> "updated";
        };
    }
}
