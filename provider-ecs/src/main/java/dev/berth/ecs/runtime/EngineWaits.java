package dev.berth.ecs.runtime;

import java.util.function.Supplier;

/**
 * Where a read of the control plane waits for an engine: {@link FreshListings} asks its
 * {@link Scope}, when the thread runs in one, from when a listing must be fresh and what to let
 * go of while it waits. {@code berth server}'s reads hold a lock that keeps a commit from landing
 * in the middle of them; a read that held it through an engine look (2-15 ms under load) made
 * the next commit wait, and every read that came after that commit wait behind it, List actions
 * that never touch an engine included (bench/README.md, the load test).
 */
public final class EngineWaits {
    /** A read in progress, as the engine waits inside it see it. */
    public interface Scope {
        /** {@link System#nanoTime()} when the read arrived: a listing begun since then is fresh enough for it. */
        long arrived();

        /** Called before the thread waits for an engine. */
        void leave();

        /** Called after that wait, before the read goes on. */
        void enter();
    }

    private static final ThreadLocal<Scope> SCOPE = new ThreadLocal<>();

    private EngineWaits() {
    }

    /** Runs {@code body} with {@code scope} as this thread's read. */
    public static <T> T within(Scope scope, Supplier<T> body) {
        Scope before = SCOPE.get();
        SCOPE.set(scope);
        try {
            return body.get();
        } finally {
            if (before == null) SCOPE.remove();
            else SCOPE.set(before);
        }
    }

    /** When this thread's read arrived, or now when it runs in none. */
    static long arrived() {
        Scope s = SCOPE.get();
        return s == null ? System.nanoTime() : s.arrived();
    }

    /** Runs {@code wait} (a call to an engine, or a wait for another thread's) outside this thread's read. */
    static <T> T outside(Supplier<T> wait) {
        Scope s = SCOPE.get();
        if (s == null) return wait.get();
        s.leave();
        // Inside the wait the read is already out: what it calls keeps the read's freshness only.
        SCOPE.set(new Out(s.arrived()));
        try {
            return wait.get();
        } finally {
            SCOPE.set(s);
            s.enter();
        }
    }

    /** {@link #outside(Supplier)} for a wait that answers nothing. */
    static void runOutside(Runnable wait) {
        outside(() -> {
            wait.run();
            return null;
        });
    }

    /** The read this thread runs in (null: none); inside a wait, a scope that only keeps the read's freshness. */
    public static Scope current() {
        return SCOPE.get();
    }

    private record Out(long arrived) implements Scope {
        @Override
        public void leave() {
        }

        @Override
        public void enter() {
        }
    }
}
