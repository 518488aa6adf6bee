package dev.berth.engine.eval;

import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.value.SensitiveValue;
import dev.berth.engine.value.UnknownValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.berth.engine.eval.EvalFixture.list;
import static dev.berth.engine.eval.EvalFixture.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluatorTest {
    private EvalFixture f;

    @BeforeEach
    void setUp() {
        f = new EvalFixture();
        f.vars.put("region", Value.of("eu-west-1"));
        f.vars.put("ports", list(Value.of(80), Value.of(443)));
        f.vars.put("tags", Value.map(Map.of("team", Value.of("platform"), "tier", Value.of("web"))));
        f.vars.put("password", Value.sensitive(Value.of("hunter2")));
        f.vars.put("pending", Value.unknown());
        f.vars.put("nothing", Value.nil());
        f.resources.put("ecs_service.web", Value.map(Map.of(
                "tasks", list(Value.map(Map.of("id", Value.of("t1"))), Value.map(Map.of("id", Value.of("t2")))),
                "name", Value.of("web"))));
    }

    @Test
    void arithmeticAndPrecedence() {
        assertEquals(Value.of(true), f.ok("1 + 2 * 3 == 7"));
        assertEquals(Value.of(true), f.ok("10 - 2 == 8"));
        assertEquals(Value.of(true), f.ok("1.5e3 == 1500"));
        assertEquals(Value.of(9), f.ok("(1 + 2) * 3"));
        assertEquals(Value.of(1), f.ok("10 % 3"));
        assertEquals(Value.of(-4), f.ok("-2 * 2"));
        assertEquals(num("0.3"), f.ok("0.1 + 0.2"));
        // Terraform's numbers are 512-bit binary floats printed in their shortest exact form.
        assertEquals(num("0." + "3".repeat(154) + "5"), f.ok("1 / 3"));
        assertEquals(Value.of(1), f.ok("1 / 3 * 3"));
        assertEquals(Value.of(true), f.ok("1 < 2 && 2 <= 2 && 3 > 2 && 3 >= 4 == false"));
        assertEquals(Value.of(true), f.ok("!false || false"));
    }

    @Test
    void equalityIsStructural() {
        assertEquals(Value.of(true), f.ok("[1, {a = \"x\"}] == [1.0, {a = \"x\"}]"));
        assertEquals(Value.of(true), f.ok("1 != \"1\""));
        assertEquals(Value.of(true), f.ok("null == var.nothing"));
    }

    @Test
    void typeMismatchNamesExpectedAndFound() {
        assertEquals(Value.unknown(), f.eval("1 + \"abc\""));
        Diagnostic d = f.diags.list().get(0);
        assertEquals("Invalid operand: expected a number, but found a string", d.summary());
        assertEquals(5, d.range().column());
        f.diags = new dev.berth.engine.diag.Diagnostics();
        f.eval("1 && true");
        assertEquals("Invalid operand: expected a bool, but found a number", f.diags.list().get(0).summary());
    }

    @Test
    void divisionByZeroIsADiagnostic() {
        f.eval("1 / 0");
        assertEquals("Division by zero", f.diags.list().get(0).summary());
    }

    @Test
    void referencesAndTraversal() {
        assertEquals(Value.of("eu-west-1"), f.ok("var.region"));
        assertEquals(Value.of(443), f.ok("var.ports[1]"));
        assertEquals(Value.of("platform"), f.ok("var.tags.team"));
        assertEquals(Value.of("platform"), f.ok("var.tags[\"team\"]"));
        assertEquals(Value.of("t2"), f.ok("ecs_service.web.tasks[1].id"));
        assertEquals(Value.of("t1"), f.ok("ecs_service.web.tasks.0.id"));
        assertEquals(Value.of(80), f.ok("var.ports[var.ports[0] - 80]"));
    }

    @Test
    void outOfRangeIndexNamesTheLength() {
        f.eval("var.ports[5]");
        Diagnostic d = f.diags.list().get(0);
        assertEquals("Invalid index: the index 5 is out of range for a list of length 2", d.summary());
        assertEquals(10, d.range().column());
    }

    @Test
    void missingKeyNamesTheValidKeys() {
        f.eval("var.tags[\"owner\"]");
        Diagnostic d = f.diags.list().get(0);
        assertEquals("Invalid index: the key \"owner\" does not exist in this map", d.summary());
        assertEquals("Valid keys: \"team\", \"tier\".", d.detail());
    }

    @Test
    void missingAttributeSuggestsACloseOne() {
        f.eval("var.tags.teem");
        Diagnostic d = f.diags.list().get(0);
        assertEquals("Unsupported attribute: this object has no attribute named \"teem\"", d.summary());
        assertTrue(d.detail().startsWith("Did you mean \"team\"?"), d.detail());
    }

    @Test
    void splats() {
        assertEquals(list(Value.of("t1"), Value.of("t2")), f.ok("ecs_service.web.tasks[*].id"));
        assertEquals(list(Value.of("t1"), Value.of("t2")), f.ok("ecs_service.web.tasks.*.id"));
        assertEquals(Value.of("t2"), f.ok("ecs_service.web.tasks.*.id[1]"));
        assertEquals(list(), f.ok("var.nothing[*].id"));
        assertEquals(list(Value.of("eu-west-1")), f.ok("var.region[*]"));
    }

    @Test
    void forExpressions() {
        assertEquals(list(Value.of(160), Value.of(886)), f.ok("[for p in var.ports : p * 2]"));
        assertEquals(list(Value.of(1)), f.ok("[for i, p in var.ports : i if p > 100]"));
        assertEquals(Value.map(Map.of("team", Value.of("PLATFORM"), "tier", Value.of("WEB"))),
                f.ok("{for k, v in var.tags : k => upper(v)}"));
        assertEquals(Value.map(Map.of("a", list(Value.of(1), Value.of(3)), "b", list(Value.of(2)))),
                f.ok("{for x in [[\"a\", 1], [\"b\", 2], [\"a\", 3]] : x[0] => x[1]...}"));
    }

    @Test
    void duplicateKeyInObjectForWithoutGrouping() {
        f.eval("{for x in [1, 1] : x => x}");
        assertEquals("Duplicate object key: the key \"1\" is produced more than once", f.diags.list().get(0).summary());
    }

    @Test
    void conditionalEvaluatesOnlyTheChosenBranch() {
        assertEquals(Value.nil(), f.ok("false ? var.ports[9] : null"));
        assertEquals(Value.of("yes"), f.ok("var.region == \"eu-west-1\" ? \"yes\" : \"no\""));
        f.eval("1 ? 2 : 3");
        assertEquals("Invalid condition: expected a bool, but found a number", f.diags.list().get(0).summary());
    }

    @Test
    void collectionsAndObjects() {
        assertEquals(Value.map(Map.of("a", Value.of(1), "eu-west-1", Value.of(2))),
                f.ok("{a = 1, (var.region) = 2}"));
        assertEquals(list(Value.of(1), Value.of("x")), f.ok("[1, \"x\"]"));
    }

    @Test
    void unknownPropagates() {
        assertInstanceOf(UnknownValue.class, f.ok("var.pending + 1"));
        assertInstanceOf(UnknownValue.class, f.ok("var.pending.attr[0]"));
        assertInstanceOf(UnknownValue.class, f.ok("var.pending ? 1 : 2"));
        assertInstanceOf(UnknownValue.class, f.ok("\"x-${var.pending}\""));
        assertInstanceOf(UnknownValue.class, f.ok("[for x in var.pending : x]"));
        assertInstanceOf(UnknownValue.class, f.ok("var.pending == 1"));
        assertInstanceOf(UnknownValue.class, f.ok("upper(var.pending)"));
        assertInstanceOf(UnknownValue.class, f.ok("var.pending[*].id"));
        assertEquals(list(Value.unknown(), Value.of(1)), f.ok("[var.pending, 1]"));
    }

    @Test
    void sensitivePropagates() {
        assertEquals(Value.sensitive(Value.of("pw:hunter2")), f.ok("\"pw:${var.password}\""));
        assertEquals(Value.sensitive(Value.of("HUNTER2")), f.ok("upper(var.password)"));
        assertEquals(Value.sensitive(Value.of(true)), f.ok("var.password == \"hunter2\""));
        assertEquals(Value.sensitive(Value.of(7)), f.ok("var.password == \"x\" ? 1 : 7"));
        Value l = f.ok("[1, var.password]");
        assertEquals(list(Value.of(1), Value.sensitive(Value.of("hunter2"))), l);
        assertInstanceOf(SensitiveValue.class, f.ok("[for c in [var.password] : c][0]"));
    }

    @Test
    void unknownReferenceRootIsADiagnostic() {
        f.eval("foo");
        assertEquals("Invalid reference: \"foo\" must be followed by an attribute name", f.diags.list().get(0).summary());
    }
}
