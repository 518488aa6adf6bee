package dev.berth.engine.hcl;

import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParserTest {

    static Body parseOk(String src) {
        ParseResult r = HclParser.parse("main.tf", src);
        assertEquals(List.of(), r.diagnostics(), "unexpected diagnostics");
        return r.file().body();
    }

    static Expr expr(String src) {
        ParseResult r = HclParser.parseExpression("e.tf", src);
        assertEquals(List.of(), r.diagnostics(), "unexpected diagnostics");
        return r.expression();
    }

    @Test
    void blocksWithLabelsAttributesAndNesting() {
        Body b = parseOk("""
                # leading comment
                resource "ecs_service" web {
                  cpu = 256
                  health_check {
                    path = "/"
                  }
                }
                terraform {}
                locals { a = 1 }
                """);
        assertEquals(3, b.blocks().size());
        Block r = b.blocks().get(0);
        assertEquals("resource", r.type());
        assertEquals(List.of("ecs_service", "web"), r.labels());
        assertEquals(2, r.range().line());
        assertEquals(1, r.range().column());
        assertEquals(7, r.range().endLine());
        assertEquals(10, r.labelRanges().get(0).column());
        assertEquals(24, r.labelRanges().get(1).column());
        Attribute cpu = r.body().attribute("cpu").orElseThrow();
        assertEquals(3, cpu.nameRange().line());
        assertEquals(3, cpu.nameRange().column());
        assertEquals(new LiteralExpr(Value.of(256), cpu.expr().range()), cpu.expr());
        assertEquals("health_check", r.body().blocks().get(0).type());
        assertTrue(b.blocks().get(1).body().attributes().isEmpty());
        assertEquals("a", b.blocks().get(2).body().attributes().get(0).name());
    }

    @Test
    void precedenceFollowsTheSpec() {
        BinaryOpExpr or = assertInstanceOf(BinaryOpExpr.class, expr("a || b && 1 + 2 * 3 == 7"));
        assertEquals(BinaryOp.OR, or.op());
        BinaryOpExpr and = assertInstanceOf(BinaryOpExpr.class, or.right());
        assertEquals(BinaryOp.AND, and.op());
        BinaryOpExpr eq = assertInstanceOf(BinaryOpExpr.class, and.right());
        assertEquals(BinaryOp.EQUAL, eq.op());
        BinaryOpExpr plus = assertInstanceOf(BinaryOpExpr.class, eq.left());
        assertEquals(BinaryOp.ADD, plus.op());
        assertEquals(BinaryOp.MULTIPLY, assertInstanceOf(BinaryOpExpr.class, plus.right()).op());
    }

    @Test
    void subtractionIsLeftAssociativeAndUnaryBindsTighter() {
        BinaryOpExpr e = assertInstanceOf(BinaryOpExpr.class, expr("10 - 2 - -3"));
        assertEquals(BinaryOp.SUBTRACT, e.op());
        assertInstanceOf(BinaryOpExpr.class, e.left());
        assertEquals(UnaryOp.NEGATE, assertInstanceOf(UnaryOpExpr.class, e.right()).op());
    }

    @Test
    void conditionalIsLowest() {
        ConditionalExpr c = assertInstanceOf(ConditionalExpr.class, expr("a > 1 ? \"x\" : b + 1"));
        assertInstanceOf(BinaryOpExpr.class, c.condition());
        assertInstanceOf(BinaryOpExpr.class, c.falseResult());
    }

    @Test
    void numbersAreExactDecimals() {
        LiteralExpr l = assertInstanceOf(LiteralExpr.class, expr("1.5e3"));
        assertEquals(0, new BigDecimal("1500").compareTo(((dev.berth.engine.value.NumberValue) l.value()).value()));
        assertEquals(Value.of(new BigDecimal("0.02")), ((LiteralExpr) expr("2E-2")).value());
    }

    @Test
    void traversalWithAttributesIndexesAndLegacyIndex() {
        ScopeTraversalExpr t = assertInstanceOf(ScopeTraversalExpr.class, expr("ecs_service.web.tasks[0].ports.1[\"k\"]"));
        assertEquals("ecs_service", t.root());
        assertEquals(6, t.steps().size());
        assertEquals("web", ((TraversalStep.Attr) t.steps().get(0)).name());
        assertEquals(Value.of(0), ((LiteralExpr) ((TraversalStep.Index) t.steps().get(2)).key()).value());
        assertEquals("ports", ((TraversalStep.Attr) t.steps().get(3)).name());
        assertEquals(Value.of(1), ((LiteralExpr) ((TraversalStep.Index) t.steps().get(4)).key()).value());
        assertEquals(Value.of("k"), ((LiteralExpr) ((TraversalStep.Index) t.steps().get(5)).key()).value());
    }

    @Test
    void dynamicIndexAndRelativeTraversal() {
        IndexExpr ix = assertInstanceOf(IndexExpr.class, expr("var.list[count.index]"));
        assertInstanceOf(ScopeTraversalExpr.class, ix.collection());
        RelativeTraversalExpr rel = assertInstanceOf(RelativeTraversalExpr.class, expr("f(x).a[0]"));
        assertInstanceOf(FunctionCallExpr.class, rel.source());
        assertEquals(2, rel.steps().size());
    }

    @Test
    void splats() {
        SplatExpr full = assertInstanceOf(SplatExpr.class, expr("aws.web[*].net[0].id"));
        assertFalse(full.legacy());
        assertEquals(3, full.each().size());
        RelativeTraversalExpr legacyThenIndex = assertInstanceOf(RelativeTraversalExpr.class, expr("aws.web.*.id[0]"));
        SplatExpr legacy = assertInstanceOf(SplatExpr.class, legacyThenIndex.source());
        assertTrue(legacy.legacy());
        assertEquals(1, legacy.each().size());
    }

    @Test
    void functionCallWithExpansionAndMultilineArgs() {
        FunctionCallExpr f = assertInstanceOf(FunctionCallExpr.class, expr("max(\n  1,\n  [2, 3]...\n)"));
        assertEquals("max", f.name());
        assertEquals(2, f.args().size());
        assertTrue(f.expandFinal());
    }

    @Test
    void objectKeysAndSeparators() {
        ObjectConsExpr o = assertInstanceOf(ObjectConsExpr.class,
                expr("{\n  a = 1, b: 2\n  \"c d\" = 3\n  (var.k) = 4\n  null = 5\n}"));
        assertEquals(5, o.items().size());
        assertEquals(Value.of("a"), ((LiteralExpr) o.items().get(0).key()).value());
        assertEquals(Value.of("b"), ((LiteralExpr) o.items().get(1).key()).value());
        assertEquals("c d", ((TemplateExpr) o.items().get(2).key()).staticText().orElseThrow());
        assertInstanceOf(ParenthesesExpr.class, o.items().get(3).key());
        assertEquals(new StringValue("null"), ((LiteralExpr) o.items().get(4).key()).value());
    }

    @Test
    void forExpressions() {
        ForExpr t = assertInstanceOf(ForExpr.class, expr("[for i, v in var.list : v * 2 if i > 0]"));
        assertEquals("i", t.keyVar());
        assertEquals("v", t.valueVar());
        assertFalse(t.isObject());
        assertInstanceOf(BinaryOpExpr.class, t.condition());
        ForExpr o = assertInstanceOf(ForExpr.class, expr("{\n for k, v in m :\n k => v...\n}"));
        assertTrue(o.isObject());
        assertTrue(o.grouping());
        assertNull(o.condition());
    }

    @Test
    void templateWithInterpolationAndDirectives() {
        TemplateExpr t = assertInstanceOf(TemplateExpr.class,
                expr("\"a-${var.x}-%{ if c }yes%{ else }no%{ endif }%{ for v in l }${v},%{ endfor }\""));
        assertEquals(5, t.parts().size());
        assertInstanceOf(TemplatePart.Interpolation.class, t.parts().get(1));
        TemplatePart.If cond = assertInstanceOf(TemplatePart.If.class, t.parts().get(3));
        assertEquals("yes", ((TemplatePart.Literal) cond.thenParts().get(0)).text());
        assertEquals("no", ((TemplatePart.Literal) cond.elseParts().get(0)).text());
        TemplatePart.For loop = assertInstanceOf(TemplatePart.For.class, t.parts().get(4));
        assertEquals("v", loop.valueVar());
        assertEquals(2, loop.body().size());
    }

    @Test
    void singleInterpolationKeepsItsType() {
        TemplateWrapExpr w = assertInstanceOf(TemplateWrapExpr.class, expr("\"${var.list}\""));
        assertInstanceOf(ScopeTraversalExpr.class, w.wrapped());
    }

    @Test
    void escapesAreDecoded() {
        TemplateExpr t = assertInstanceOf(TemplateExpr.class, expr("\"a\\n\\t\\\"\\\\\\u00e9\\U0001F600 $${x} %%{y}\""));
        assertEquals("a\n\t\"\\\u00e9\uD83D\uDE00 ${x} %{y}", t.staticText().orElseThrow());
    }

    @Test
    void stripMarkersTrimWhitespace() {
        TemplateExpr t = assertInstanceOf(TemplateExpr.class, expr("\"a  ${~ x ~}  b\""));
        assertEquals("a", ((TemplatePart.Literal) t.parts().get(0)).text());
        assertEquals("b", ((TemplatePart.Literal) t.parts().get(2)).text());
    }

    @Test
    void heredocsKeepTextAndFlushHeredocsStripIndent() {
        Body b = parseOk("a = <<EOT\n  one\n    two\nEOT\nb = <<-EOT\n    one\n      two\n\n    three\n    EOT\n");
        assertEquals("  one\n    two\n", ((TemplateExpr) b.attributes().get(0).expr()).staticText().orElseThrow());
        assertEquals("one\n  two\n\nthree\n", ((TemplateExpr) b.attributes().get(1).expr()).staticText().orElseThrow());
    }

    @Test
    void heredocWithTemplateSequences() {
        Body b = parseOk("a = <<-EOT\n  hi ${name}\n  %{ if x }on%{ endif }\n  EOT\n");
        TemplateExpr t = (TemplateExpr) b.attributes().get(0).expr();
        assertEquals("hi ", ((TemplatePart.Literal) t.parts().get(0)).text());
        assertInstanceOf(TemplatePart.Interpolation.class, t.parts().get(1));
        assertInstanceOf(TemplatePart.If.class, t.parts().get(3));
    }

    @Test
    void newlinesInsideBracketsAreIgnoredButEndAttributes() {
        Body b = parseOk("a = [\n  1,\n  2\n]\nb = (1 +\n 2)\nc = 3\n");
        assertEquals(3, b.attributes().size());
        assertEquals(2, ((TupleConsExpr) b.attributes().get(0).expr()).items().size());
    }

    @Test
    void rangesPointAtTheSource() {
        Body b = parseOk("x = {\n  y = var.region\n}\n");
        ObjectConsExpr o = (ObjectConsExpr) b.attributes().get(0).expr();
        Expr v = o.items().get(0).value();
        assertEquals(2, v.range().line());
        assertEquals(7, v.range().column());
        assertEquals(17, v.range().endColumn());
        assertEquals("var.region", "x = {\n  y = var.region\n}\n".substring(v.range().startOffset(), v.range().endOffset()));
    }

    /** Parsed ranges keep offsets and work out lines and columns when asked; equal to the same place given outright. */
    @Test
    void aParsedRangeNamesItsLineAndColumnAndEqualsTheSamePlaceGivenOutright() {
        String text = "a = 1\n\nresource \"t\" \"n\" {\n  size = 12\n}\n";
        ParseResult r = HclParser.parse("main.hcl", text);
        dev.berth.engine.diag.SourceRange size = r.file().body().blocks().get(0).body().attribute("size").orElseThrow()
                .expr().range();
        int at = text.indexOf("12");
        dev.berth.engine.diag.SourceRange given = new dev.berth.engine.diag.SourceRange("main.hcl", 4, 10, 4, 12, at,
                at + 2);
        assertEquals(given, size);
        assertEquals(size, given);
        assertEquals(given.hashCode(), size.hashCode());
        assertEquals("main.hcl:4,10", size.toString());
        dev.berth.engine.diag.SourceRange block = r.file().body().blocks().get(0).typeRange();
        assertEquals(3, block.line());
        assertEquals(1, block.column());
        assertEquals(at + 2, dev.berth.engine.diag.SourceRange.between(block, size).endOffset());
        assertEquals(12, dev.berth.engine.diag.SourceRange.between(block, size).endColumn());
    }
}
