package dev.berth.state;

import dev.berth.engine.state.LockInfo;
import dev.berth.engine.state.StateStoreException;
import dev.berth.pg.PgUrl;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * State kept in a PostgreSQL schema, as Terraform's {@code pg} backend keeps it: the same tables
 * as the SQLite file (see {@link PgSchema}), the same versions and history, intents and copying
 * ({@link SqlStateStore}), and a run lock that is a session-level advisory lock
 * ({@link PgRunLock}). One server session per store, opened here and ended by {@link #close()}.
 */
public final class PgStateStore extends SqlStateStore {

    /** Terraform's pg backend's default schema. */
    public static final String DEFAULT_SCHEMA = "terraform_remote_state";

    private final PgSql db;
    private final PgRunLock runLock;

    private PgStateStore(PgSql db) {
        super(db);
        this.db = db;
        this.runLock = new PgRunLock(db);
    }

    /**
     * Connects and creates or upgrades the schema's tables (and the schema itself unless
     * {@code skipSchemaCreation}).
     *
     * @throws StateStoreException with one sentence naming the server without its password
     */
    public static PgStateStore open(PgUrl url, String schema, boolean skipSchemaCreation) {
        Objects.requireNonNull(url, "url");
        if (schema == null || schema.isEmpty()) throw new IllegalArgumentException("schema must not be empty");
        PgSql db = PgSql.connect(url, schema);
        try {
            PgSchema.migrate(db, skipSchemaCreation);
            return new PgStateStore(db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    @Override
    public Optional<LockInfo> lock(LockInfo info, Duration timeout) {
        return runLock.lock(info, timeout);
    }

    @Override
    public void unlock(String lockId) {
        runLock.unlock(lockId);
    }

    @Override
    public boolean forceUnlock(String lockId) {
        return runLock.forceUnlock(lockId);
    }

    @Override
    public Optional<LockInfo> lockHolder() {
        return db.read("read the lock of", runLock::holder);
    }

    @Override
    public void close() {
        db.close();
    }
}
