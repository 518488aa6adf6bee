package dev.berth.engine.hcl;

import dev.berth.engine.diag.SourceRange;

/** {@code "${x}"} and nothing else: evaluates to x's value, keeping its type. */
public record TemplateWrapExpr(Expr wrapped, SourceRange range) implements Expr {
}
