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
        return build(flat, c.range(c.start(open), c.end(close)), false);
    }

    Expr parseHeredoc() {
        int open = c.next();
        boolean flush = c.src.charAt(c.start(open) + 2) == '-';
        List<FlatPart> flat = collect(false);
        int close = c.next();
        return build(flat, c.range(c.start(open), c.end(close)), flush);
    }

    /** A whole file as a template (templatefile). */
    Expr parseFileTemplate() {
        List<FlatPart> flat = collect(false);
        return build(flat, c.range(0, c.start(c.indexAt(0))), false);
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

    /**
     * Strip markers apply before heredoc indentation is removed, as in HashiCorp's parser: a line
     * whose indentation a "~" stripped counts as unindented, so the heredoc keeps its indentation.
     */
    private Expr build(List<FlatPart> flat, SourceRange range, boolean flush) {
        if (flat.size() == 1 && flat.get(0) instanceof FlatPart.Interp in) {
            return new TemplateWrapExpr(in.expr(), range);
        }
        applyStripMarkers(flat);
        if (flush) HeredocIndent.flush(flat);
        return new TemplateExpr(new TemplateStructure(c, flat).parts(), range);
    }

    /**
     * A strip marker trims only the literal right next to it. Heredoc lines are separate
     * literals, so "~" on a directive line eats that line's indentation or its newline but not
     * the lines beyond, exactly as HashiCorp's parser does.
     */
    private static void applyStripMarkers(List<FlatPart> flat) {
        for (int i = 0; i < flat.size(); i++) {
            FlatPart p = flat.get(i);
            if (p instanceof FlatPart.Lit) continue;
            if (p.stripLeft() && i > 0 && flat.get(i - 1) instanceof FlatPart.Lit prev) {
                prev.text = prev.text.stripTrailing();
            }
            if (p.stripRight() && i + 1 < flat.size() && flat.get(i + 1) instanceof FlatPart.Lit next) {
                next.text = next.text.stripLeading();
            }
        }
    }
}
