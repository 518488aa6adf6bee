package dev.berth.engine.eval;

import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.value.UnknownValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.berth.engine.eval.EvalFixture.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class FunctionCallTest {
    private EvalFixture f;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        f = new EvalFixture();
        f.baseDir = dir;
        f.vars.put("m", Value.map(Map.of("a", Value.of(1))));
        f.vars.put("pending", Value.unknown());
        f.vars.put("secret", Value.sensitive(Value.of("s3")));
    }

    @Test
    void callsThroughTheRegistryWithExpansion() {
        assertEquals(Value.of("ABC"), f.ok("upper(\"abc\")"));
        assertEquals(Value.of(6), f.ok("sum(1, [2, 3]...)"));
    }

    @Test
    void unknownFunctionSuggestsACloseName() {
        f.eval("uper(\"x\")");
        Diagnostic d = f.diags.list().get(0);
        assertEquals("Call to unknown function \"uper\"", d.summary());
        assertEquals("Did you mean \"upper\"?", d.detail());
        assertEquals(1, d.range().column());
        assertEquals(5, d.range().endColumn());
    }

    @Test
    void functionExceptionPointsAtTheArgument() {
        f.eval("sum(1, \"x\", 3)");
        Diagnostic d = f.diags.list().get(0);
        assertEquals("Invalid value for argument 2 of function \"sum\": a number is required", d.summary());
        assertEquals(8, d.range().column());
        f.diags = new dev.berth.engine.diag.Diagnostics();
        f.eval("upper(\"a\", \"b\")");
        Diagnostic whole = f.diags.list().get(0);
        assertEquals("Invalid call to function \"upper\": upper() takes exactly one argument", whole.summary());
        assertEquals(1, whole.range().column());
    }

    @Test
    void canAndTry() {
        assertEquals(Value.of(true), f.ok("can(var.m.a)"));
        assertEquals(Value.of(false), f.ok("can(var.m.b)"));
        assertInstanceOf(UnknownValue.class, f.ok("can(var.pending.x)"));
        assertEquals(Value.of("fallback"), f.ok("try(var.m.b, \"fallback\")"));
        assertEquals(Value.of(1), f.ok("try(var.m.a, \"fallback\")"));
        f.eval("try(var.m.b, var.m.c)");
        assertEquals("No argument of try() could be evaluated without errors", f.diags.list().get(0).summary());
    }

    @Test
    void fileReadsRelativeToTheBaseDirectory() throws Exception {
        Files.writeString(dir.resolve("hello.txt"), "hi there\n");
        assertEquals(Value.of("hi there\n"), f.ok("file(\"hello.txt\")"));
        f.eval("file(\"missing.txt\")");
        Diagnostic d = f.diags.list().get(0);
        assertEquals("Invalid value for argument 1 of function \"file\": no file exists at \"missing.txt\"", d.summary());
        assertEquals(6, d.range().column());
    }

    @Test
    void templatefileRendersWithItsVars() throws Exception {
        Files.writeString(dir.resolve("t.tpl"), "Hello ${name}!\n%{ for p in ports ~}\n${p};\n%{ endfor ~}\n");
        assertEquals(Value.of("Hello web!\n80;\n443;\n"),
                f.ok("templatefile(\"t.tpl\", {name = \"web\", ports = [80, 443]})"));
        Files.writeString(dir.resolve("bad.tpl"), "${nope}");
        f.eval("templatefile(\"bad.tpl\", {})");
        assertEquals("Invalid reference in template: \"nope\" is not a key of the vars map", f.diags.list().get(0).summary());
    }

    @Test
    void sensitiveArgumentsMarkTheResult() {
        assertEquals(Value.sensitive(Value.of("S3")), f.ok("upper(var.secret)"));
        assertEquals(list(Value.of(1)), f.ok("[sum(1)]"));
    }
}
