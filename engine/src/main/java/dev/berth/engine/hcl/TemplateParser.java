package dev.berth.engine.hcl;

import dev.berth.engine.diag.SourceRange;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses quoted strings, heredocs and template files. Tokens are first read into a flat list of
 * literals, interpolations and directive markers; heredoc indentation and {@code ~} strip markers
 * are applied to that flat list, and only then is it folded into nested if/for parts.
 */
final class TemplateParser {
    private final TokenCursor c;
    private final ExpressionParser exprs;

    TemplateParser(TokenCursor c, ExpressionParser exprs) {
        this.c = c;
        this.exprs = exprs;
    }

    Expr parseQuoted() {
        int open = c.next();
        List<FlatPart> flat = collect(true);
        int close = c.next();
        return build(flat, c.range(c.start(open), c.end(close)));
    }

    Expr parseHeredoc() {
        int open = c.next();
        boolean flush = c.src[c.start(open) + 2] == '-';
        List<FlatPart> flat = collect(false);
        int close = c.next();
        if (flush) HeredocIndent.flush(flat);
        return build(flat, c.range(c.start(open), c.end(close)));
    }

    /** A whole file as a template (templatefile). */
    Expr parseFileTemplate() {
        List<FlatPart> flat = collect(false);
        return build(flat, c.range(0, c.start(c.indexAt(0))));
    }

    private List<FlatPart> collect(boolean quoted) {
        List<FlatPart> flat = new ArrayList<>();
        while (true) {
            int i = c.pos;
            switch (c.type(i)) {
                case TEMPLATE_LITERAL -> {
                    c.pos++;
                    String text = quoted
                            ? Escapes.quoted(c.src, c.start(i), c.end(i), c.lines, c.diags)
                            : Escapes.heredoc(c.src, c.start(i), c.end(i));
                    flat.add(new FlatPart.Lit(text, c.range(i)));
                }
                case TEMPLATE_INTERP -> flat.add(interpolation());
                case TEMPLATE_CONTROL -> flat.add(DirectiveParser.parse(c, exprs));
                case CQUOTE, STRING_UNTERMINATED, CHEREDOC, HEREDOC_UNTERMINATED, EOF -> {
                    return flat;
                }
                default -> throw c.error("Invalid template: unexpected " + c.describe(i), "", i);
            }
        }
    }

    private FlatPart interpolation() {
        int open = c.next();
        c.pushNewlines(true);
        Expr e = exprs.parseExpression();
        int close = expectSequenceEnd("interpolation");
        c.popNewlines();
        return new FlatPart.Interp(e, c.end(open) - c.start(open) == 3,
                c.end(close) - c.start(close) == 2, c.range(c.start(open), c.end(close)));
    }

    int expectSequenceEnd(String what) {
        if (c.peek() != TokenType.TEMPLATE_SEQ_END) {
            int i = c.indexAt(0);
            throw c.error("Missing end of template " + what + ": expected \"}\", but found "
                    + c.describe(i), "", i);
        }
        return c.next();
    }

    private Expr build(List<FlatPart> flat, SourceRange range) {
        if (flat.size() == 1 && flat.get(0) instanceof FlatPart.Interp in) {
            return new TemplateWrapExpr(in.expr(), range);
        }
        applyStripMarkers(flat);
        return new TemplateExpr(new TemplateStructure(c, flat).parts(), range);
    }

    /**
     * Heredoc lines are separate literals, so a strip marker keeps trimming into the next
     * literal for as long as the previous one was all whitespace.
     */
    private static void applyStripMarkers(List<FlatPart> flat) {
        for (int i = 0; i < flat.size(); i++) {
            FlatPart p = flat.get(i);
            if (p instanceof FlatPart.Lit) continue;
            if (p.stripLeft()) {
                for (int j = i - 1; j >= 0 && flat.get(j) instanceof FlatPart.Lit prev; j--) {
                    prev.text = prev.text.stripTrailing();
                    if (!prev.text.isEmpty()) break;
                }
            }
            if (p.stripRight()) {
                for (int j = i + 1; j < flat.size() && flat.get(j) instanceof FlatPart.Lit next; j++) {
                    next.text = next.text.stripLeading();
                    if (!next.text.isEmpty()) break;
                }
            }
        }
    }
}
