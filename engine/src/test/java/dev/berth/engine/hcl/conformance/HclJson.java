package dev.berth.engine.hcl.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.engine.hcl.Attribute;
import dev.berth.engine.hcl.Block;
import dev.berth.engine.hcl.Body;
import dev.berth.engine.hcl.Expr;
import dev.berth.engine.hcl.LiteralExpr;
import dev.berth.engine.hcl.ObjectConsExpr;
import dev.berth.engine.hcl.ScopeTraversalExpr;
import dev.berth.engine.hcl.TemplateExpr;
import dev.berth.engine.hcl.TemplateWrapExpr;
import dev.berth.engine.hcl.TupleConsExpr;
import dev.berth.engine.hcl.UnaryOp;
import dev.berth.engine.hcl.UnaryOpExpr;
import dev.berth.engine.value.BoolValue;
import dev.berth.engine.value.NumberValue;
import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;

/**
 * Renders berth's AST in the shape hcl2json gives HashiCorp's AST, so the two parsers can be
 * compared as JSON trees: blocks nest by type then label into arrays of bodies, literals become
 * JSON values, anything else becomes "${source text}". hcl2json's own rules are mirrored
 * deliberately, quirks included (see {@link TemplateJson}); a difference must mean the parsers
 * read the file differently, not that the converters do.
 */
final class HclJson {
    static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);

    private final String src;
    private final TemplateJson templates;

    HclJson(String src) {
        this.src = src;
        this.templates = new TemplateJson(this);
    }

    ObjectNode body(Body body) {
        ObjectNode out = F.objectNode();
        for (Attribute a : body.attributes()) out.set(a.name(), expr(a.expr()));
        for (Block b : body.blocks()) {
            ObjectNode parent = out;
            String key = b.type();
            for (String label : b.labels()) {
                ObjectNode next = parent.get(key) instanceof ObjectNode o ? o : F.objectNode();
                parent.set(key, next);
                parent = next;
                key = label;
            }
            ArrayNode list = parent.get(key) instanceof ArrayNode a ? a : F.arrayNode();
            parent.set(key, list);
            list.add(body(b.body()));
        }
        return out;
    }

    JsonNode expr(Expr e) {
        if (e instanceof LiteralExpr l) return literal(l.value());
        if (e instanceof UnaryOpExpr u && u.operand() instanceof LiteralExpr l) return foldUnary(u, l);
        if (e instanceof TemplateExpr t) return F.textNode(templates.template(t));
        if (e instanceof TemplateWrapExpr w) return expr(w.wrapped());
        if (e instanceof TupleConsExpr t) {
            ArrayNode a = F.arrayNode();
            for (Expr item : t.items()) a.add(expr(item));
            return a;
        }
        if (e instanceof ObjectConsExpr o) {
            ObjectNode obj = F.objectNode();
            for (ObjectConsExpr.Item item : o.items()) obj.set(key(item.key()), expr(item.value()));
            return obj;
        }
        return F.textNode(wrap(e));
    }

    /** hcl2json evaluates an operator applied directly to a literal: -5 is a number, !true false. */
    private JsonNode foldUnary(UnaryOpExpr u, LiteralExpr l) {
        if (u.op() == UnaryOp.NEGATE && l.value() instanceof NumberValue n) return F.numberNode(n.value().negate());
        if (u.op() == UnaryOp.NOT && l.value() instanceof BoolValue b) return F.booleanNode(!b.value());
        return F.textNode(wrap(u));
    }

    /** A bare name or reference key is its source text; anything else is converted as template text. */
    private String key(Expr k) {
        if (k instanceof LiteralExpr l && l.value() instanceof StringValue s) return s.value();
        if (k instanceof ScopeTraversalExpr) return source(k);
        return templates.part(k);
    }

    static JsonNode literal(Value v) {
        if (v instanceof NumberValue n) return F.numberNode(n.value());
        if (v instanceof BoolValue b) return F.booleanNode(b.value());
        if (v instanceof StringValue s) return F.textNode(s.value());
        return F.nullNode();
    }

    String wrap(Expr e) {
        return "${" + source(e) + "}";
    }

    /**
     * The expression's source text. hcl2json appends a ")" that directly follows a range (its
     * workaround for ranges that once excluded closing parentheses), so this does too.
     */
    String source(Expr e) {
        int end = e.range().endOffset();
        if (end < src.length() && src.charAt(end) == ')') end++;
        return src.substring(e.range().startOffset(), end);
    }
}
