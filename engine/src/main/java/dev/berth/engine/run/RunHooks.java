package dev.berth.engine.run;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.plan.Action;

import java.time.Duration;
import java.util.List;

/**
 * Progress of a run, as it happens. The CLI prints these the way Terraform does
 * ({@code ecs_service.web: Creating...}); the engine itself never prints. Called from walker
 * threads, so implementations must be thread-safe.
 */
public interface RunHooks {
    RunHooks NONE = new RunHooks() {
    };

    default void refreshing(ResourceInstanceAddr addr, String id) {
    }

    /** A managed resource about to be refreshed, and the id its state holds. */
    record Refreshing(ResourceInstanceAddr addr, String id) {
    }

    /**
     * Resources about to be read at once, in order: the same as {@link #refreshing(ResourceInstanceAddr, String)}
     * for each, which a view may print together (a refresh reads hundreds at a time).
     */
    default void refreshing(List<Refreshing> batch) {
        for (Refreshing r : batch) refreshing(r.addr(), r.id());
    }

    /** The refresh of a managed resource finished; {@code id} is what it read back, empty when it is gone. */
    default void refreshed(ResourceInstanceAddr addr, String id) {
    }

    default void applying(ResourceInstanceAddr addr, Action action, String id) {
    }

    default void applied(ResourceInstanceAddr addr, Action action, Duration took, String id) {
    }

    /** A data source is being read (during plan, or during apply when it could not be read earlier). */
    default void reading(ResourceInstanceAddr addr) {
    }

    default void read(ResourceInstanceAddr addr, Duration took, String id) {
    }

    default void applyFailed(ResourceInstanceAddr addr, Action action, List<Diagnostic> diagnostics) {
    }
}
