package dev.berth.engine.testkit;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.state.DeposedObject;
import dev.berth.engine.state.CreateIntent;
import dev.berth.engine.state.LockInfo;
import dev.berth.engine.state.StateLockedException;
import dev.berth.engine.state.OutputState;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateChange;
import dev.berth.engine.state.StateSnapshot;
import dev.berth.engine.state.StateStore;
import dev.berth.engine.state.StateStoreException;
import dev.berth.engine.state.StateVersion;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A StateStore in memory: every commit is a new serial, and each commit's operation is recorded. */
public final class InMemoryStateStore implements StateStore {
    private final Map<Long, StateSnapshot> versions = new TreeMap<>();
    private final List<StateVersion> history = new ArrayList<>();
    private StateSnapshot current;

    public InMemoryStateStore(String lineage) {
        current = StateSnapshot.empty(lineage);
    }

    @Override
    public synchronized StateSnapshot read() {
        return current;
    }

    private String writesFail;

    /** From now on every write throws with {@code message}, as a store on a full disk does; null heals it. */
    public synchronized void failWrites(String message) {
        writesFail = message;
    }

    private void writable() {
        if (writesFail != null) throw new StateStoreException(writesFail, null);
    }

    @Override
    public synchronized long commit(List<StateChange> changes, String operation) {
        writable();
        Map<ResourceInstanceAddr, ResourceState> resources = new TreeMap<>(current.resources());
        Map<String, OutputState> outputs = new TreeMap<>(current.outputs());
        List<DeposedObject> deposed = new ArrayList<>(current.deposed());
        for (StateChange c : changes) {
            if (c instanceof StateChange.PutResource p) resources.put(p.resource().addr(), p.resource());
            else if (c instanceof StateChange.RemoveResource r) resources.remove(r.addr());
            else if (c instanceof StateChange.PutDeposed p) {
                deposed.removeIf(d -> d.addr().equals(p.object().addr()) && d.key().equals(p.object().key()));
                deposed.add(p.object());
            } else if (c instanceof StateChange.RemoveDeposed r) {
                deposed.removeIf(d -> d.addr().equals(r.addr()) && d.key().equals(r.key()));
            }
            else if (c instanceof StateChange.PutOutput p) outputs.put(p.output().name(), p.output());
            else if (c instanceof StateChange.RemoveOutput r) outputs.remove(r.name());
        }
        current = new StateSnapshot(current.lineage(), current.serial() + 1, resources, outputs, deposed);
        versions.put(current.serial(), current);
        history.add(new StateVersion(current.serial(), Instant.now(), operation, changes.size()));
        return current.serial();
    }

    /** The operation of every commit, oldest first. */
    public synchronized List<String> operations() {
        return history.stream().map(StateVersion::operation).toList();
    }

    private LockInfo holder;

    @Override
    public synchronized java.util.Optional<LockInfo> lock(LockInfo info, Duration timeout) {
        if (holder != null && !holder.id().equals(info.id())) throw new StateLockedException(holder);
        holder = info;
        return java.util.Optional.empty();
    }

    @Override
    public synchronized void unlock(String lockId) {
        if (holder != null && holder.id().equals(lockId)) holder = null;
    }

    @Override
    public synchronized boolean forceUnlock(String lockId) {
        if (holder == null || !holder.id().equals(lockId)) return false;
        holder = null;
        return true;
    }

    @Override
    public synchronized java.util.Optional<LockInfo> lockHolder() {
        return java.util.Optional.ofNullable(holder);
    }

    private final Map<ResourceInstanceAddr, CreateIntent> intents =
            new TreeMap<>();

    @Override
    public synchronized void recordIntent(CreateIntent intent) {
        writable();
        intents.put(intent.addr(), intent);
    }

    @Override
    public synchronized void settleIntent(ResourceInstanceAddr addr, String clientToken) {
        writable();
        CreateIntent i = intents.get(addr);
        if (i != null && i.clientToken().equals(clientToken)) intents.remove(addr);
    }

    @Override
    public synchronized List<CreateIntent> intents() {
        return List.copyOf(intents.values());
    }

    @Override
    public synchronized List<StateVersion> history() {
        return List.copyOf(history);
    }

    @Override
    public synchronized StateSnapshot readAt(long serial) {
        return versions.get(serial);
    }

    @Override
    public void close() {
    }
}
