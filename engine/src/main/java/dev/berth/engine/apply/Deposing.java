package dev.berth.engine.apply;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.state.DeposedObject;
import dev.berth.engine.state.ResourceState;
import dev.berth.engine.state.StateChange;
import dev.berth.engine.state.StateStore;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The deposed objects of one apply: those the state already held and those that
 * create_before_destroy sets aside now. Every move is committed at once, so from the moment the
 * replacement is asked for until the old object is gone, the state says the old object exists.
 */
final class Deposing {
    private record Ref(ResourceInstanceAddr addr, String key) {
    }

    private final StateStore store;
    private final Map<Ref, DeposedObject> objects = new ConcurrentHashMap<>();
    private final Map<ResourceInstanceAddr, String> setAsideNow = new ConcurrentHashMap<>();

    Deposing(StateStore store, List<DeposedObject> prior) {
        this.store = store;
        prior.forEach(d -> objects.put(new Ref(d.addr(), d.key()), d));
    }

    /** Moves the current object aside before its replacement is created; returns its key. */
    String depose(ResourceState current) {
        String key;
        do {
            key = DeposedObject.newKey();
        } while (objects.containsKey(new Ref(current.addr(), key)));
        DeposedObject d = new DeposedObject(key, current);
        store.commit(List.of(new StateChange.RemoveResource(current.addr()), new StateChange.PutDeposed(d)), "apply");
        objects.put(new Ref(current.addr(), key), d);
        setAsideNow.put(current.addr(), key);
        return key;
    }

    /** The replacement was not created at all: the old object is current again. */
    void restore(ResourceState current, String key) {
        store.commit(List.of(new StateChange.RemoveDeposed(current.addr(), key),
                new StateChange.PutResource(current)), "apply");
        objects.remove(new Ref(current.addr(), key));
        setAsideNow.remove(current.addr());
    }

    /** The key of the object this apply set aside for the address, if any. */
    Optional<String> setAsideFor(ResourceInstanceAddr addr) {
        return Optional.ofNullable(setAsideNow.get(addr));
    }

    Optional<DeposedObject> get(ResourceInstanceAddr addr, String key) {
        return Optional.ofNullable(objects.get(new Ref(addr, key)));
    }

    /** A failed destroy left the object changed: record what the provider says is there now. */
    void update(DeposedObject d) {
        store.commit(List.of(new StateChange.PutDeposed(d)), "apply");
        objects.put(new Ref(d.addr(), d.key()), d);
    }

    void forget(ResourceInstanceAddr addr, String key) {
        store.commit(List.of(new StateChange.RemoveDeposed(addr, key)), "apply");
        objects.remove(new Ref(addr, key));
    }
}
