package dev.berth.engine.functions;

import org.junit.jupiter.api.Test;

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

class MapSetFunctionsTest {
    @Test
    void keysAndValuesFollowKeyOrder() {
        assertEquals(strings("a", "c", "d"), call("keys", map("d", n(4), "a", n(1), "c", n(3))));
        assertEquals(nums(1, 3, 4), call("values", map("d", n(4), "a", n(1), "c", n(3))));
        fails("keys", strings("a"));
    }

    @Test
    void lookup() {
        assertEquals(s("ami-1"), call("lookup", map("a", s("ami-1")), s("a")));
        assertEquals(s("dflt"), call("lookup", map("a", s("ami-1")), s("b"), s("dflt")));
        FunctionException e = fails("lookup", map("a", s("x")), s("missing"));
        assertEquals("lookup failed to find key \"missing\"", e.getMessage());
        fails("lookup", map(), s("a"), s("b"), s("c"));
    }

    @Test
    void matchkeys() {
        assertEquals(strings("i-1", "i-3"), call("matchkeys", strings("i-1", "i-2", "i-3"),
                strings("us-a", "us-b", "us-a"), strings("us-a")));
        assertEquals("length of keys and values should be equal",
                fails("matchkeys", strings("a"), strings("a", "b"), strings("a")).getMessage());
    }

    @Test
    void mergeLaterWins() {
        assertEquals(map("a", n(1), "b", n(3), "c", n(4)),
                call("merge", map("a", n(1), "b", n(2)), nil(), map("b", n(3), "c", n(4))));
        assertEquals(map(), call("merge"));
        assertEquals("arguments must be maps or objects, got \"list\"", fails("merge", map(), list()).getMessage());
    }

    @Test
    void transposeAndZipmap() {
        assertEquals(map("1", strings("a"), "2", strings("a", "b"), "3", strings("b")),
                call("transpose", map("a", strings("1", "2"), "b", strings("2", "3"))));
        fails("transpose", map("a", s("x")));
        assertEquals(map("a", n(1), "b", n(2)), call("zipmap", strings("a", "b"), nums(1, 2)));
        assertEquals("number of keys (1) does not match number of values (2)",
                fails("zipmap", strings("a"), nums(1, 2)).getMessage());
    }

    @Test
    void setAlgebraGivesCanonicalSets() {
        assertEquals(strings("a", "b", "c", "d"), call("setunion", strings("d", "a", "b"), strings("c", "b")));
        assertEquals(strings("1", "a"), call("setunion", strings("a"), nums(1)));
        assertEquals(strings("b"), call("setintersection", strings("a", "b"), strings("b", "c"), strings("b")));
        assertEquals(strings("a", "c"), call("setsubtract", strings("c", "b", "a"), strings("b")));
        assertEquals(list(strings("app1", "dev"), strings("app1", "prod"), strings("app2", "dev"), strings("app2", "prod")),
                call("setproduct", strings("app1", "app2"), strings("dev", "prod")));
        assertEquals(list(), call("setproduct", strings("a"), list()));
        assertEquals("at least two arguments are required", fails("setproduct", strings("a")).getMessage());
        assertEquals("given sets must all have compatible element types",
                fails("setunion", nums(1), list(list())).getMessage());
    }
}
