package dev.berth.ecs.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Group commit, the one way berth gathers requests of many threads into fewer round trips (the
 * control plane's SQLite transactions, the metadata agent's execs). The first caller runs its
 * request alone; whoever asks while a batch runs waits, and the next batch carries all of them,
 * oldest first, up to a count and a total weight. A leader returns as soon as its own request is
 * answered and hands the rest to one of the waiting callers, so no request waits for ones that
 * came after it. A request once queued is always run: an interrupt while it waits is kept for the
 * caller to see afterwards, as its work may already be in the batch in hand.
 *
 * @param <R> a request
 * @param <O> the answer to one request
 */
public final class GroupRun<R, O> {

    /** Per request of a batch, in its order: the answer, or why that one failed. */
    public record Outcome<O>(O value, RuntimeException failure) {
        public static <O> Outcome<O> of(O value) {
            return new Outcome<>(value, null);
        }

        public static <O> Outcome<O> failed(RuntimeException e) {
            return new Outcome<>(null, e);
        }
    }

    private static final class Pending<R, O> {
        final R request;
        Outcome<O> outcome;

        Pending(R request) {
            this.request = request;
        }
    }

    private final int maxCount;
    private final ToIntFunction<R> weight;
    private final int maxWeight;
    private final Function<List<R>, List<Outcome<O>>> run;
    private final List<Pending<R, O>> queue = new ArrayList<>();
    private boolean leading;

    /**
     * {@code run} answers a batch with one outcome per request, in order; what it throws fails them
     * all. A batch holds at most {@code maxCount} requests and, beyond its first, at most
     * {@code maxWeight} in all.
     */
    public GroupRun(int maxCount, ToIntFunction<R> weight, int maxWeight, Function<List<R>, List<Outcome<O>>> run) {
        this.maxCount = maxCount;
        this.weight = weight;
        this.maxWeight = maxWeight;
        this.run = run;
    }

    /** {@code request}'s answer, once the batch that carried it has run; its own failure is thrown. */
    public O submit(R request) {
        Pending<R, O> mine = new Pending<>(request);
        boolean interrupted = false;
        synchronized (this) {
            queue.add(mine);
        }
        try {
            while (true) {
                synchronized (this) {
                    while (mine.outcome == null && leading) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                    }
                    if (mine.outcome != null) break;
                    leading = true;
                }
                // A full batch of older requests may go first; then this caller leads again.
                lead();
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
        if (mine.outcome.failure() != null) throw mine.outcome.failure();
        return mine.outcome.value();
    }

    /** Requests not yet taken into a batch. */
    public synchronized int waiting() {
        return queue.size();
    }

    /** Runs the queue's head as one batch, then hands over. */
    private void lead() {
        List<Pending<R, O>> batch = new ArrayList<>();
        synchronized (this) {
            long size = 0;
            while (!queue.isEmpty() && batch.size() < maxCount) {
                Pending<R, O> next = queue.get(0);
                int w = weight.applyAsInt(next.request);
                if (!batch.isEmpty() && size + w > maxWeight) break;
                size += w;
                batch.add(queue.remove(0));
            }
        }
        List<Outcome<O>> outcomes;
        try {
            outcomes = run.apply(batch.stream().map(p -> p.request).toList());
            if (outcomes.size() != batch.size()) {
                throw new IllegalStateException("a batch of " + batch.size() + " requests got " + outcomes.size() + " answers");
            }
        } catch (RuntimeException | Error e) {
            RuntimeException failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
            outcomes = batch.stream().map(p -> Outcome.<O>failed(failure)).toList();
        }
        synchronized (this) {
            for (int i = 0; i < batch.size(); i++) batch.get(i).outcome = outcomes.get(i);
            leading = false;
            notifyAll();
        }
    }
}
