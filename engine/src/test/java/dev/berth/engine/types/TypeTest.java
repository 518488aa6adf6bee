package dev.berth.engine.types;

import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.SensitiveValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TypeTest {
    private static Value s(String s) {
        return Value.of(s);
    }

    private static Value list(Value... v) {
        return Value.list(List.of(v));
    }

    private static String error(Type t, Value v) {
        return assertThrows(TypeConversionException.class, () -> t.convert(v)).getMessage();
    }

    @Test
    void friendlyNames() {
        assertEquals("list(string)", Type.list(Type.STRING).friendlyName());
        assertEquals("map(set(number))", Type.map(Type.set(Type.NUMBER)).friendlyName());
        assertEquals("object({ a = string })", Type.object(Map.of("a", Type.STRING)).friendlyName());
        assertEquals("object({ a = string, b = optional(list(any)) })",
                Type.object(Map.of("b", Type.list(Type.ANY), "a", Type.STRING), Set.of("b")).friendlyName());
        assertEquals("tuple([string, bool])", Type.tuple(List.of(Type.STRING, Type.BOOL)).friendlyName());
        assertEquals("any", Type.ANY.friendlyName());
    }

    @Test
    void primitivesConvertBothWays() {
        assertEquals(s("42"), Type.STRING.convert(Value.of(42)));
        assertEquals(s("1.5"), Type.STRING.convert(Value.of(new BigDecimal("1.50"))));
        assertEquals(s("true"), Type.STRING.convert(Value.of(true)));
        assertEquals(Value.of(new BigDecimal("-2.5")), Type.NUMBER.convert(s("-2.5")));
        assertEquals(Value.of(1000), Type.NUMBER.convert(s("1e3")));
        assertEquals(Value.of(false), Type.BOOL.convert(s("false")));
        assertEquals("a number is required", error(Type.NUMBER, s("twelve")));
        assertEquals("a bool is required", error(Type.BOOL, s("yes")));
        assertEquals("bool required, but have number", error(Type.BOOL, Value.of(1)));
        assertEquals("string required, but have list", error(Type.STRING, list()));
    }

    @Test
    void nullUnknownAndSensitivePassThrough() {
        Type t = Type.list(Type.NUMBER);
        assertEquals(Value.nil(), t.convert(Value.nil()));
        assertEquals(Value.unknown(), t.convert(Value.unknown()));
        assertEquals(list(Value.of(1), Value.unknown(), Value.nil()), t.convert(list(s("1"), Value.unknown(), Value.nil())));
        Value converted = Type.NUMBER.convert(Value.sensitive(s("7")));
        assertInstanceOf(SensitiveValue.class, converted);
        assertEquals(Value.of(7), converted.unmarked());
    }

    @Test
    void errorsNameTheElementPath() {
        assertEquals("element 2: a number is required", error(Type.list(Type.NUMBER), list(s("1"), s("2"), s("x"))));
        Type t = Type.object(Map.of("ports", Type.list(Type.NUMBER)));
        Value v = Value.map(Map.of("ports", list(Value.of(80), s("http"))));
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> t.convert(v));
        assertEquals("attribute \"ports\": element 1: a number is required", e.getMessage());
        assertEquals("attribute \"ports\": element 1", e.path());
        assertEquals("element \"k\": bool required, but have list",
                error(Type.map(Type.BOOL), Value.map(Map.of("k", list()))));
    }

    @Test
    void listsSetsAndTuplesInterconvert() {
        assertEquals(list(s("a"), s("b")), Type.tuple(List.of(Type.STRING, Type.STRING)).convert(list(s("a"), s("b"))));
        assertEquals("tuple required with 2 elements, but have 1",
                error(Type.tuple(List.of(Type.STRING, Type.STRING)), list(s("a"))));
        assertEquals(list(Value.of(1), Value.of(2), Value.of(10)),
                Type.set(Type.NUMBER).convert(list(Value.of(10), s("2"), Value.of(1), s("10"))));
        assertEquals(list(s("a"), s("b")), Type.set(Type.STRING).convert(list(s("b"), s("a"), s("b"))));
        assertEquals("list(string) required, but have object", error(Type.list(Type.STRING), MapValue.EMPTY));
    }

    @Test
    void objectsDropExtrasAndFillOptionals() {
        Type t = Type.object(Map.of("name", Type.STRING, "size", Type.NUMBER), Set.of("size"));
        Value out = t.convert(Value.map(Map.of("name", Value.of(5), "extra", s("x"))));
        Map<String, Value> want = new TreeMap<>();
        want.put("name", s("5"));
        want.put("size", Value.nil());
        assertEquals(Value.map(want), out);
        assertEquals("attribute \"name\" is required", error(t, MapValue.EMPTY));
        assertEquals(Value.map(Map.of("a", s("1"))), Type.map(Type.STRING).convert(Value.map(Map.of("a", Value.of(1)))));
    }

    @Test
    void anyElementsUnifyToString() {
        assertEquals(list(s("a"), s("1"), s("true")), Type.list(Type.ANY).convert(list(s("a"), Value.of(1), Value.of(true))));
        assertEquals(list(Value.of(1), Value.of(2)), Type.list(Type.ANY).convert(list(Value.of(1), Value.of(2))));
        assertEquals("all list elements must have the same type", error(Type.list(Type.ANY), list(Value.of(1), Value.of(true))));
        assertEquals("all map elements must have the same type",
                error(Type.map(Type.ANY), Value.map(Map.of("a", s("x"), "b", list()))));
        assertEquals(list(s("x"), list()), Type.ANY.convert(list(s("x"), list())));
    }

    @Test
    void valueOrderSortsByCodePoint() {
        Value emoji = s("\uD83D\uDE00");
        Value highBmp = s("\uFF21");
        assertEquals(list(highBmp, emoji), Type.set(Type.STRING).convert(list(emoji, highBmp)));
    }
}
