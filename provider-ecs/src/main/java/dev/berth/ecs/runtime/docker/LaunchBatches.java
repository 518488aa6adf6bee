package dev.berth.ecs.runtime.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Gathers the metadata servers that tasks starting at the same time ask for into one exec of the
 * {@link MetadataAgent}: an exec costs the engine a process started inside a container, about a
 * quarter of a container's own start, and an apply of 20 tasks asked for 20 of them while the
 * engine was busiest. Group commit: the first caller runs its request alone; whoever asks while
 * an exec runs waits, and the next exec carries all of them. A leader returns as soon as its own
 * request is answered, handing the rest to one of the waiting callers, so no task's start waits
 * for requests that came after it.
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

    private static final class Pending {
        final Request request;
        Outcome outcome;

        Pending(Request request) {
            this.request = request;
        }
    }

    /** Linux refuses an exec whose environment is much over 2 MiB; stay well under it. */
    static final int MAX_PACKED = 1024 * 1024;
    static final int MAX_COUNT = 32;

    private final Function<List<Request>, List<Outcome>> run;
    private final List<Pending> queue = new ArrayList<>();
    private boolean leading;

    /** {@code run} answers a batch with one outcome per request, in order; what it throws fails them all. */
    LaunchBatches(Function<List<Request>, List<Outcome>> run) {
        this.run = run;
    }

    /** Whether the server was started (false: the owner's process had already ended). */
    boolean launch(Request r) {
        Pending mine = new Pending(r);
        synchronized (this) {
            queue.add(mine);
        }
        while (true) {
            synchronized (this) {
                while (mine.outcome == null && leading) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        queue.remove(mine);
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while its metadata server started", e);
                    }
                }
                if (mine.outcome != null) break;
                leading = true;
            }
            // A full batch of older requests may go first; then this caller leads again.
            lead();
        }
        if (mine.outcome.failure() != null) throw mine.outcome.failure();
        return mine.outcome.launched();
    }

    /** Requests not yet taken into an exec. */
    synchronized int waiting() {
        return queue.size();
    }

    /** Runs the queue's head as one batch, oldest first, then hands over. */
    private void lead() {
        List<Pending> batch = new ArrayList<>();
        synchronized (this) {
            int size = 0;
            while (!queue.isEmpty() && batch.size() < MAX_COUNT) {
                Pending next = queue.get(0);
                if (!batch.isEmpty() && size + next.request.packed().length() > MAX_PACKED) break;
                size += next.request.packed().length();
                batch.add(queue.remove(0));
            }
        }
        List<Outcome> outcomes;
        try {
            outcomes = run.apply(batch.stream().map(p -> p.request).toList());
            if (outcomes.size() != batch.size()) {
                throw new IllegalStateException("the metadata agent answered " + outcomes.size() + " of "
                        + batch.size() + " requests");
            }
        } catch (RuntimeException e) {
            outcomes = batch.stream().map(p -> Outcome.failed(e)).toList();
        }
        synchronized (this) {
            for (int i = 0; i < batch.size(); i++) batch.get(i).outcome = outcomes.get(i);
            leading = false;
            notifyAll();
        }
    }
}
