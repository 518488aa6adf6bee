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
     * Task starts and stops in flight at once. A start spends much of its time waiting for its
     * task to settle, which costs the engine nothing, so there are more threads than the engine
     * takes starts at once (the Docker runtime lets eight tasks at a time create and start
     * containers, as many as the parallel `docker run` shells bench/run-apply.sh measures berth
     * against): with fewer, a service of 20 tasks waited on its own threads while the engine had
     * room. Half of docker-java's 32 pooled connections, which stops hold while they wait, so
     * reads beside an apply still get one.
     */
    public static final int PARALLELISM = 16;

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
