package dev.berth.engine.graph;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Walks a DAG, running a node once all its dependencies have succeeded, with at most
 * {@code parallelism} nodes at a time. A node whose dependency failed (or was skipped) is not
 * run: it is reported as skipped, so nothing is applied on top of a failure. Once
 * {@code stopRequested} answers true no node is started any more: those running finish, the
 * rest are skipped, and the walk returns when the running ones are done.
 */
public final class DagWalker {

    /** Visits one node; returns false (or throws) when the node failed. */
    @FunctionalInterface
    public interface Visitor<N> {
        boolean visit(N node) throws Exception;
    }

    public record Result<N>(Set<N> succeeded, Set<N> failed, Set<N> skipped, Map<N, Throwable> errors) {
        public boolean ok() {
            return failed.isEmpty() && skipped.isEmpty();
        }
    }

    private DagWalker() {
    }

    public static <N> Result<N> walk(Dag<N> dag, int parallelism, Visitor<N> visitor) {
        return walk(dag, parallelism, visitor, () -> false);
    }

    public static <N> Result<N> walk(Dag<N> dag, int parallelism, Visitor<N> visitor, BooleanSupplier stopRequested) {
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be at least 1");
        State<N> s = new State<>(dag, stopRequested);
        if (dag.size() == 0) return s.result();
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, dag.size()), r -> {
            Thread t = new Thread(r, "berth-walk-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            synchronized (s) {
                for (N n : dag.nodes()) {
                    if (!dag.dependenciesOf(n).isEmpty()) continue;
                    if (stopRequested.getAsBoolean()) s.skip(n);
                    else submit(pool, s, n, visitor);
                }
                while (s.done < dag.size()) {
                    try {
                        s.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return s.result();
    }

    private static <N> void submit(ExecutorService pool, State<N> s, N node, Visitor<N> visitor) {
        pool.execute(() -> {
            if (s.stopRequested.getAsBoolean()) {
                // Queued before the stop but not started: it is not started now either.
                synchronized (s) {
                    s.skip(node);
                    s.wakeWhenAllDone();
                }
                return;
            }
            boolean ok;
            Throwable error = null;
            try {
                ok = visitor.visit(node);
            } catch (Throwable t) {
                ok = false;
                error = t;
            }
            synchronized (s) {
                s.finish(node, ok, error);
                for (N dependent : s.dag.dependentsOf(node)) {
                    if (s.remaining.merge(dependent, -1, Integer::sum) == 0) {
                        if (s.blocked.contains(dependent) || s.stopRequested.getAsBoolean()) {
                            s.skip(dependent);
                        } else {
                            submit(pool, s, dependent, visitor);
                        }
                    }
                }
                s.wakeWhenAllDone();
            }
        });
    }

    /** Book-keeping guarded by the state object's monitor. */
    private static final class State<N> {
        final Dag<N> dag;
        final BooleanSupplier stopRequested;
        final Map<N, Integer> remaining = new HashMap<>();
        final Set<N> blocked = new LinkedHashSet<>();
        final Set<N> succeeded = Collections.synchronizedSet(new LinkedHashSet<>());
        final Set<N> failed = new LinkedHashSet<>();
        final Set<N> skipped = new LinkedHashSet<>();
        final Map<N, Throwable> errors = new HashMap<>();
        int done;

        State(Dag<N> dag, BooleanSupplier stopRequested) {
            this.dag = dag;
            this.stopRequested = stopRequested;
            // Only nodes that wait for others: a node without dependencies starts at once and is
            // never counted down (most of a plan of 100,000 unconnected resources).
            for (N n : dag.nodes()) {
                int waits = dag.dependenciesOf(n).size();
                if (waits > 0) remaining.put(n, waits);
            }
        }

        void finish(N node, boolean ok, Throwable error) {
            done++;
            if (ok) {
                succeeded.add(node);
                return;
            }
            failed.add(node);
            if (error != null) errors.put(node, error);
            blocked.addAll(dag.dependentsOf(node));
        }

        /**
         * Wakes the walk's caller once every node is done, not after each: woken for each of
         * 10,000 nodes, it took the monitor back 10,000 times, and the walk threads waited for
         * it (JFR: 2 s of blocked walk threads a plan of 10,000 objects).
         */
        void wakeWhenAllDone() {
            if (done >= dag.size()) notifyAll();
        }

        /** A skipped node counts as done and blocks its own dependents in turn. */
        void skip(N first) {
            java.util.ArrayDeque<N> queue = new java.util.ArrayDeque<>(List.of(first));
            while (!queue.isEmpty()) {
                N node = queue.poll();
                done++;
                skipped.add(node);
                blocked.addAll(dag.dependentsOf(node));
                for (N dependent : dag.dependentsOf(node)) {
                    if (remaining.merge(dependent, -1, Integer::sum) == 0) queue.add(dependent);
                }
            }
        }

        /** Called once every node is done, when nothing adds to the sets any more: the succeeded nodes (often all) are not copied. */
        Result<N> result() {
            return new Result<>(Collections.unmodifiableSet(succeeded), Set.copyOf(failed), Set.copyOf(skipped),
                    Map.copyOf(errors));
        }
    }
}
