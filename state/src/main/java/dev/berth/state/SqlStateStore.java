package dev.berth.state;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.state.CreateIntent;
import dev.berth.engine.state.StateChange;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.state.StateStore;
import dev.berth.engine.state.StateVersion;

import java.util.List;

/**
 * What the SQLite and PostgreSQL stores share: one algorithm for versions and history
 * ({@link VersionedState}), one for create intents ({@link Intents}) and one for copying a whole
 * state from one store to another ({@link StateCopy}). Each store adds its run lock and its
 * connection.
 */
public abstract sealed class SqlStateStore implements StateStore permits SqliteStateStore, PgStateStore {

    final StateSql sql;
    private final VersionedState state;
    private final Intents intents;

    SqlStateStore(StateSql sql) {
        this.sql = sql;
        this.state = new VersionedState(sql);
        this.intents = new Intents(sql);
    }

    /** Where this state is, for people; a PostgreSQL URL without its password. */
    public String where() {
        return sql.where();
    }

    @Override
    public StateSnapshot read() {
        return state.read();
    }

    /** @throws IllegalArgumentException when a value holds an unknown, which state never stores */
    @Override
    public long commit(List<StateChange> changes, String operation) {
        return state.commit(changes, operation);
    }

    @Override
    public void recordIntent(CreateIntent intent) {
        intents.record(intent);
    }

    @Override
    public void settleIntent(ResourceInstanceAddr addr, String clientToken) {
        intents.settle(addr, clientToken);
    }

    @Override
    public List<CreateIntent> intents() {
        return intents.all();
    }

    @Override
    public List<StateVersion> history() {
        return state.history();
    }

    @Override
    public StateSnapshot readAt(long serial) {
        return state.readAt(serial);
    }

    /**
     * Copies everything this state holds (lineage, serial, every version and its history, the
     * current rows, unsettled intents) into {@code target}, which must hold no version yet; the
     * run lock stays behind. Returns how many versions were copied.
     */
    public long copyTo(SqlStateStore target) {
        return StateCopy.copy(this, target);
    }
}
