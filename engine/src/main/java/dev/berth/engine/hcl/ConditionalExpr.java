package dev.berth.engine.hcl;

import dev.berth.engine.diag.SourceRange;

/** {@code condition ? trueResult : falseResult}. */
public record ConditionalExpr(Expr condition, Expr trueResult, Expr falseResult,
                              SourceRange range) implements Expr {
}
