package dev.berth.engine.functions;

import org.junit.jupiter.api.Test;

import static dev.berth.engine.functions.Call.call;
import static dev.berth.engine.functions.Call.fails;
import static dev.berth.engine.functions.Call.list;
import static dev.berth.engine.functions.Call.map;
import static dev.berth.engine.functions.Call.nil;
import static dev.berth.engine.functions.Call.s;
import static dev.berth.engine.functions.Call.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RegexFunctionsTest {
    @Test
    void regexShapesFollowCaptureGroups() {
        assertEquals(s("ab"), call("regex", s("[a-z]+"), s("53ab")));
        assertEquals(strings("2019", "01", "02"), call("regex", s("(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)"), s("2019-01-02")));
        assertEquals(map("scheme", s("https"), "host", s("example.com")),
                call("regex", s("^(?P<scheme>[a-z]+)://(?P<host>[^/]+)"), s("https://example.com/x")));
        assertEquals(list(s("a"), nil()), call("regex", s("(a)|(b)"), s("a")));
        assertEquals(s("x"), call("regex", s("[[:alpha:]]"), s("1x")));
    }

    @Test
    void dollarMeansEndOfText() {
        fails("regex", s("a$"), s("a\n"));
        assertEquals(s("a"), call("regex", s("(?m)a$"), s("a\nb")));
    }

    @Test
    void regexErrors() {
        assertEquals("pattern did not match any part of the given string", fails("regex", s("z"), s("abc")).getMessage());
        FunctionException mixed = fails("regex", s("(?P<a>x)(y)"), s("xy"));
        assertEquals(0, mixed.argIndex());
        assertEquals("Invalid value for \"pattern\" parameter: invalid regexp pattern: cannot mix both named and unnamed capture groups.",
                mixed.getMessage());
        assertEquals(0, fails("regex", s("("), s("x")).argIndex());
    }

    @Test
    void regexallFindsEveryMatch() {
        assertEquals(strings("2", "3", "45"), call("regexall", s("\\d+"), s("a2b3c45")));
        assertEquals(list(strings("a", "1"), strings("b", "2")), call("regexall", s("(\\w)=(\\d)"), s("a=1 b=2")));
        assertEquals(list(), call("regexall", s("z"), s("abc")));
        assertEquals(4, ((dev.berth.engine.value.ListValue) call("regexall", s("x*"), s("abc"))).size());
    }

    /** A fuzzing find: java.util.regex backtracks on this for hours (RE2 does not); berth answers with an error. */
    @Test
    void aPatternThatWouldBacktrackForeverIsAnErrorNotAHang() {
        String zeros = "0".repeat(500_001);
        FunctionException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> fails("regexall", s("(0)*ormat"), s(zeros)));
        assertEquals("matching this pattern against a text of 500001 characters takes too long (berth's regular "
                + "expressions backtrack, where Terraform's do not); match smaller pieces of the text or a pattern "
                + "with less repetition", e.getMessage());
        assertEquals(1, ((dev.berth.engine.value.ListValue) call("regexall", s("0+"), s(zeros))).size(),
                "a pattern that does not backtrack still runs over a long text");
    }
}
