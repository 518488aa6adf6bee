package dev.berth.engine.functions;

import org.junit.jupiter.api.Test;

import static dev.berth.engine.functions.Call.b;
import static dev.berth.engine.functions.Call.call;
import static dev.berth.engine.functions.Call.fails;
import static dev.berth.engine.functions.Call.list;
import static dev.berth.engine.functions.Call.n;
import static dev.berth.engine.functions.Call.nil;
import static dev.berth.engine.functions.Call.s;
import static dev.berth.engine.functions.Call.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StringFunctionsTest {
    @Test
    void chompRemovesAllTrailingNewlines() {
        assertEquals(s("hello"), call("chomp", s("hello\n")));
        assertEquals(s("hello"), call("chomp", s("hello\r\n\n")));
        assertEquals(s("hel\nlo"), call("chomp", s("hel\nlo")));
    }

    @Test
    void indentSkipsFirstLine() {
        assertEquals(s("a\n  b\n  c"), call("indent", n(2), s("a\nb\nc")));
        assertEquals("Invalid value for \"spaces\" parameter: must be a whole number.",
                fails("indent", n("1.5"), s("x")).getMessage());
    }

    @Test
    void join() {
        assertEquals(s("a, b, c"), call("join", s(", "), strings("a", "b", "c")));
        assertEquals(s("a-b-1"), call("join", s("-"), strings("a"), list(s("b"), n(1))));
        assertEquals(s(""), call("join", s(","), list()));
        assertEquals("Invalid value for \"lists\" parameter: element 1 is null; cannot concatenate null values.",
                fails("join", s(","), list(s("a"), nil())).getMessage());
        assertEquals("Invalid value for \"lists\" parameter: element 0: string required, but have list.",
                fails("join", s(","), list(list())).getMessage());
        assertEquals("at least one list is required", fails("join", s(",")).getMessage());
    }

    @Test
    void caseFunctions() {
        assertEquals(s("hello"), call("lower", s("HELLO")));
        assertEquals(s("ÁLGEBRA"), call("upper", s("álgebra")));
        assertEquals(s("Hello World"), call("title", s("hello world")));
        assertEquals(s("Hello_world-Foo.Bar"), call("title", s("hello_world-foo.bar")));
        assertEquals(s("ABC"), call("upper", s("abc")));
        assertEquals(s("5"), call("upper", n(5)));
        assertEquals("Invalid value for \"str\" parameter: string required, but have list.",
                fails("upper", list()).getMessage());
    }

    @Test
    void replacePlainAndRegex() {
        assertEquals(s("1 + 2 + 3"), call("replace", s("1 + 2 + 3"), s("+"), s("+")));
        assertEquals(s("a-b-c"), call("replace", s("a b c"), s(" "), s("-")));
        assertEquals(s("hello everybody"), call("replace", s("hello world"), s("/w.*d/"), s("everybody")));
        assertEquals(s("b-a"), call("replace", s("a-b"), s("/(\\w)-(\\w)/"), s("$2-$1")));
        assertEquals(s("x"), call("replace", s("aaa"), s("/a*/"), s("x")));
        assertEquals(s("-a-"), call("replace", s("a"), s("/x*/"), s("-")));
        assertEquals(s("[v1]"), call("replace", s("v1"), s("/(?P<all>.+)/"), s("[${all}]")));
        // Go reads "$1x" as a group named "1x", which does not exist.
        assertEquals(s(""), call("replace", s("ab"), s("/(a)b/"), s("$1x")));
        assertEquals(s("$"), call("replace", s("ab"), s("/ab/"), s("$$")));
        assertEquals(s("/"), call("replace", s("a"), s("a"), s("/")));
        assertEquals(s("Hi Ann"), call("replace", s("Hi {{name}}"), s("/{{name}}/"), s("Ann")));
        assertEquals(s("bxba"), call("replace", s("baaba"), s("/a{2,}/"), s("x")));
        FunctionException e = fails("replace", s("a"), s("/(/"), s("x"));
        assertEquals(1, e.argIndex());
    }

    @Test
    void split() {
        assertEquals(strings("foo", "bar", "baz"), call("split", s(","), s("foo,bar,baz")));
        assertEquals(strings("foo"), call("split", s(","), s("foo")));
        assertEquals(strings(""), call("split", s(","), s("")));
        assertEquals(strings("a", "b"), call("split", s(""), s("ab")));
        fails("split", s(","));
    }

    @Test
    void strrevAndSubstrCountGraphemes() {
        assertEquals(s("olleh"), call("strrev", s("hello")));
        assertEquals(s("e\u0301a"), call("strrev", s("ae\u0301")));
        assertEquals(s("hello"), call("substr", s("hello world"), n(0), n(5)));
        assertEquals(s("world"), call("substr", s("hello world"), n(-5), n(-1)));
        assertEquals(s("wor"), call("substr", s("hello world"), n(6), n(3)));
        assertEquals(s(""), call("substr", s("hi"), n(10), n(1)));
        assertEquals(s("e\u0301"), call("substr", s("ae\u0301b"), n(1), n(1)));
        assertEquals("Invalid value for \"offset\" parameter: must be a whole number.",
                fails("substr", s("x"), n("0.5"), n(1)).getMessage());
    }

    @Test
    void trimming() {
        assertEquals(s("foobar"), call("trim", s("?!foobar?!"), s("!?")));
        assertEquals(s("world"), call("trimprefix", s("helloworld"), s("hello")));
        assertEquals(s("helloworld"), call("trimprefix", s("helloworld"), s("cat")));
        assertEquals(s("hello"), call("trimsuffix", s("helloworld"), s("world")));
        assertEquals(s("hello"), call("trimspace", s("\u00a0 \n\thello\r\n")));
        fails("trim", s("x"));
    }

    @Test
    void startsAndEndsWith() {
        assertEquals(b(true), call("startswith", s("hello world"), s("hello")));
        assertEquals(b(false), call("startswith", s("hello world"), s("world")));
        assertEquals(b(true), call("endswith", s("hello world"), s("world")));
        assertEquals(b(true), call("endswith", s("x"), s("")));
        fails("endswith", s("x"), list());
    }
}
