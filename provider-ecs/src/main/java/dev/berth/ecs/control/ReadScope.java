package dev.berth.ecs.control;

import java.util.function.Supplier;

/**
 * When the control plane's describes may share one engine listing. A provider's in-process
 * control plane lives for one command, whose refresh reads every resource: inside
 * {@link #shared} (the provider's reads) every Describe and List looks at the listing the first
 * of them made, so a refresh lists each engine once, however many services it reads; anything
 * else (plan, apply, another caller) looks at the engines afresh. Per thread, since the refresh
 * reads in parallel and its calls run on the reader's thread.
 */
public final class ReadScope {
    private final ThreadLocal<Boolean> inside = ThreadLocal.withInitial(() -> false);

    /** Never shared: a control plane that outlives a command (berth server, berth ecs). */
    public static ReadScope none() {
        return new ReadScope();
    }

    /** Runs {@code read} with this thread's describes sharing the refresh's listing. */
    public <T> T shared(Supplier<T> read) {
        boolean before = inside.get();
        inside.set(true);
        try {
            return read.get();
        } finally {
            inside.set(before);
        }
    }

    boolean active() {
        return inside.get();
    }
}
