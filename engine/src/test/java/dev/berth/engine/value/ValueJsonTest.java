package dev.berth.engine.value;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Random;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueJsonTest {
    @Test
    void encodesCompactlyWithSortedKeys() {
        Value v = Value.map(Map.of("b", Value.of(1), "a", Value.list(List.of(Value.of("x"), Value.nil(), Value.of(true)))));
        assertEquals("{\"a\":[\"x\",null,true],\"b\":1}", ValueJson.toJson(v));
    }

    @Test
    void numbersAreExactWithoutTrailingZeros() {
        assertEquals("1.5", ValueJson.toJson(Value.of(new BigDecimal("1.50"))));
        assertEquals("256", ValueJson.toJson(Value.of(new BigDecimal("256.0"))));
        assertEquals("1000", ValueJson.toJson(Value.of(new BigDecimal("1E+3"))));
        assertEquals("0.0000001", ValueJson.toJson(Value.of(new BigDecimal("1E-7"))));
        assertEquals("123456789012345678901234567890", ValueJson.toJson(Value.of(new BigDecimal("123456789012345678901234567890"))));
    }

    @Test
    void decodesNumbersExactly() {
        assertEquals(Value.of(new BigDecimal("1.5")), ValueJson.fromJson("1.50"));
        assertEquals(Value.of(new BigDecimal("0.1")), ValueJson.fromJson("0.1"));
        assertEquals(Value.of(new BigDecimal("98765432109876543210987654321")), ValueJson.fromJson("98765432109876543210987654321"));
        assertEquals("3.14159265358979323846264338327950288",
                ValueJson.fromJson("3.14159265358979323846264338327950288").toString());
        assertEquals(Value.of(1000), ValueJson.fromJson("1e3"));
    }

    @Test
    void decodesStructures() {
        Value v = ValueJson.fromJson("{\"z\": [1, \"two\", false, null], \"a\": {}}");
        assertEquals(Value.map(Map.of(
                "a", MapValue.EMPTY,
                "z", Value.list(List.of(Value.of(1), Value.of("two"), Value.of(false), Value.nil())))), v);
    }

    @Test
    void sensitiveIsUnwrappedAndUnknownIsRejected() {
        assertEquals("\"pw\"", ValueJson.toJson(Value.sensitive(Value.of("pw"))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ValueJson.toJson(Value.list(List.of(Value.unknown()))));
        assertTrue(e.getMessage().contains("unknown"), e.getMessage());
    }

    @Test
    void malformedJsonGivesAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ValueJson.fromJson("{\"a\": }"));
        assertTrue(e.getMessage().startsWith("invalid JSON: "), e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ValueJson.fromJson("[1] [2]"));
        assertThrows(IllegalArgumentException.class, () -> ValueJson.fromJson(""));
    }

    @Test
    void jsonNodeRoundTrip() {
        Value v = Value.map(Map.of("n", Value.of(new BigDecimal("-0.25")), "s", Value.of("é\n\"")));
        assertEquals(v, ValueJson.fromJsonNode(ValueJson.toJsonNode(v)));
    }

    @Test
    void roundTripsRandomValues() {
        Random seeds = new Random(20261124);
        for (int trial = 0; trial < 200; trial++) {
            long seed = seeds.nextLong();
            Value v = randomValue(new Random(seed), 2);
            assertEquals(v, ValueJson.fromJson(ValueJson.toJson(v)), "seed " + seed);
        }
    }

    private static Value randomValue(Random r, int depth) {
        int kind = r.nextInt(depth == 0 ? 4 : 6);
        return switch (kind) {
            case 0 -> Value.of(randomString(r, 8, false));
            case 1 -> Value.of(new BigDecimal(r.nextLong() % 1_000_000_000_000L).movePointLeft(r.nextInt(5)));
            case 2 -> Value.of(r.nextBoolean());
            case 3 -> Value.nil();
            case 4 -> {
                java.util.List<Value> items = new java.util.ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) items.add(randomValue(r, depth - 1));
                yield Value.list(items);
            }
            default -> {
                java.util.Map<String, Value> m = new java.util.HashMap<>();
                for (int i = r.nextInt(4); i > 0; i--) m.put(randomString(r, 4, true), randomValue(r, depth - 1));
                yield Value.map(m);
            }
        };
    }

    /** Random text, including quotes, backslashes, control and non-ASCII characters unless alpha. */
    private static String randomString(Random r, int maxLength, boolean alpha) {
        StringBuilder sb = new StringBuilder();
        for (int i = r.nextInt(maxLength + 1); i > 0; i--) {
            sb.append(alpha ? (char) ('a' + r.nextInt(26)) : "ab\"\\\n\té€ zü".charAt(r.nextInt(11)));
        }
        return sb.toString();
    }
}
