package dev.berth.engine.provider;

import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ForceNewTest {
    private static final BlockSchema PORT = BlockSchema.of(List.of(
            AttributeSchema.named("port", AttributeType.NUMBER).required().forceNew().build(),
            AttributeSchema.named("label", AttributeType.STRING).optional().build()));
    private static final BlockSchema BODY = BlockSchema.of(List.of(
            AttributeSchema.named("name", AttributeType.STRING).required().forceNew().build(),
            AttributeSchema.named("size", AttributeType.NUMBER).optional().build(),
            AttributeSchema.named("zone", AttributeType.STRING).optional().forceNew().build()),
            List.of(new BlockSchema.NestedBlock("listener", PORT, 0, 0, false),
                    new BlockSchema.NestedBlock("volume", BlockSchema.of(List.of(
                            AttributeSchema.named("path", AttributeType.STRING).required().build())), 0, 0, true)));

    private static MapValue obj(Object... kv) {
        java.util.Map<String, Value> m = new java.util.TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (Value) kv[i + 1]);
        return new MapValue(m);
    }

    private static Value listener(long port, String label) {
        return obj("port", Value.of(port), "label", Value.of(label));
    }

    private static MapValue thing(String name, Value listeners, Value volumes) {
        return obj("name", Value.of(name), "size", Value.of(1), "listener", listeners, "volume", volumes);
    }

    @Test
    void onlyMarkedAttributesThatChangeAreReportedSortedByName() {
        MapValue prior = thing("a", Value.list(List.of()), Value.list(List.of()));
        assertEquals(List.of(), ForceNew.changedPaths(BODY, prior, prior.with("size", Value.of(2))));
        assertEquals(List.of(List.of("name"), List.of("zone")),
                ForceNew.changedPaths(BODY, prior, prior.with("zone", Value.of("b")).with("name", Value.of("b"))));
    }

    @Test
    void aMarkedAttributeInsideABlockIsReportedPerElement() {
        MapValue prior = thing("a", Value.list(List.of(listener(80, "x"), listener(81, "y"))), Value.list(List.of()));
        MapValue relabelled = prior.with("listener", Value.list(List.of(listener(80, "z"), listener(81, "y"))));
        assertEquals(List.of(), ForceNew.changedPaths(BODY, prior, relabelled));
        MapValue moved = prior.with("listener", Value.list(List.of(listener(80, "x"), listener(82, "y"),
                listener(90, "new"))));
        assertEquals(List.of(List.of("listener", 1, "port"), List.of("listener", 2, "port")),
                ForceNew.changedPaths(BODY, prior, moved));
    }

    @Test
    void aMarkedBlockIsReportedWhole() {
        MapValue prior = thing("a", Value.list(List.of()), Value.list(List.of(obj("path", Value.of("/a")))));
        assertEquals(List.of(List.of("volume")), ForceNew.changedPaths(BODY, prior,
                prior.with("volume", Value.list(List.of(obj("path", Value.of("/b")))))));
    }

    @Test
    void anUnknownPlannedValueForcesReplacementAndCreatesAndDeletesHaveNone() {
        MapValue prior = thing("a", Value.list(List.of()), Value.list(List.of()));
        assertEquals(List.of(List.of("name")), ForceNew.changedPaths(BODY, prior, prior.with("name", Value.unknown())));
        assertEquals(List.of(List.of("listener")), ForceNew.changedPaths(BODY, prior,
                prior.with("listener", Value.unknown())));
        assertEquals(List.of(), ForceNew.changedPaths(BODY, null, prior));
        assertEquals(List.of(), ForceNew.changedPaths(BODY, prior, null));
    }

    @Test
    void absentAndNullAreTheSame() {
        MapValue prior = thing("a", Value.list(List.of()), Value.list(List.of()));
        assertEquals(List.of(), ForceNew.changedPaths(BODY, prior, prior.with("zone", Value.nil())));
    }

    @Test
    void sensitivityAloneIsNoChange() {
        MapValue prior = thing("a", Value.list(List.of()), Value.list(List.of()));
        assertEquals(List.of(), ForceNew.changedPaths(BODY, prior, prior.with("name", Value.sensitive(Value.of("a")))));
    }
}
