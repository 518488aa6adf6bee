package dev.berth.engine.hcl;

import dev.berth.engine.diag.SourceRange;

public record ParenthesesExpr(Expr inner, SourceRange range) implements Expr {
}
