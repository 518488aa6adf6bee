package dev.berth.ecs.runtime;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Engine listings (or views built from one) shared by the calls that wait for the same one: a call is answered by a
 * listing that began after the call did, never by an older one, so what it says is what ran
 * while it was being served (the promise that reads see the engines' truth); but calls arriving
 * together share one listing instead of each making its own. Under load, {@code berth server}
 * made one engine list call per Describe and List request, each of them reading every
 * container of the cluster, and one list and inspect of the service's containers per
 * DescribeServices. With {@link #list(String, Supplier, Function, BiFunction)} an older listing
 * may answer, but only on the engine's word, given after the call arrived, that nothing it shows
 * has changed since that listing began, or with the containers that did change listed again.
 * <p>
 * A call arrives when it is made, or, inside a read that runs in an {@link EngineWaits.Scope},
 * when that read arrived; every wait for an engine (a listing, a look, another caller's listing)
 * happens outside that read ({@link EngineWaits#outside}).
 */
public final class FreshListings<T> {
    private static final class Flight<T> {
        final long started = System.nanoTime();
        /** An older listing brought up to date, not a whole listing. */
        final boolean update;
        /** The wall-clock moment it began, for asking an engine what changed since. */
        final Instant startedAt = Instant.now();
        final CompletableFuture<T> result = new CompletableFuture<>();

        Flight(boolean update) {
            this.update = update;
        }

        boolean succeeded() {
            return result.isDone() && !result.isCompletedExceptionally();
        }
    }

    private final Map<String, Flight<T>> latest = new HashMap<>();
    /** How many listings may run at once: 1 waits for the one in hand before beginning the next. */
    private final int overlap;
    /** Listings running now (guarded by this). */
    private int running;

    /** One listing at a time per instance: a call that arrives during one waits for it, then shares the next. */
    public FreshListings() {
        this(1);
    }

    /**
     * Up to {@code overlap} listings at once: a call that arrives while the newest one runs (begun
     * before it arrived) begins its own at once instead of waiting for that one to end, so it
     * waits for one listing, not up to two. For listings that cost the engine little (a look at
     * its event log), where the wait is the cost; an engine's full listing keeps to one at a time.
     */
    public static <T> FreshListings<T> overlapping(int overlap) {
        return new FreshListings<>(overlap);
    }

    private FreshListings(int overlap) {
        if (overlap < 1) throw new IllegalArgumentException("overlap must be at least 1");
        this.overlap = overlap;
    }

    /**
     * As {@link #list(String, Supplier)}, but the last listing answers again when
     * {@code changedSince} says nothing it shows can have changed since it began, and is brought
     * up to date by {@code update} (a listing of the changed containers only) when only some
     * containers changed. That function must itself ask the engine (its event log) in a look that
     * begins after it is called, so the answer still describes the engine as it was after this
     * call arrived: the whole listing is not read again, but the engine's word that the rest of
     * it still holds is. Under load a few hundred calls a second then cost one cheap look each,
     * and a change costs a listing of what it touched instead of every container.
     * <p>
     * An update in hand is shared: a call that arrives during one waits for it and then asks the
     * engine what changed since it began, which under load is nothing, instead of listing the
     * same changed containers again beside it (each change on the engine otherwise cost a
     * listing per call that arrived before the first update ended).
     */
    public T list(String key, Supplier<T> list, Function<Instant, Changed> changedSince, BiFunction<T, Changed, T> update) {
        long arrived = EngineWaits.arrived();
        Flight<T> last;
        synchronized (this) {
            last = latest.get(key);
        }
        if (last != null && last.update) {
            waitFor(last);
            if (last.succeeded() && last.started - arrived >= 0) return last.result.join();
        }
        if (last != null && last.succeeded()) {
            // Begun before the look: anything the look does not report happened after this moment.
            Flight<T> next = new Flight<>(true);
            // Not stepped out of here: the look behind it steps out itself, and only when it must wait.
            Changed changed = changedSince.apply(last.startedAt);
            if (changed.nothing()) return last.result.join();
            if (!changed.anything()) {
                synchronized (this) {
                    Flight<T> now = latest.get(key);
                    if (now == last || (now.result.isDone() && now.started - next.started < 0)) latest.put(key, next);
                }
                try {
                    next.result.complete(EngineWaits.outside(() -> update.apply(last.result.join(), changed)));
                } catch (RuntimeException | Error e) {
                    // Its waiters list for themselves.
                    next.result.completeExceptionally(e);
                    throw e;
                }
                return next.result.join();
            }
        }
        return list(key, list);
    }

    /** What {@code list} returns, from a call of it that began after this call did; {@code key} names the listing. */
    public T list(String key, Supplier<T> list) {
        long arrived = EngineWaits.arrived();
        while (true) {
            Flight<T> flight;
            boolean mine = false;
            synchronized (this) {
                flight = latest.get(key);
                if (flight == null || (flight.started - arrived < 0 && (flight.result.isDone() || running < overlap))) {
                    flight = new Flight<>(false);
                    latest.put(key, flight);
                    running++;
                    mine = true;
                }
            }
            if (mine) {
                Flight<T> own = flight;
                EngineWaits.runOutside(() -> {
                    try {
                        own.result.complete(list.get());
                    } catch (RuntimeException | Error e) {
                        own.result.completeExceptionally(e);
                    } finally {
                        synchronized (this) {
                            running--;
                        }
                    }
                });
            }
            if (mine || flight.started - arrived >= 0) return await(flight);
            // Began before this call: wait for it to end (its failure was its callers'), then share or begin the next one.
            waitFor(flight);
        }
    }

    /** Waits, outside the caller's read, until {@code flight} has ended, whatever its outcome. */
    private static void waitFor(Flight<?> flight) {
        if (flight.result.isDone()) return;
        EngineWaits.runOutside(() -> {
            try {
                flight.result.get();
            } catch (ExecutionException ignored) {
                // Its outcome is read by whoever needs it, once the read is back.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while listing an engine", e);
            }
        });
    }

    private static <T> T await(Flight<T> flight) {
        waitFor(flight);
        try {
            return flight.result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeFailure f) throw f;
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing an engine", e);
        }
    }
}
