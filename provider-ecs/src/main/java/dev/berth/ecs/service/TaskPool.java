package dev.berth.ecs.service;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that start and stop tasks for a control plane, shared by every deployment it runs.
 * One place decides how many task starts are in flight at once, for the provider and for
 * {@code berth server} alike.
 */
public final class TaskPool {
    /**
     * Task starts and stops in flight at once. Eight, as many as the parallel `docker run` shells
     * the apply benchmark (bench/run-apply.sh) measures berth against: with fewer, a service of 20
     * tasks waits on its own threads while the engine has room; with many more, starts only queue
     * inside dockerd. Well below docker-java's 32 pooled connections, so reads beside an apply
     * still get one.
     */
    public static final int PARALLELISM = 8;

    private TaskPool() {
    }

    /** Daemon threads named {@code prefix-N}: a control plane lives as long as its process. */
    public static ExecutorService create(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(PARALLELISM, r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
