package dev.berth.engine.plan;

import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ActionDeciderTest {
    private static final List<List<Object>> NAME_FORCES_NEW = List.of(List.of("name"));

    private static MapValue thing(String name, long size) {
        return new MapValue(Map.of("id", Value.of("i-1"), "name", Value.of(name), "size", Value.of(size)));
    }

    private static ActionDecider.Decision decide(MapValue prior, MapValue planned) {
        return ActionDecider.decide(new ActionDecider.Inputs(prior, planned, NAME_FORCES_NEW, false, false, false));
    }

    @Test
    void anAbsentAttributeEqualsANullOneAtAnyDepth() {
        MapValue withNull = thing("a", 1).with("note", Value.nil())
                .with("inner", Value.list(List.of(Value.map(java.util.Map.of("x", Value.nil())))));
        MapValue without = thing("a", 1).with("inner", Value.list(List.of(MapValue.EMPTY)));
        assertEquals(Action.NO_OP, decide(without, withNull).action());
        assertEquals(Action.UPDATE, decide(without, withNull.with("note", Value.of("set"))).action());
    }

    @Test
    void nothingBeforeMeansCreate() {
        ActionDecider.Decision d = decide(null, thing("a", 1));
        assertEquals(Action.CREATE, d.action());
        assertEquals(ActionReason.NONE, d.reason());
    }

    @Test
    void nothingPlannedMeansDelete() {
        assertEquals(Action.DELETE, decide(thing("a", 1), null).action());
    }

    @Test
    void neitherBeforeNorAfterIsNoOp() {
        assertEquals(Action.NO_OP, decide(null, null).action());
    }

    @Test
    void equalValuesAreNoOpEvenWithAForceNewPathListed() {
        ActionDecider.Decision d = decide(thing("a", 1), thing("a", 1));
        assertEquals(Action.NO_OP, d.action());
        assertEquals(List.of(), d.replacePaths());
    }

    @Test
    void changeOutsideForceNewPathsIsAnUpdate() {
        ActionDecider.Decision d = decide(thing("a", 1), thing("a", 2));
        assertEquals(Action.UPDATE, d.action());
        assertEquals(ActionReason.NONE, d.reason());
        assertEquals(List.of(), d.replacePaths());
    }

    @Test
    void changeOfAForceNewPathReplacesAndNamesOnlyThatPath() {
        List<List<Object>> paths = List.of(List.of("name"), List.of("size"));
        ActionDecider.Decision d = ActionDecider.decide(new ActionDecider.Inputs(thing("a", 1), thing("b", 1), paths,
                false, false, false));
        assertEquals(Action.DELETE_THEN_CREATE, d.action());
        assertEquals(ActionReason.REPLACE_BECAUSE_CANNOT_UPDATE, d.reason());
        assertEquals(List.of(List.of("name")), d.replacePaths());
    }

    @Test
    void unknownValueAtAForceNewPathReplaces() {
        MapValue planned = thing("a", 1).with("name", Value.unknown());
        assertEquals(Action.DELETE_THEN_CREATE, decide(thing("a", 1), planned).action());
    }

    @Test
    void createBeforeDestroyTurnsTheReplacementAround() {
        ActionDecider.Decision d = ActionDecider.decide(new ActionDecider.Inputs(thing("a", 1), thing("b", 1),
                NAME_FORCES_NEW, false, false, true));
        assertEquals(Action.CREATE_THEN_DELETE, d.action());
        assertEquals(ActionReason.REPLACE_BECAUSE_CANNOT_UPDATE, d.reason());
    }

    @Test
    void taintedIsReplacedEvenWhenNothingChanged() {
        ActionDecider.Decision d = ActionDecider.decide(new ActionDecider.Inputs(thing("a", 1), thing("a", 1),
                NAME_FORCES_NEW, true, false, false));
        assertEquals(Action.DELETE_THEN_CREATE, d.action());
        assertEquals(ActionReason.REPLACE_BECAUSE_TAINTED, d.reason());
    }

    @Test
    void taintedWithCreateBeforeDestroyCreatesFirst() {
        ActionDecider.Decision d = ActionDecider.decide(new ActionDecider.Inputs(thing("a", 1), thing("a", 1),
                NAME_FORCES_NEW, true, false, true));
        assertEquals(Action.CREATE_THEN_DELETE, d.action());
        assertEquals(ActionReason.REPLACE_BECAUSE_TAINTED, d.reason());
    }

    @Test
    void replaceRequestedReplacesAnUnchangedInstance() {
        ActionDecider.Decision d = ActionDecider.decide(new ActionDecider.Inputs(thing("a", 1), thing("a", 1),
                List.of(), false, true, false));
        assertEquals(Action.DELETE_THEN_CREATE, d.action());
        assertEquals(ActionReason.REPLACE_BY_REQUEST, d.reason());
    }

    @Test
    void becomingSensitiveIsAnUpdate() {
        MapValue prior = thing("a", 1);
        MapValue planned = prior.with("size", Value.sensitive(Value.of(1)));
        ActionDecider.Decision d = decide(prior, planned);
        assertEquals(Action.UPDATE, d.action());
        assertEquals(ActionReason.NONE, d.reason());
    }

    @Test
    void stoppingBeingSensitiveIsAnUpdate() {
        MapValue planned = thing("a", 1);
        MapValue prior = planned.with("size", Value.sensitive(Value.of(1)));
        assertEquals(Action.UPDATE, decide(prior, planned).action());
    }

    @Test
    void sensitivityMovingToAnotherAttributeIsAnUpdate() {
        MapValue plain = thing("a", 1);
        MapValue prior = plain.with("size", Value.sensitive(Value.of(1)));
        MapValue planned = plain.with("id", Value.sensitive(Value.of("i-1")));
        assertEquals(Action.UPDATE, decide(prior, planned).action());
    }

    @Test
    void sameSensitiveValuesAreNoOp() {
        MapValue v = thing("a", 1).with("size", Value.sensitive(Value.of(1)));
        assertEquals(Action.NO_OP, decide(v, thing("a", 1).with("size", Value.sensitive(Value.of(1)))).action());
    }
}
