package dev.berth.ecs.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes from many threads committed together: a writer that finds a commit in hand waits, and
 * the first of the waiters commits everything that queued meanwhile as one transaction, so an
 * apply starting 16 tasks at once pays one commit where it paid 16 one after another
 * (bench/README.md, "Applies at the engine's speed"). A caller still returns only once its own
 * writes are committed, and they are still all or none: when a transaction of several callers'
 * writes fails, each caller's writes are committed again alone, so each meets only its own failure.
 */
final class GroupCommit {
    private static final class Pending {
        final List<EcsStore.Write> writes;
        boolean done;
        RuntimeException failure;

        Pending(List<EcsStore.Write> writes) {
            this.writes = writes;
        }
    }

    private final Consumer<List<EcsStore.Write>> commit;
    private final Object lock = new Object();
    private List<Pending> queue = new ArrayList<>();
    private boolean committing;

    /** {@code commit} writes its list in one transaction, all or nothing. */
    GroupCommit(Consumer<List<EcsStore.Write>> commit) {
        this.commit = commit;
    }

    void write(List<EcsStore.Write> writes) {
        Pending mine = new Pending(writes);
        List<Pending> batch;
        synchronized (lock) {
            queue.add(mine);
            boolean interrupted = false;
            while (committing && !mine.done) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    // The writes are queued and may be in a transaction already: wait for their end.
                    interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
            if (mine.done) {
                if (mine.failure != null) throw mine.failure;
                return;
            }
            committing = true;
            batch = queue;
            queue = new ArrayList<>();
        }
        try {
            commitAll(batch);
        } finally {
            synchronized (lock) {
                for (Pending p : batch) {
                    if (!p.done) {
                        p.done = true;
                        if (p.failure == null) p.failure = new IllegalStateException("the commit of these writes did not finish");
                    }
                }
                committing = false;
                lock.notifyAll();
            }
        }
        if (mine.failure != null) throw mine.failure;
    }

    private void commitAll(List<Pending> batch) {
        if (batch.size() > 1) {
            List<EcsStore.Write> all = new ArrayList<>();
            for (Pending p : batch) all.addAll(p.writes);
            try {
                commit.accept(all);
                for (Pending p : batch) p.done = true;
                return;
            } catch (RuntimeException e) {
                // Retried one by one below, so one caller's failure is never another's.
            }
        }
        for (Pending p : batch) {
            try {
                commit.accept(p.writes);
            } catch (RuntimeException e) {
                p.failure = e;
            }
            p.done = true;
        }
    }
}
