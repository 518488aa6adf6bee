package dev.berth.engine.functions;

import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;

import static dev.berth.engine.functions.Call.b;
import static dev.berth.engine.functions.Call.call;
import static dev.berth.engine.functions.Call.fails;
import static dev.berth.engine.functions.Call.list;
import static dev.berth.engine.functions.Call.map;
import static dev.berth.engine.functions.Call.n;
import static dev.berth.engine.functions.Call.nil;
import static dev.berth.engine.functions.Call.s;
import static dev.berth.engine.functions.Call.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FormatFunctionsTest {
    private static String format(String f, Value... args) {
        Value[] all = new Value[args.length + 1];
        all[0] = s(f);
        System.arraycopy(args, 0, all, 1, args.length);
        return ((dev.berth.engine.value.StringValue) call("format", all)).value();
    }

    @Test
    void basicVerbs() {
        assertEquals("Hello, Ander!", format("Hello, %s!", s("Ander")));
        assertEquals("There are 4 lights", format("There are %d lights", n(4)));
        assertEquals("100%", format("%d%%", n(100)));
        assertEquals("3.14", format("%.2f", n("3.14159")));
        assertEquals("3.141590", format("%f", n("3.14159")));
        assertEquals("2.50", format("%.2f", n("2.505")));
        assertEquals("\"quoted\\n\"", format("%q", s("quoted\n")));
        assertEquals("true", format("%t", b(true)));
        assertEquals("false", format("%t", s("false")));
        assertEquals("12", format("%d", s("12")));
    }

    @Test
    void defaultVerbPicksByType() {
        assertEquals("hi", format("%v", s("hi")));
        assertEquals("1.5", format("%v", n("1.50")));
        assertEquals("1e+06", format("%v", n(1000000)));
        assertEquals("true", format("%v", b(true)));
        assertEquals("null", format("%v", nil()));
        assertEquals("[\"a\",1]", format("%v", list(s("a"), n(1))));
        assertEquals("{\"a\":\"\\u003cb\\u003e\"}", format("%#v", map("a", s("<b>"))));
        assertEquals("\"hi\"", format("%#v", s("hi")));
    }

    @Test
    void widthPrecisionAndFlags() {
        assertEquals("   hi", format("%5s", s("hi")));
        assertEquals("hi   |", format("%-5s|", s("hi")));
        assertEquals("hel", format("%.3s", s("hello")));
        assertEquals("00042", format("%05d", n(42)));
        assertEquals("+42", format("%+d", n(42)));
        assertEquals("  -42", format("%5d", n(-42)));
        assertEquals("ff FF 0xff 101 17", format("%x %X %#x %b %o", n(255), n(255), n(255), n(5), n(15)));
        assertEquals("  3.14", format("%6.2f", n("3.14159")));
        assertEquals("1.234560e+03", format("%e", n("1234.56")));
        assertEquals("1.2E+03", format("%.1E", n("1234.56")));
        assertEquals("1234.56", format("%g", n("1234.56")));
        assertEquals("1.2e+03", format("%.2g", n("1234.56")));
    }

    @Test
    void explicitArgumentIndexes() {
        assertEquals("b a b", format("%[2]s %[1]s %s", s("a"), s("b"), s("b")));
    }

    @Test
    void errors() {
        assertEquals("not enough arguments for \"%s\" at 0: need index 1 but have 0 total", fails("format", s("%s")).getMessage());
        assertEquals("unsupported value for \"%d\" at 0: an integer is required", fails("format", s("%d"), n("1.5")).getMessage());
        assertEquals("unsupported value for \"%d\" at 0: a number is required", fails("format", s("%d"), s("x")).getMessage());
        assertEquals("unsupported value for \"%s\" at 0: null value cannot be formatted", fails("format", s("%s"), nil()).getMessage());
        assertEquals("unsupported format verb 'z' in \"%z\" at offset 0", fails("format", s("%z"), s("x")).getMessage());
        assertEquals("invalid format string starting at offset 0", fails("format", s("%")).getMessage());
        // Terraform prints Go's "%!(NOVERB)%!(EXTRA *big.Float=-2.5)" as the result here (terraform console, 1.11.4).
        assertEquals("invalid format string starting at offset 1: a width, precision or argument index is too large",
                fails("format", s("x%00.70000000000000000000000000f"), n("-2.5")).getMessage());
        assertEquals("invalid format string starting at offset 0: a width, precision or argument index is too large",
                fails("format", s("%99999999999d"), n(1)).getMessage());
    }

    @Test
    void aPrecisionOfAMillionDigitsIsStillFormattedAsTerraformDoes() {
        // terraform console: length(format("%.1000001f", 1.5)) = 1000003
        assertEquals(1_000_003, format("%.1000001f", n("1.5")).length());
    }

    @Test
    void formatlistIteratesListsInStep() {
        assertEquals(strings("Hello, Valentina!", "Hello, Ander!"),
                call("formatlist", s("Hello, %s!"), strings("Valentina", "Ander")));
        assertEquals(strings("a=1", "b=2"), call("formatlist", s("%s=%s"), strings("a", "b"), list(n(1), n(2))));
        assertEquals(strings("x-a", "x-b"), call("formatlist", s("%s-%s"), s("x"), strings("a", "b")));
        assertEquals(strings("only"), call("formatlist", s("only")));
        FunctionException e = fails("formatlist", s("%s%s"), strings("a"), strings("a", "b"));
        assertEquals("argument 2 has length 2, which is inconsistent with argument 1 of length 1", e.getMessage());
        assertEquals(2, e.argIndex());
    }
}
