package dev.berth.engine.eval;

import dev.berth.engine.diag.Diagnostic;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Syntax Terraform accepts, evaluated as Terraform 1.11 evaluates it (answers from terraform console). */
class TerraformSyntaxEvalTest {
    private final EvalFixture f = new EvalFixture();

    @Test
    void subtractionWithoutSpacesIsArithmeticNotABadNumber() {
        // terraform console: 3-1 -> 2, 10-2*3 -> 4, 1.5-0.5 -> 1
        assertEquals(EvalFixture.num("2"), f.ok("3-1"));
        assertEquals(EvalFixture.num("4"), f.ok("10-2*3"));
        assertEquals(EvalFixture.num("1"), f.ok("1.5-0.5"));
    }

    @Test
    void aProviderFunctionOfEcsIsAnUnknownFunctionAtItsName() {
        f.eval("1 + provider::ecs::describe(2)");
        Diagnostic d = f.diags.list().get(0);
        assertEquals("Unknown provider function: provider ecs has no function \"describe\"", d.summary());
        assertEquals(5, d.range().column());
        assertEquals(28, d.range().endColumn());
    }

    @Test
    void aProviderFunctionOfAnotherProviderNamesTheProvider() {
        f.eval("provider::aws::arn_parse(\"x\")");
        assertEquals("Unknown provider function: berth has no provider \"aws\"", f.diags.list().get(0).summary());
    }
}
