package dev.berth.engine.hcl;

import dev.berth.engine.diag.SourceRange;

public record BinaryOpExpr(BinaryOp op, Expr left, Expr right, SourceRange range) implements Expr {
}
