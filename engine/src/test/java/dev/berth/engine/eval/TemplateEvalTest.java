package dev.berth.engine.eval;

import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.functions.FunctionRegistry;
import dev.berth.engine.hcl.HclParser;
import dev.berth.engine.hcl.ParseResult;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.berth.engine.eval.EvalFixture.list;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TemplateEvalTest {
    private EvalFixture f;

    @BeforeEach
    void setUp() {
        f = new EvalFixture();
        f.vars.put("name", Value.of("web"));
        f.vars.put("n", Value.of(3));
        f.vars.put("on", Value.of(true));
        f.vars.put("items", list(Value.of("a"), Value.of("b")));
        f.vars.put("obj", Value.map(Map.of("x", Value.of(1))));
    }

    @Test
    void interpolationOfPrimitives() {
        assertEquals(Value.of("svc-web-3-true"), f.ok("\"svc-${var.name}-${var.n}-${var.on}\""));
        assertEquals(Value.of("v1.5"), f.ok("\"v${1.5}\""));
        assertEquals(Value.of(false), f.ok("\"${1.5}\" == \"1.5\""), "a lone interpolation keeps the number type");
    }

    @Test
    void wrappedInterpolationKeepsType() {
        assertEquals(list(Value.of("a"), Value.of("b")), f.ok("\"${var.items}\""));
    }

    @Test
    void directives() {
        assertEquals(Value.of("on"), f.ok("\"%{ if var.on }on%{ else }off%{ endif }\""));
        assertEquals(Value.of("off"), f.ok("\"%{ if !var.on }on%{ else }off%{ endif }\""));
        assertEquals(Value.of("[a][b]"), f.ok("\"%{ for i in var.items }[${i}]%{ endfor }\""));
        assertEquals(Value.of("0=a,1=b,"), f.ok("\"%{ for k, v in var.items }${k}=${v},%{ endfor }\""));
    }

    @Test
    void escapes() {
        assertEquals(Value.of("${var.name} %{x} \"q\"\n"), f.ok("\"$${var.name} %%{x} \\\"q\\\"\\n\""));
    }

    @Test
    void heredocTemplates() {
        ParseResult r = HclParser.parse("h.tf", "a = <<-EOT\n    user: ${var.name}\n    %{~ for i in var.items ~}\n    - ${i}\n    %{~ endfor ~}\n\n    EOT\n");
        assertEquals(List.of(), r.diagnostics());
        Value v = new Evaluator(new FunctionRegistry(List.of()), Path.of("."))
                .evaluate(r.file().body().attributes().get(0).expr(), f.scope, f.diags);
        assertEquals(List.of(), f.diags.list());
        // HashiCorp's parser (checked with hcl2json): "~" trims only the literal next to it, and
        // a line whose indentation it stripped counts as unindented, so nothing is unindented.
        assertEquals(Value.of("    user: web\n    - a\n    - b\n\n"), v, "~ trims only the adjacent literal");
    }

    @Test
    void nullAndCollectionsCannotBeInterpolated() {
        f.eval("\"x${null}\"");
        assertEquals("Invalid template interpolation value: the expression result is null",
                f.diags.list().get(0).summary());
        f.diags = new Diagnostics();
        f.eval("\"x${var.obj}\"");
        assertEquals("Invalid template interpolation value: cannot include an object in a string",
                f.diags.list().get(0).summary());
    }
}
