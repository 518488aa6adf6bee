package dev.berth.ecs.runtime.docker;

import dev.berth.ecs.batch.GroupRun;

import java.util.List;
import java.util.function.Function;

/**
 * Gathers the metadata servers that tasks starting at the same time ask for into one exec of the
 * {@link MetadataAgent}: an exec costs the engine a process started inside a container, about a
 * quarter of a container's own start, and an apply of 20 tasks asked for 20 of them while the
 * engine was busiest. Those asked for while an exec runs go together in the next one
 * ({@link GroupRun}, berth's one group commit).
 */
final class LaunchBatches {
    /** One namespace's server: its owner container, that container's process id, its documents packed. */
    record Request(String ownerId, long pid, String packed) {
    }

    /** Per request of a batch, in its order: the answer, or why that one failed. */
    record Outcome(boolean launched, RuntimeException failure) {
        static Outcome of(boolean launched) {
            return new Outcome(launched, null);
        }

        static Outcome failed(RuntimeException e) {
            return new Outcome(false, e);
        }
    }

    /** Linux refuses an exec whose environment is much over 2 MiB; stay well under it. */
    static final int MAX_PACKED = 1024 * 1024;
    static final int MAX_COUNT = 32;

    private final GroupRun<Request, Boolean> group;

    /** {@code run} answers a batch with one outcome per request, in order; what it throws fails them all. */
    LaunchBatches(Function<List<Request>, List<Outcome>> run) {
        this.group = new GroupRun<>(MAX_COUNT, r -> r.packed().length(), MAX_PACKED, batch -> run.apply(batch).stream()
                .map(o -> o.failure() == null ? GroupRun.Outcome.of(o.launched()) : GroupRun.Outcome.<Boolean>failed(o.failure()))
                .toList());
    }

    /** Whether the server was started (false: the owner's process had already ended). */
    boolean launch(Request r) {
        return group.submit(r);
    }

    /** Requests not yet taken into an exec. */
    int waiting() {
        return group.waiting();
    }
}
