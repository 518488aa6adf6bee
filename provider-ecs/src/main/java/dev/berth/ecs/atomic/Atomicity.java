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
 * forgotten when it throws; Describe and List actions run side by side and never see a change
 * half-made, because they wait while a change runs.
 *
 * <p>Containers a failed action had already started are not stopped here: they carry berth's
 * labels but belong to no recorded task, and the service loop removes such orphans as it does
 * any other.
 */
public final class Atomicity {
    private final UnitOfWorkStore store;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

    public Atomicity(UnitOfWorkStore store) {
        this.store = store;
    }

    /** Runs {@code change} alone, as one unit of work: all of its writes or none of them. */
    public <T> T change(Supplier<T> change) {
        lock.writeLock().lock();
        try {
            store.begin();
            T result;
            try {
                result = change.get();
            } catch (RuntimeException | Error e) {
                store.rollback();
                throw e;
            }
            store.commit();
            return result;
        } finally {
            lock.writeLock().unlock();
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
        return read(work);
    }

    /** Runs {@code read} beside other reads, never during a change. */
    public <T> T read(Supplier<T> read) {
        lock.readLock().lock();
        try {
            return read.get();
        } finally {
            lock.readLock().unlock();
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
        return action.startsWith("Describe") || action.startsWith("List");
    }
}
