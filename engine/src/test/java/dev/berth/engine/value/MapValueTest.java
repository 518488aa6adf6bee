package dev.berth.engine.value;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A map value's entries behave as the sorted, immutable map they promise, whatever map they came from. */
class MapValueTest {

    @Test
    void entriesAreInKeyOrderWhateverTheSourceOrder() {
        Map<String, Value> source = new LinkedHashMap<>();
        for (String k : List.of("memory", "arn", "Zeta", "cpu", "a_b", "a")) source.put(k, Value.of(k));
        MapValue m = new MapValue(source);
        assertEquals(List.of("Zeta", "a", "a_b", "arn", "cpu", "memory"), new ArrayList<>(m.entries().keySet()));
        assertEquals(List.copyOf(new TreeMap<>(source).values()), new ArrayList<>(m.entries().values()));
        List<String> seen = new ArrayList<>();
        m.entries().forEach((k, v) -> {
            assertEquals(Value.of(k), v);
            seen.add(k);
        });
        assertEquals(List.of("Zeta", "a", "a_b", "arn", "cpu", "memory"), seen);
    }

    @Test
    void lookupsAndEqualityMatchATreeMapOfTheSameEntries() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            Map<String, Value> source = new HashMap<>();
            int n = random.nextInt(40);
            for (int i = 0; i < n; i++) source.put("k" + random.nextInt(100), Value.of(random.nextInt(5)));
            MapValue m = new MapValue(source);
            TreeMap<String, Value> expected = new TreeMap<>(source);
            assertEquals(expected, m.entries());
            assertEquals(m.entries(), expected);
            assertEquals(expected.hashCode(), m.entries().hashCode());
            assertEquals(expected.entrySet(), m.entries().entrySet());
            assertEquals(expected.toString(), m.entries().toString());
            for (int i = 0; i < 100; i++) {
                String k = "k" + i;
                assertEquals(expected.get(k), m.entries().get(k), k);
                assertEquals(expected.containsKey(k), m.has(k), k);
                assertEquals(expected.containsKey(k) ? expected.get(k) : NullValue.INSTANCE, m.get(k), k);
            }
            assertEquals(new MapValue(expected), m);
            assertEquals(new MapValue(expected).hashCode(), m.hashCode());
        }
    }

    @Test
    void withAddsOrReplacesOneKeyAndLeavesTheOriginalAlone() {
        MapValue m = new MapValue(Map.of("b", Value.of(2), "d", Value.of(4)));
        for (String k : List.of("a", "b", "c", "d", "e")) {
            MapValue w = m.with(k, Value.of(k));
            TreeMap<String, Value> expected = new TreeMap<>(m.entries());
            expected.put(k, Value.of(k));
            assertEquals(expected, w.entries(), k);
            assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(w.entries().keySet()), k);
        }
        assertEquals(Map.of("b", Value.of(2), "d", Value.of(4)), m.entries());
    }

    @Test
    void entriesCannotBeChangedAndAreSharedWhenAlreadyMade() {
        MapValue m = new MapValue(Map.of("a", Value.of(1)));
        assertThrows(UnsupportedOperationException.class, () -> m.entries().put("b", Value.of(2)));
        assertThrows(UnsupportedOperationException.class, () -> m.entries().remove("a"));
        assertThrows(UnsupportedOperationException.class, () -> m.entries().clear());
        Iterator<Map.Entry<String, Value>> it = m.entries().entrySet().iterator();
        it.next();
        assertThrows(UnsupportedOperationException.class, it::remove);
        assertThrows(UnsupportedOperationException.class, () -> m.entries().entrySet().iterator().next().setValue(Value.of(3)));
        assertFalse(it.hasNext());
        assertThrows(java.util.NoSuchElementException.class, it::next);
        assertSame(m.entries(), new MapValue(m.entries()).entries());
        assertNull(m.entries().get(42));
        assertFalse(m.entries().containsKey(null));
        assertTrue(MapValue.EMPTY.entries().isEmpty());
    }

    @Test
    void aNullKeyIsRefusedAsATreeMapRefusesIt() {
        Map<String, Value> withNull = new HashMap<>();
        withNull.put(null, Value.of(1));
        assertThrows(NullPointerException.class, () -> new MapValue(withNull));
    }

    @Test
    void equalityAndHashAreAMapsWhicheverWayTheEntriesWereMade() {
        Map<String, Value> hashed = new HashMap<>();
        Map<String, Value> sorted = new TreeMap<>();
        for (String k : List.of("memory", "arn", "cpu", "tags")) {
            Value v = k.equals("tags") ? new MapValue(Map.of("team", Value.of("web"))) : Value.of(k + "-1");
            hashed.put(k, v);
            sorted.put(k, v);
        }
        MapValue a = new MapValue(hashed);
        MapValue b = new MapValue(sorted);
        assertEquals(a, b);
        assertEquals(a.entries(), sorted);
        assertEquals(sorted, a.entries());
        assertEquals(sorted.hashCode(), a.entries().hashCode());
        assertEquals(a.hashCode(), b.hashCode());

        assertFalse(a.equals(b.with("cpu", Value.of("cpu-2"))), "a value differs");
        assertFalse(a.equals(b.with("cpu2", Value.of("cpu-1"))), "one key more");
        Map<String, Value> renamed = new TreeMap<>(sorted);
        renamed.put("arm", renamed.remove("arn"));
        assertFalse(a.equals(new MapValue(renamed)), "same size and values, another key");
        assertFalse(a.equals(b.with("tags", new MapValue(Map.of("team", Value.of("api"))))), "a nested value differs");
    }
}
