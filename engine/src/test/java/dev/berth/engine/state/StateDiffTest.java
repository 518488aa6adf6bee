package dev.berth.engine.state;

import dev.berth.engine.addrs.ResourceInstanceAddr;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateDiffTest {
    private static ResourceState rs(String addr, Value name, boolean tainted) {
        return new ResourceState(ResourceInstanceAddr.parse(addr).orElseThrow(), "p", 0,
                new MapValue(Map.of("name", name)), List.of(), tainted);
    }

    private static StateSnapshot snapshot(long serial, List<ResourceState> resources, List<OutputState> outputs) {
        Map<ResourceInstanceAddr, ResourceState> r = new java.util.HashMap<>();
        resources.forEach(x -> r.put(x.addr(), x));
        Map<String, OutputState> o = new java.util.HashMap<>();
        outputs.forEach(x -> o.put(x.name(), x));
        return new StateSnapshot("l", serial, r, o);
    }

    @Test
    void findsAddedRemovedAndChangedInstancesAndOutputs() {
        StateSnapshot from = snapshot(5, List.of(rs("a.x", Value.of("1"), false), rs("a.gone", Value.of("g"), false),
                rs("a.same", Value.of("s"), false)), List.of(new OutputState("o", Value.of("new"), false)));
        StateSnapshot to = snapshot(2, List.of(rs("a.x", Value.of("0"), false), rs("a.back", Value.of("b"), false),
                rs("a.same", Value.of("s"), false)), List.of(new OutputState("o", Value.of("old"), false),
                new OutputState("p", Value.of("p"), true)));
        StateDiff d = StateDiff.between(from, to);
        assertEquals(List.of(ResourceInstanceAddr.parse("a.back").orElseThrow()), d.added());
        assertEquals(List.of(ResourceInstanceAddr.parse("a.gone").orElseThrow()), d.removed());
        assertEquals(List.of(ResourceInstanceAddr.parse("a.x").orElseThrow()), d.changed());
        assertEquals(List.of("o", "p"), d.outputsChanged());
        assertEquals(5, d.changes().size());
        assertTrue(d.changes().contains(new StateChange.RemoveResource(ResourceInstanceAddr.parse("a.gone").orElseThrow())));
        assertTrue(d.changes().contains(new StateChange.PutResource(rs("a.x", Value.of("0"), false))));
    }

    @Test
    void taintAndSensitivityAloneAreChanges() {
        StateSnapshot from = snapshot(2, List.of(rs("a.t", Value.of("1"), true), rs("a.s", Value.of("k"), false)), List.of());
        StateSnapshot to = snapshot(1, List.of(rs("a.t", Value.of("1"), false), rs("a.s", Value.sensitive(Value.of("k")), false)),
                List.of());
        assertEquals(2, StateDiff.between(from, to).changed().size());
        assertTrue(StateDiff.between(to, to).isEmpty());
    }

    @Test
    void rollingBackAcrossAReplacementRestoresTheDeposedObjectsToo() {
        ResourceState old = rs("a.x", Value.of("1"), false);
        ResourceState now = rs("a.x", Value.of("2"), false);
        StateSnapshot before = snapshot(1, List.of(old), List.of());
        StateSnapshot during = new StateSnapshot("l", 2, Map.of(now.addr(), now), Map.of(),
                List.of(new DeposedObject("1a2b3c4d", old)));

        StateDiff back = StateDiff.between(during, before);
        assertEquals(List.of(now.addr()), back.changed());
        assertEquals(List.of(new StateChange.PutResource(old), new StateChange.RemoveDeposed(now.addr(), "1a2b3c4d")),
                back.changes());
        StateDiff forth = StateDiff.between(before, during);
        assertTrue(forth.changes().contains(new StateChange.PutDeposed(new DeposedObject("1a2b3c4d", old))));
        assertTrue(StateDiff.between(during, during).isEmpty());
    }
}
