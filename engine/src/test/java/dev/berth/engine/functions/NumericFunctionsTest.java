package dev.berth.engine.functions;

import org.junit.jupiter.api.Test;

import static dev.berth.engine.functions.Call.call;
import static dev.berth.engine.functions.Call.fails;
import static dev.berth.engine.functions.Call.n;
import static dev.berth.engine.functions.Call.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

class NumericFunctionsTest {
    @Test
    void absCeilFloorSignum() {
        assertEquals(n("12.4"), call("abs", n("-12.4")));
        assertEquals(n(6), call("ceil", n("5.1")));
        assertEquals(n(-5), call("ceil", n("-5.9")));
        assertEquals(n(4), call("floor", n("4.9")));
        assertEquals(n(-5), call("floor", n("-4.1")));
        assertEquals(n(-1), call("signum", n(-42)));
        assertEquals(n(0), call("signum", n(0)));
        assertEquals(n(1), call("signum", s("3")));
        assertEquals("Invalid value for \"num\" parameter: a number is required.", fails("abs", s("x")).getMessage());
    }

    @Test
    void logAndPowUseFloatingPointLikeTerraform() {
        assertEquals(n("1.6989700043360185"), call("log", n(50), n(10)));
        assertEquals(n(4), call("log", n(16), n(2)));
        assertEquals(n(9), call("pow", n(3), n(2)));
        assertEquals(n(1), call("pow", n(4), n(0)));
        assertEquals(n("0.5"), call("pow", n(2), n(-1)));
        fails("log", n(0), n(10));
    }

    @Test
    void maxAndMin() {
        assertEquals(n(12), call("max", n(12), n(3), n(12)));
        assertEquals(n(54), call("max", n(12), n(54), n(3)));
        assertEquals(n("-1.5"), call("min", n(12), n("-1.5"), s("3")));
        assertEquals("must pass at least one number", fails("max").getMessage());
    }

    @Test
    void parseint() {
        assertEquals(n(100), call("parseint", s("100"), n(10)));
        assertEquals(n(255), call("parseint", s("FF"), n(16)));
        assertEquals(n(-12), call("parseint", s("-12"), n(10)));
        assertEquals(n(1295), call("parseint", s("zz"), n(36)));
        assertEquals(n(61), call("parseint", s("Z"), n(62)));
        assertEquals(n(35), call("parseint", s("z"), n(62)));
        assertEquals(n(5), call("parseint", s("101"), n(2)));
        FunctionException e = fails("parseint", s("12"), n(2));
        assertEquals(0, e.argIndex());
        assertEquals("Invalid value for \"number\" parameter: cannot parse \"12\" as a base 2 integer.", e.getMessage());
        assertEquals("Invalid value for \"base\" parameter: base must be a whole number between 2 and 62 inclusive.",
                fails("parseint", s("1"), n(63)).getMessage());
        assertEquals("Invalid value for \"base\" parameter: must be a whole number.",
                fails("parseint", s("1"), n("10.5")).getMessage());
    }

    @Test
    void argumentCountIsChecked() {
        assertEquals("Function \"abs\" expects 1 argument(s). Missing value for \"num\".", fails("abs").getMessage());
        assertEquals("Function \"abs\" expects only 1 argument(s).", fails("abs", n(1), n(2)).getMessage());
        assertEquals("Invalid value for \"num\" parameter: argument must not be null.",
                fails("floor", Call.nil()).getMessage());
    }
}
