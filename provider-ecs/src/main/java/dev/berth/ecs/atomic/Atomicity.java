package dev.berth.ecs.atomic;

import dev.berth.ecs.api.Actions;
import dev.berth.ecs.api.EcsApi;

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
     */
    public <T> T read(Supplier<T> read) {
        visible.readLock().lock();
        try {
            return store.committed(read);
        } finally {
            visible.readLock().unlock();
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
