package dev.berth.ecs.service;

import dev.berth.ecs.runtime.RuntimeFailure;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Engine listings (or views built from one) shared by the calls that wait for the same one: a call is answered by a
 * listing that began after the call did, never by an older one, so what it says is what ran
 * while it was being served (the promise that reads see the engines' truth); but calls arriving
 * together share one listing instead of each making its own. Under load, {@code berth server}
 * made one engine list call per Describe and List request, each of them reading every
 * container of the cluster, and one list and inspect of the service's containers per
 * DescribeServices.
 */
public final class FreshListings<T> {
    private static final class Flight<T> {
        final long started = System.nanoTime();
        final CompletableFuture<T> result = new CompletableFuture<>();
    }

    private final Map<String, Flight<T>> latest = new HashMap<>();

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
