package dev.berth.engine.hcl;

import dev.berth.engine.diag.Diagnostic;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Syntax where berth once disagreed with Terraform 1.11 (checked with terraform validate). The
 * corpus under hcl-corpus holds the same cases for HashiCorp's parser to judge.
 */
class TerraformSyntaxTest {
    private static List<Diagnostic> diags(String src) {
        return HclParser.parse("main.tf", src).diagnostics();
    }

    @Test
    void aLeadingByteOrderMarkIsSkipped() {
        Body b = ParserTest.parseOk("\uFEFFlocals {\n  a = 1\n}\n");
        assertEquals("locals", b.blocks().get(0).type());
    }

    @Test
    void identifiersFollowUnicodeIdStartAndIdContinue() {
        Body b = ParserTest.parseOk("locals {\n  \uD835\uDCB3 = 1\n  e\u0301 = 2\n  x\u203Fy = 3\n}\n");
        assertEquals(List.of("\uD835\uDCB3", "e\u0301", "x\u203Fy"),
                b.blocks().get(0).body().attributes().stream().map(Attribute::name).toList());
    }

    @Test
    void aZeroWidthSpaceIsNotPartOfAnIdentifier() {
        assertEquals(false, diags("locals {\n  a\u200Bb = 1\n}\n").isEmpty());
    }

    @Test
    void providerFunctionCallsParseIntoOneCall() {
        Expr e = ParserTest.expr("provider::ecs::describe(1)");
        FunctionCallExpr call = assertInstanceOf(FunctionCallExpr.class, e);
        assertEquals("provider::ecs::describe", call.name());
        assertEquals(1, call.nameRange().column());
        assertEquals(24, call.nameRange().endColumn());
    }

    @Test
    void twoBlocksOnOneLineAreRefused() {
        List<Diagnostic> d = diags("locals {} locals {}\n");
        assertEquals(1, d.size());
        assertEquals(11, d.get(0).range().column());
        assertEquals(true, d.get(0).summary().startsWith("Missing newline after block definition"));
    }

    @Test
    void aOneLineBlockMayNotHoldANestedBlock() {
        List<Diagnostic> d = diags("resource \"ecs_cluster\" \"a\" { lifecycle { prevent_destroy = true } }\n");
        assertEquals(1, d.size());
        assertEquals(30, d.get(0).range().column());
        assertEquals(true, d.get(0).summary().startsWith("Argument definition required"));
    }

    @Test
    void aOneLineBlockWithOneArgumentIsAccepted() {
        ParserTest.parseOk("locals { a = 1 }\nlocals {}\n");
    }

    @Test
    void aTrailingCommaAfterAnExpandedArgumentIsRefused() {
        List<Diagnostic> d = diags("a = max([1, 2]..., )\n");
        assertEquals(1, d.size());
        assertEquals(true, d.get(0).summary().startsWith("Missing closing parenthesis"));
        ParserTest.parseOk("a = max([1, 2]...)\n");
    }
}
