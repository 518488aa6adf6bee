package dev.berth.ecs.store;

/** A control plane store this process opened and closes: a SQLite file or a PostgreSQL schema. */
public interface OpenEcsStore extends EcsStore, AutoCloseable {
    /** Where it is, as messages print it (a URL never with its password). */
    String shown();

    @Override
    void close();
}
