package dev.berth.engine.value;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Expected values are Terraform 1.11.4's (terraform console), as in the oracle corpus. */
class BinaryFloatTest {
    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void arithmeticRoundsToTerraforms512BitNumbers() {
        BigDecimal third = BinaryFloat.divide(BigDecimal.ONE, d("3"));
        assertEquals("0." + "3".repeat(154) + "5", third.toPlainString());
        assertEquals(0, BinaryFloat.multiply(third, d("3")).compareTo(BigDecimal.ONE));
        assertEquals("0.3", BinaryFloat.add(d("0.1"), d("0.2")).toPlainString());
        assertEquals("0.1" + "0".repeat(153) + "3", BinaryFloat.subtract(BigDecimal.ONE, d("0.9")).toPlainString());
        assertEquals("-1.5", BinaryFloat.remainder(d("-5.5"), d("2")).toPlainString());
        assertEquals("1" + "0".repeat(309), BinaryFloat.multiply(d("1e308"), d("10")).toPlainString());
    }

    @Test
    void formattingSeesTheBinaryValue() {
        // 2.675 is just below itself in binary, so %.2f rounds it down, as Go's big.Float does.
        assertEquals(-1, BinaryFloat.binaryValue(d("2.675")).compareTo(d("2.675")));
        assertEquals("9007199254740993", BinaryFloat.canonical(d("9007199254740993")).toPlainString());
    }

    @Test
    void doublesPrintInTheirShortestForm() {
        assertEquals("18446744073709550000", BinaryFloat.fromDouble(Math.pow(2, 64)).toPlainString());
        assertEquals("1.4142135623730951", BinaryFloat.fromDouble(Math.sqrt(2)).toPlainString());
        assertEquals("0.01", BinaryFloat.fromDouble(Math.pow(10, -2)).toPlainString());
    }
}
