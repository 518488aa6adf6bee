package dev.berth.ecs.runtime;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Engine listings (or views built from one) shared by the calls that wait for the same one: a call is answered by a
 * listing that began after the call did, never by an older one, so what it says is what ran
 * while it was being served (the promise that reads see the engines' truth); but calls arriving
 * together share one listing instead of each making its own. Under load, {@code berth server}
 * made one engine list call per Describe and List request, each of them reading every
 * container of the cluster, and one list and inspect of the service's containers per
 * DescribeServices. With {@link #list(String, Supplier, Predicate)} an older listing may answer,
 * but only on the engine's word, given after the call arrived, that nothing it shows has changed
 * since that listing began.
 */
public final class FreshListings<T> {
    private static final class Flight<T> {
        final long started = System.nanoTime();
        /** The wall-clock moment it began, for asking an engine what changed since. */
        final Instant startedAt = Instant.now();
        final CompletableFuture<T> result = new CompletableFuture<>();

        boolean succeeded() {
            return result.isDone() && !result.isCompletedExceptionally();
        }
    }

    private final Map<String, Flight<T>> latest = new HashMap<>();

    /**
     * As {@link #list(String, Supplier)}, but the last listing answers again when
     * {@code unchangedSince} says nothing it shows can have changed since it began. That
     * predicate must itself ask the engine (its event log) in a look that begins after it is
     * called, so the answer still describes the engine as it was after this call arrived: the
     * listing is not read again, but the engine's word that it still holds is. Under load a few
     * hundred calls a second then cost one cheap look each instead of a full listing.
     */
    public T list(String key, Supplier<T> list, Predicate<Instant> unchangedSince) {
        Flight<T> last;
        synchronized (this) {
            last = latest.get(key);
        }
        if (last != null && last.succeeded() && unchangedSince.test(last.startedAt)) return last.result.join();
        return list(key, list);
    }

    /** What {@code list} returns, from a call of it that began after this call did; {@code key} names the listing. */
    public T list(String key, Supplier<T> list) {
        long arrived = System.nanoTime();
        while (true) {
            Flight<T> flight;
            boolean mine = false;
            synchronized (this) {
                flight = latest.get(key);
                if (flight == null || (flight.result.isDone() && flight.started - arrived < 0)) {
                    flight = new Flight<>();
                    latest.put(key, flight);
                    mine = true;
                }
            }
            if (mine) {
                try {
                    flight.result.complete(list.get());
                } catch (RuntimeException | Error e) {
                    flight.result.completeExceptionally(e);
                }
            }
            if (mine || flight.started - arrived >= 0) return await(flight);
            // Began before this call: wait for it to end, then share (or begin) the next one.
            try {
                flight.result.join();
            } catch (RuntimeException ignored) {
                // Its failure was its callers'; this call lists again.
            }
        }
    }

    private static <T> T await(Flight<T> flight) {
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
