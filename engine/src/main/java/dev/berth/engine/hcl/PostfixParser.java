package dev.berth.engine.hcl;

import dev.berth.engine.diag.SourceRange;
import dev.berth.engine.value.NumberValue;
import dev.berth.engine.value.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses what follows a primary expression: {@code .attr}, {@code .0}, {@code [key]},
 * {@code [*]} and {@code .*}. Consecutive static steps are gathered into one traversal node so
 * that {@code ecs_service.web.tasks[0]} is a single reference.
 */
final class PostfixParser {
    private final TokenCursor c;
    private final ExpressionParser exprs;
    private Expr base;
    private final List<TraversalStep> pending = new ArrayList<>();

    PostfixParser(TokenCursor c, ExpressionParser exprs) {
        this.c = c;
        this.exprs = exprs;
    }

    Expr parse(Expr primary) {
        base = primary;
        while (true) {
            TokenType t = c.peek();
            if (t == TokenType.DOT) {
                if (c.peekAt(1) == TokenType.STAR) {
                    c.next();
                    c.next();
                    splat(true);
                } else {
                    pending.add(dotStep());
                }
            } else if (t == TokenType.LBRACK) {
                if (c.peekAt(1) == TokenType.STAR && c.peekAt(2) == TokenType.RBRACK) {
                    c.next();
                    c.next();
                    c.next();
                    splat(false);
                } else {
                    TraversalStep.Index step = bracketStep();
                    if (step.key() instanceof LiteralExpr) {
                        pending.add(step);
                    } else {
                        Expr coll = flush();
                        base = new IndexExpr(coll, step.key(),
                                c.range(coll.range().startOffset(), step.range().endOffset()));
                    }
                }
            } else {
                return flush();
            }
        }
    }

    /** Folds pending static steps into the base expression. */
    private Expr flush() {
        if (pending.isEmpty()) return base;
        int end = pending.get(pending.size() - 1).range().endOffset();
        SourceRange r = c.range(base.range().startOffset(), end);
        if (base instanceof ScopeTraversalExpr s) {
            List<TraversalStep> steps = new ArrayList<>(s.steps());
            steps.addAll(pending);
            base = new ScopeTraversalExpr(s.root(), steps, r);
        } else if (base instanceof RelativeTraversalExpr rel) {
            List<TraversalStep> steps = new ArrayList<>(rel.steps());
            steps.addAll(pending);
            base = new RelativeTraversalExpr(rel.source(), steps, r);
        } else {
            base = new RelativeTraversalExpr(base, pending, r);
        }
        pending.clear();
        return base;
    }

    private TraversalStep dotStep() {
        int dot = c.next();
        TokenType t = c.peek();
        if (t == TokenType.IDENT) {
            int i = c.next();
            return new TraversalStep.Attr(c.text(i), c.range(c.start(dot), c.end(i)));
        }
        if (t == TokenType.NUMBER) {
            int i = c.next();
            // HashiCorp lexes "1.2" in "x.1.2" as one decimal and rejects it; match that.
            if (c.type(i + 1) == TokenType.DOT && c.start(i + 1) == c.end(i)
                    && c.type(i + 2) == TokenType.NUMBER && c.start(i + 2) == c.end(i + 1)) {
                throw c.error("Invalid legacy index syntax: chaining two legacy indexes is not permitted",
                        "Use the index syntax instead, like [1][2].", i);
            }
            SourceRange r = c.range(c.start(dot), c.end(i));
            LiteralExpr key = new LiteralExpr(new NumberValue(new BigDecimal(c.text(i))), c.range(i));
            return new TraversalStep.Index(key, r);
        }
        int i = c.indexAt(0);
        throw c.error("Invalid attribute name: expected an attribute name after \".\", but found "
                + c.describe(i), "Attribute names are identifiers, as in var.region.", i);
    }

    private TraversalStep.Index bracketStep() {
        int open = c.next();
        c.pushNewlines(true);
        Expr key = exprs.parseExpression();
        int close = c.expect(TokenType.RBRACK, "Missing closing bracket: expected \"]\" to end the index",
                "An index is written collection[key].");
        c.popNewlines();
        if (key instanceof TemplateExpr te && te.staticText().isPresent()) {
            key = new LiteralExpr(Value.of(te.staticText().get()), te.range());
        }
        return new TraversalStep.Index(key, c.range(c.start(open), c.end(close)));
    }

    /**
     * Full splats take attribute and index steps into their per-element traversal; the legacy
     * {@code .*} form takes attributes only, so a following index applies to the whole result.
     */
    private void splat(boolean legacy) {
        Expr source = flush();
        List<TraversalStep> each = new ArrayList<>();
        int end = c.lastEnd();
        while (true) {
            TokenType t = c.peek();
            if (t == TokenType.DOT && c.peekAt(1) == TokenType.IDENT) {
                TraversalStep s = dotStep();
                each.add(s);
                end = s.range().endOffset();
            } else if (!legacy && t == TokenType.DOT && c.peekAt(1) == TokenType.NUMBER) {
                TraversalStep s = dotStep();
                each.add(s);
                end = s.range().endOffset();
            } else if (!legacy && t == TokenType.LBRACK && c.peekAt(1) != TokenType.STAR) {
                TraversalStep s = bracketStep();
                each.add(s);
                end = s.range().endOffset();
            } else {
                break;
            }
        }
        base = new SplatExpr(source, each, legacy, c.range(source.range().startOffset(), end));
    }
}
