package dev.berth.ecs.store;

/** A control plane store this process opened and closes: a SQLite file or a PostgreSQL schema. */
public interface OpenEcsStore extends EcsStore, AutoCloseable {
    /** Where it is, as messages print it (a URL never with its password). */
    String shown();

    /** Every row and counter, read in one transaction. */
    StoreContents dump();

    /**
     * Writes {@code contents} into this store in one transaction: all of it or nothing.
     *
     * @throws EcsStoreException when this store already holds rows or counters (nothing is written then)
     */
    void load(StoreContents contents);

    /**
     * From now on answers gets from whole tables kept in memory, as lists are: for a process that
     * serves many reads for a long time ({@code berth server}), where a get by key waited for the
     * connection behind every write's commit. A store that reads afresh each time ignores it.
     */
    default void keepWholeTables() {
    }

    @Override
    void close();
}
