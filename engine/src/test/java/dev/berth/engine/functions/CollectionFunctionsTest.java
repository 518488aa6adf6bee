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
import static dev.berth.engine.functions.Call.nums;
import static dev.berth.engine.functions.Call.s;
import static dev.berth.engine.functions.Call.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CollectionFunctionsTest {
    @Test
    void allAndAnyTrue() {
        assertEquals(b(true), call("alltrue", list(b(true), s("true"))));
        assertEquals(b(true), call("alltrue", list()));
        assertEquals(b(false), call("alltrue", list(b(true), b(false))));
        assertEquals(b(false), call("alltrue", list(b(true), nil())));
        assertEquals(b(true), call("anytrue", list(b(false), b(true))));
        assertEquals(b(false), call("anytrue", list()));
        assertEquals(b(false), call("anytrue", list(nil(), b(false))));
        assertEquals("Invalid value for \"list\" parameter: element 0: a bool is required.",
                fails("alltrue", strings("yes")).getMessage());
    }

    @Test
    void chunklist() {
        assertEquals(list(strings("a", "b"), strings("c")), call("chunklist", strings("a", "b", "c"), n(2)));
        assertEquals(list(strings("a", "b")), call("chunklist", strings("a", "b"), n(0)));
        assertEquals(list(), call("chunklist", list(), n(3)));
        assertEquals("Invalid value for \"size\" parameter: the size argument must be positive.",
                fails("chunklist", strings("a"), n(-1)).getMessage());
    }

    @Test
    void coalesceFamily() {
        assertEquals(s("a"), call("coalesce", s(""), nil(), s("a"), s("b")));
        assertEquals(n(1), call("coalesce", nil(), n(1), n(2)));
        assertEquals(s("1"), call("coalesce", n(1), s("x")));
        assertEquals("no non-null, non-empty-string arguments", fails("coalesce", nil(), s("")).getMessage());
        // terraform plan (1.11.4) shows coalesce("a", <unknown>) as "a": a known first answer decides it.
        assertEquals(s("a"), call("coalesce", s("a"), dev.berth.engine.value.Value.unknown()));
        assertEquals(dev.berth.engine.value.Value.unknown(), call("coalesce", dev.berth.engine.value.Value.unknown(), s("a")));
        assertEquals(strings("c"), call("coalescelist", list(), strings("c"), strings("d")));
        assertEquals("no non-null arguments", fails("coalescelist", list(), nil()).getMessage());
        assertEquals("coalescelist arguments must be lists or tuples, got string",
                fails("coalescelist", s("x")).getMessage());
    }

    @Test
    void compactConcatDistinctFlatten() {
        assertEquals(strings("a", "c"), call("compact", list(s("a"), s(""), nil(), s("c"))));
        assertEquals(list(s("a"), s("b"), n(1)), call("concat", strings("a"), list(s("b"), n(1)), list()));
        assertEquals("all arguments must be lists or tuples; got string", fails("concat", strings("a"), s("b")).getMessage());
        assertEquals(strings("a", "b", "c"), call("distinct", strings("a", "b", "a", "c", "b")));
        assertEquals(list(s("a"), s("b"), s("c"), nil()),
                call("flatten", list(strings("a", "b"), list(), list(list(s("c"))), nil())));
        fails("distinct", s("x"));
    }

    @Test
    void containsAndIndexAreTypeStrict() {
        assertEquals(b(true), call("contains", strings("a", "b"), s("b")));
        assertEquals(b(false), call("contains", strings("1"), n(1)));
        assertEquals(n(1), call("index", strings("a", "b", "c"), s("b")));
        assertEquals("item not found", fails("index", strings("a"), s("z")).getMessage());
    }

    @Test
    void elementWrapsAround() {
        assertEquals(s("a"), call("element", strings("a", "b", "c"), n(3)));
        assertEquals(s("c"), call("element", strings("a", "b", "c"), n(2)));
        assertEquals("Invalid value for \"index\" parameter: must be a whole number.",
                fails("element", strings("a"), n("1.5")).getMessage());
        assertEquals("Invalid value for \"list\" parameter: cannot use element function with an empty list.",
                fails("element", list(), n(0)).getMessage());
        assertEquals(1, fails("element", strings("a"), n(-1)).argIndex());
    }

    @Test
    void lengthCountsWhatIsKnown() {
        assertEquals(n(3), call("length", list(Value.unknown(), n(1), nil())));
        assertEquals(Value.unknown(), call("length", Value.unknown()));
        assertEquals(n(2), call("length", map("a", n(1), "b", n(2))));
        assertEquals(n(5), call("length", s("héllo")));
        assertEquals(n(1), call("length", s("e\u0301")));
        assertEquals("Invalid value for \"value\" parameter: argument must be a string, a collection type, or a structural type.",
                fails("length", n(5)).getMessage());
        assertEquals(list(s("a"), n(1)), call("list", s("a"), n(1)));
        assertEquals(list(), call("list"));
    }

    @Test
    void one() {
        assertEquals(nil(), call("one", list()));
        assertEquals(s("a"), call("one", strings("a")));
        assertEquals("Invalid value for \"list\" parameter: must be a list, set, or tuple value with either zero or one elements.",
                fails("one", strings("a", "b")).getMessage());
    }

    @Test
    void range() {
        assertEquals(nums(0, 1, 2), call("range", n(3)));
        assertEquals(nums(1, 2, 3), call("range", n(1), n(4)));
        assertEquals(nums(10, 7, 4), call("range", n(10), n(2), n(-3)));
        assertEquals(list(n(0), n("0.5"), n(1), n("1.5")), call("range", n(0), n(2), n("0.5")));
        assertEquals(list(), call("range", n(0)));
        assertEquals("Invalid value for \"params\" parameter: step must not be zero.",
                fails("range", n(1), n(2), n(0)).getMessage());
        assertEquals("must have one, two, or three arguments", fails("range").getMessage());
        // With two arguments Terraform counts down when the limit is below the start.
        assertEquals(nums(2), call("range", n(2), n(1)));
        assertEquals(nums(0, -1, -2), call("range", n(-3)));
        fails("range", n(1), n(2), n(-1));
        assertTrue(fails("range", n(2000)).getMessage().startsWith("more than 1024 values"));
    }

    @Test
    void reverseSliceSortSum() {
        assertEquals(nums(3, 2, 1), call("reverse", nums(1, 2, 3)));
        assertEquals(strings("b", "c"), call("slice", strings("a", "b", "c", "d"), n(1), n(3)));
        assertEquals("Invalid value for \"end_index\" parameter: end index must not be greater than the length of the list.",
                fails("slice", strings("a"), n(0), n(2)).getMessage());
        fails("slice", strings("a", "b"), n(2), n(1));
        assertEquals(strings("10", "9", "a", "e"), call("sort", list(s("e"), n(9), s("a"), n(10))));
        fails("sort", list(s("a"), nil()));
        assertEquals(n("6.5"), call("sum", list(n(1), n("2.5"), s("3"))));
        assertEquals("Invalid value for \"list\" parameter: cannot sum an empty list.", fails("sum", list()).getMessage());
        fails("sum", strings("x"));
    }
}
