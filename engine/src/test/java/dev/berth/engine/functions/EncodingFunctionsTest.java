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
import static org.junit.jupiter.api.Assertions.assertTrue;

class EncodingFunctionsTest {
    @Test
    void base64() {
        assertEquals(s("SGVsbG8gV29ybGQ="), call("base64encode", s("Hello World")));
        assertEquals(s("Hello World"), call("base64decode", s("SGVsbG8gV29ybGQ=")));
        assertEquals(s("✓"), call("base64decode", call("base64encode", s("✓"))));
        assertTrue(fails("base64decode", s("not base64!")).getMessage().contains("failed to decode base64 data"));
        assertEquals("Invalid value for \"str\" parameter: the result of decoding the provided string is not valid UTF-8.",
                fails("base64decode", s("/w==")).getMessage());
    }

    @Test
    void jsonencodeEscapesLikeGo() {
        assertEquals(s("{\"hello\":\"world\"}"), call("jsonencode", map("hello", s("world"))));
        assertEquals(s("[1.5,null,true]"), call("jsonencode", list(n("1.50"), nil(), b(true))));
        assertEquals(s("\"\\u003ca\\u003e \\u0026\""), call("jsonencode", s("<a> &")));
        assertEquals(Value.unknown(), call("jsonencode", list(Value.unknown())));
    }

    @Test
    void jsondecode() {
        assertEquals(map("hello", s("world"), "n", n("0.1")), call("jsondecode", s("{\"hello\": \"world\", \"n\": 0.10}")));
        assertEquals(s("x"), call("jsondecode", s("\"x\"")));
        FunctionException e = fails("jsondecode", s("{oops"));
        assertEquals(0, e.argIndex());
        assertTrue(e.getMessage().startsWith("Invalid value for \"str\" parameter: invalid JSON: "), e.getMessage());
    }

    @Test
    void yamlencodeMatchesTerraformLayout() {
        assertEquals(s("\"a\": \"b\"\n\"c\": \"d\"\n"), call("yamlencode", map("a", s("b"), "c", s("d"))));
        assertEquals(s("\"bar\": \"baz\"\n\"foo\":\n- 1\n- \"a\": \"b\"\n  \"c\": \"d\"\n- 3\n"),
                call("yamlencode", map("foo", list(n(1), map("a", s("b"), "c", s("d")), n(3)), "bar", s("baz"))));
        assertEquals(s("\"a\":\n  \"b\": []\n  \"c\": {}\n  \"d\": null\n"),
                call("yamlencode", map("a", map("b", list(), "c", map(), "d", nil()))));
        assertEquals(s("- - 1\n  - 2\n- true\n"), call("yamlencode", list(list(n(1), n(2)), b(true))));
        assertEquals(s("\"k\": |-\n  line1\n  line2\n"), call("yamlencode", map("k", s("line1\nline2"))));
        assertEquals(s("\"tab\\there\"\n"), call("yamlencode", s("tab\there")));
    }

    @Test
    void urlencode() {
        assertEquals(s("Hello+World%21"), call("urlencode", s("Hello World!")));
        assertEquals(s("a-_.~%2A%2F%E2%9C%93"), call("urlencode", s("a-_.~*/✓")));
        fails("urlencode", list());
    }

    @Test
    void csvdecode() {
        assertEquals(list(map("a", s("1"), "b", s("2")), map("a", s("x,y"), "b", s("say \"hi\""))),
                call("csvdecode", s("a,b\n1,2\n\"x,y\",\"say \"\"hi\"\"\"\n")));
        assertEquals(list(map("a", s("1"))), call("csvdecode", s("a\r\n1\r\n\r\n")));
        assertEquals(list(), call("csvdecode", s("a,b\n")));
        assertTrue(fails("csvdecode", s("a,b\n1\n")).getMessage().contains("wrong number of fields"));
        assertTrue(fails("csvdecode", s("")).getMessage().contains("missing header line"));
        assertTrue(fails("csvdecode", s("a\nx\"y\n")).getMessage().contains("bare \""));
        assertEquals(list(map("h", s("multi\nline"))), call("csvdecode", s("h\n\"multi\nline\"")));
    }
}
