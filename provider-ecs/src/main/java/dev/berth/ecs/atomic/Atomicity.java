package dev.berth.ecs.atomic;

import dev.berth.ecs.api.Actions;
import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.runtime.EngineWaits;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Makes each ECS action atomic for the callers of one process that share a control plane (the
 * requests of {@code berth server}, its service loop): actions that change the world run one at
 * a time, each in a unit of work of {@link UnitOfWorkStore}, committed when it returns and
 * forgotten when it throws. Describe and List actions run side by side and beside a change in
 * hand: they read what is committed, never the open unit, and a commit waits for the reads in
 * hand (and they for it), so a read sees all of a change or none of it. Reads used to wait for
 * the whole change instead, which made every Describe wait for the container starts of a RunTask
 * (seconds) under load (bench/README.md, the load test).
 *
 * <p>Containers a failed action had already started are not stopped here: they carry berth's
 * labels but belong to no recorded task, and the service loop removes such orphans as it does
 * any other.
 */
public final class Atomicity {
    private final UnitOfWorkStore store;
    /** Changes take turns (write); rollouts run beside each other but never beside a change (read). */
    private final ReentrantReadWriteLock turns = new ReentrantReadWriteLock(true);
    /** A commit (write) never interleaves with a read's several queries (read). */
    private final ReentrantReadWriteLock visible = new ReentrantReadWriteLock(true);
    /** Commits so far: a read that let go of {@link #visible} sees whether one landed meanwhile. */
    private final java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();

    public Atomicity(UnitOfWorkStore store) {
        this.store = store;
    }

    /** Runs {@code change} alone, as one unit of work: all of its writes or none of them. */
    public <T> T change(Supplier<T> change) {
        turns.writeLock().lock();
        try {
            store.begin();
            T result;
            try {
                result = change.get();
            } catch (RuntimeException | Error e) {
                store.rollback();
                throw e;
            }
            visible.writeLock().lock();
            try {
                store.commit();
                commits.incrementAndGet();
            } finally {
                visible.writeLock().unlock();
            }
            return result;
        } finally {
            turns.writeLock().unlock();
        }
    }

    /**
     * Runs {@code work} that changes the world step by step (berth server's rollouts): beside
     * reads, which see each of its writes as it is made, as ECS shows a deployment's progress,
     * but never beside a change, so no unit of work is open to take its writes in. A rollout is
     * not a request: there is nothing half-done to undo if it stops, only a service its next
     * rollout takes up where this one ended.
     */
    public <T> T progressively(Supplier<T> work) {
        turns.readLock().lock();
        try {
            return work.get();
        } finally {
            turns.readLock().unlock();
        }
    }

    /**
     * Runs {@code read} beside other reads and beside a change in hand, seeing only what is
     * committed; never across a commit. What the read itself writes (a one-off task it finds
     * ended) goes to the store at once, not into the change's unit.
     * <p>
     * While the read waits for an engine it lets go of the commit lock ({@link EngineWaits}), so a
     * commit never waits for an engine's answer, nor do the reads queued behind that commit. A
     * read that a commit landed in the middle of is not answered: it runs again, finding the
     * engine listings it waited for still fresh (they began after it arrived), and a third run
     * holds the lock throughout. A read a commit landed in writes nothing ({@link #stale}).
     */
    public <T> T read(Supplier<T> read) {
        long arrived = System.nanoTime();
        // A read inside another holds the lock the outer one holds: it never lets go of it.
        boolean nested = EngineWaits.current() instanceof ReadRun;
        for (int run = 1; ; run++) {
            ReadRun pass = new ReadRun(arrived, run < 3 && !nested);
            visible.readLock().lock();
            pass.held = true;
            try {
                T result = EngineWaits.within(pass, () -> store.committed(read));
                if (!pass.stale) return result;
            } catch (RuntimeException | Error e) {
                // What a read across a commit threw may be that commit's half: run it again.
                if (!pass.stale) throw e;
            } finally {
                if (pass.held) visible.readLock().unlock();
            }
        }
    }

    /** Whether this thread's read has seen a commit land since it began (and must write nothing). */
    static boolean stale() {
        return EngineWaits.current() instanceof ReadRun run && run.stale;
    }

    /** One run of a read, which steps out of the commit lock while it waits for an engine. */
    private final class ReadRun implements EngineWaits.Scope {
        private final long arrived;
        private final boolean mayLeave;
        boolean held;
        boolean stale;
        private long commitsWhenLeft;

        /** {@code mayLeave}: false for a third run, and for a read inside another. */
        ReadRun(long arrived, boolean mayLeave) {
            this.arrived = arrived;
            this.mayLeave = mayLeave;
        }

        @Override
        public long arrived() {
            return arrived;
        }

        @Override
        public void leave() {
            if (!mayLeave || !held) return;
            commitsWhenLeft = commits.get();
            visible.readLock().unlock();
            held = false;
        }

        @Override
        public void enter() {
            if (held || !mayLeave) return;
            visible.readLock().lock();
            held = true;
            if (commits.get() != commitsWhenLeft) stale = true;
        }
    }

    /** {@code api} with every action run through {@link #read} (Describe*, List*) or {@link #change}. */
    public EcsApi guard(EcsApi api) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) return method.invoke(api, args);
            Actions.Action action = Actions.of(method);
            Supplier<Object> call = () -> action.invoke(api, args[0]);
            return readOnly(action.name()) ? read(call) : change(call);
        };
        return (EcsApi) Proxy.newProxyInstance(EcsApi.class.getClassLoader(), new Class<?>[]{EcsApi.class}, handler);
    }

    /** ECS's naming is regular: every action that only reads starts with Describe or List. */
    static boolean readOnly(String action) {
        return Actions.readOnly(action);
    }
}
