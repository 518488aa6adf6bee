package dev.berth.engine.hcl;

import dev.berth.engine.diag.SourceRange;

/** {@code collection[key]} where key is not a literal. */
public record IndexExpr(Expr collection, Expr key, SourceRange range) implements Expr {
}
