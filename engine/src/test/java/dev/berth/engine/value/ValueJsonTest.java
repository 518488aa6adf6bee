package dev.berth.engine.value;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
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

    @Property(tries = 200)
    void roundTripsArbitraryValues(@ForAll("values") Value v) {
        assertEquals(v, ValueJson.fromJson(ValueJson.toJson(v)));
    }

    @Provide
    Arbitrary<Value> values() {
        return valuesUpTo(2);
    }

    private Arbitrary<Value> valuesUpTo(int depth) {
        Arbitrary<Value> leaf = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(8).map(Value::of),
                Arbitraries.bigDecimals().ofScale(4).between(new BigDecimal("-1e12"), new BigDecimal("1e12")).map(Value::of),
                Arbitraries.of(true, false).map(Value::of),
                Arbitraries.just(Value.nil()));
        if (depth == 0) return leaf;
        Arbitrary<Value> inner = valuesUpTo(depth - 1);
        return Arbitraries.oneOf(leaf,
                inner.list().ofMaxSize(3).map(Value::list),
                Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(4), inner).ofMaxSize(3).map(Value::map));
    }
}
