package dev.berth.engine.value;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A one-step lookup by key answers as the general path lookup does, for every kind of root. */
class ValuePathsTest {
    @Test
    void aKeyLooksUpAsTheOneStepPathDoes() {
        Map<String, Value> withNull = new HashMap<>();
        withNull.put("k", Value.nil());
        List<Value> roots = java.util.Arrays.asList(
                Value.map(Map.of("k", Value.of("v"))),
                Value.map(Map.of("other", Value.of(1))),
                Value.map(withNull),
                Value.sensitive(Value.map(Map.of("k", Value.of(true)))),
                Value.unknown(),
                Value.list(List.of(Value.of("k"))),
                Value.of("k"),
                Value.nil(),
                MapValue.EMPTY,
                null);
        for (Value root : roots) {
            assertEquals(ValuePaths.get(root, List.of("k")), ValuePaths.get(root, "k"), String.valueOf(root));
        }
        assertEquals(Value.of("v"), ValuePaths.get(roots.get(0), "k"));
    }
}
