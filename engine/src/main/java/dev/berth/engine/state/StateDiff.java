package dev.berth.engine.state;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The edits that turn one snapshot into another. Rollback commits them as a new version rather
 * than rewriting history, so the version being left stays restorable too.
 */
public record StateDiff(List<ResourceInstanceAddr> added, List<ResourceInstanceAddr> removed,
                        List<ResourceInstanceAddr> changed, List<String> outputsChanged, List<StateChange> changes) {

    public StateDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
        outputsChanged = List.copyOf(outputsChanged);
        changes = List.copyOf(changes);
    }

    /** What to commit on top of {@code from} so that the state reads as {@code to}. */
    public static StateDiff between(StateSnapshot from, StateSnapshot to) {
        List<ResourceInstanceAddr> added = new ArrayList<>();
        List<ResourceInstanceAddr> removed = new ArrayList<>();
        List<ResourceInstanceAddr> changed = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        List<StateChange> changes = new ArrayList<>();
        for (ResourceState target : to.resources().values()) {
            ResourceState now = from.resources().get(target.addr());
            if (now == null) added.add(target.addr());
            else if (!same(now, target)) changed.add(target.addr());
            else continue;
            changes.add(new StateChange.PutResource(target));
        }
        for (ResourceInstanceAddr addr : from.resources().keySet()) {
            if (to.resources().containsKey(addr)) continue;
            removed.add(addr);
            changes.add(new StateChange.RemoveResource(addr));
        }
        for (DeposedObject target : to.deposed()) {
            DeposedObject now = deposed(from, target.addr(), target.key());
            if (now != null && same(now.object(), target.object())) continue;
            if (!changed.contains(target.addr())) changed.add(target.addr());
            changes.add(new StateChange.PutDeposed(target));
        }
        for (DeposedObject old : from.deposed()) {
            if (deposed(to, old.addr(), old.key()) != null) continue;
            if (!changed.contains(old.addr())) changed.add(old.addr());
            changes.add(new StateChange.RemoveDeposed(old.addr(), old.key()));
        }
        for (OutputState target : to.outputs().values()) {
            OutputState now = from.outputs().get(target.name());
            if (now != null && now.sensitive() == target.sensitive() && sameMarked(now.value(), target.value())) continue;
            outputs.add(target.name());
            changes.add(new StateChange.PutOutput(target));
        }
        for (String name : from.outputs().keySet()) {
            if (to.outputs().containsKey(name)) continue;
            outputs.add(name);
            changes.add(new StateChange.RemoveOutput(name));
        }
        return new StateDiff(added, removed, changed, outputs, changes);
    }

    private static DeposedObject deposed(StateSnapshot s, ResourceInstanceAddr addr, String key) {
        return s.deposed().stream().filter(d -> d.addr().equals(addr) && d.key().equals(key)).findFirst().orElse(null);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    private static boolean same(ResourceState a, ResourceState b) {
        return a.tainted() == b.tainted() && a.schemaVersion() == b.schemaVersion()
                && Objects.equals(a.provider(), b.provider()) && a.dependencies().equals(b.dependencies())
                && sameMarked(a.attributes(), b.attributes());
    }

    // Values are records, so equality includes the sensitive markings: a value that only became
    // sensitive (or stopped being so) is still a change worth restoring.
    private static boolean sameMarked(Value a, Value b) {
        return Objects.equals(a, b);
    }
}
