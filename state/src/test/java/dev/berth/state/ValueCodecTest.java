package dev.berth.state;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.engine.value.MapValue;
import dev.berth.engine.value.NumberValue;
import dev.berth.engine.value.SensitiveValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueCodecTest {

    private static Value roundTrip(Value v) {
        ValueCodec.Encoded e = ValueCodec.encode(v);
        // Through text, as the store does, so the JSON rendering itself is part of the test.
        return ValueCodec.decode(ValueCodec.parse(ValueCodec.write(e.plain())),
                ValueCodec.parse(ValueCodec.write(e.sensitivePaths())));
    }

    /** State load reads the stored text as it streams by; it must give what decoding the parsed tree gives. */
    @Test
    void theStreamingReadGivesWhatTheTreeGives() {
        for (String text : List.of("{\"a\":1.50,\"b\":[1e3,-0,12345678901234567890123,0.0000001],"
                + "\"c\":{\"x\":null,\"y\":true,\"n\":false,\"z\":\"s\\u00e9\"},\"e\":[],\"f\":{}}",
                "[]", "\"x\"", "null", "7", "{\"k\":1,\"k\":2}", "[[[]],[{}]]")) {
            assertEquals(ValueCodec.decode(ValueCodec.parse(text), ValueCodec.parse("[]")), ValueCodec.decode(text, "[]"),
                    text);
        }
        MapValue v = Fixtures.everyKind();
        ValueCodec.Encoded e = ValueCodec.encode(v);
        assertEquals(v, ValueCodec.decode(ValueCodec.write(e.plain()), ValueCodec.write(e.sensitivePaths())));
    }

    @Test
    void everyKindSurvivesExactly() {
        MapValue v = Fixtures.everyKind();
        assertEquals(v, roundTrip(v));
    }

    @Test
    void numbersStayExactDecimalsInPlainNotation() {
        ValueCodec.Encoded e = ValueCodec.encode(Value.list(List.of(Value.of(256), Value.of(new BigDecimal("0.1")),
                Value.of(new BigDecimal("1E-7")), Value.of(new BigDecimal("1E+3")))));
        assertEquals("[256,0.1,0.0000001,1000]", ValueCodec.write(e.plain()));
        Value back = roundTrip(Value.of(new BigDecimal("0.1")));
        assertEquals(new BigDecimal("0.1"), ((NumberValue) back).value());
        assertEquals("256", roundTrip(Value.of(256)).toString());
    }

    @Test
    void sensitiveMarkingsAreKeptApartAsTerraformStylePaths() {
        Value v = Value.map(Map.of(
                "password", Value.sensitive(Value.of("hunter2")),
                "env", Value.list(List.of(Value.of("A"), Value.sensitive(Value.of("B"))))));
        ValueCodec.Encoded e = ValueCodec.encode(v);
        assertEquals("{\"env\":[\"A\",\"B\"],\"password\":\"hunter2\"}", ValueCodec.write(e.plain()));
        assertEquals("[[\"env\",1],[\"password\"]]", ValueCodec.write(e.sensitivePaths()));
    }

    @Test
    void wholeValueSensitiveIsTheEmptyPath() {
        Value v = Value.sensitive(Value.map(Map.of("k", Value.sensitive(Value.of("v")))));
        ValueCodec.Encoded e = ValueCodec.encode(v);
        assertEquals("[[],[\"k\"]]", ValueCodec.write(e.sensitivePaths()));
        Value back = roundTrip(v);
        assertEquals(v, back);
        SensitiveValue outer = assertInstanceOf(SensitiveValue.class, back);
        assertInstanceOf(SensitiveValue.class, ((MapValue) outer.inner()).get("k"));
    }

    @Test
    void numericMapKeysAreNotConfusedWithListIndexes() {
        Value v = Value.map(Map.of("0", Value.sensitive(Value.of("a")), "1", Value.of("b")));
        assertEquals("[[\"0\"]]", ValueCodec.write(ValueCodec.encode(v).sensitivePaths()));
        assertEquals(v, roundTrip(v));
    }

    @Test
    void unmarkedValuesHaveNoPaths() {
        ValueCodec.Encoded e = ValueCodec.encode(Value.map(Map.of("a", Value.of("b"))));
        assertEquals(0, e.sensitivePaths().size());
        assertFalse(roundTrip(Value.map(Map.of("a", Value.of("b")))).containsSensitive());
    }

    @Test
    void unknownValuesAreRefusedWithTheirPath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ValueCodec.encode(Value.map(Map.of("arn", Value.unknown()))));
        assertTrue(e.getMessage().contains("unknown") && e.getMessage().contains("arn"), e.getMessage());
    }

    @Test
    void aPathThatDoesNotExistIsReportedAsCorruption() {
        JsonNode plain = ValueCodec.parse("{\"a\":1}");
        assertThrows(IllegalArgumentException.class, () -> ValueCodec.decode(plain, ValueCodec.parse("[[\"b\"]]")));
    }
}
