package dev.berth.engine.hcl;

import dev.berth.engine.diag.SourceRange;

public record UnaryOpExpr(UnaryOp op, Expr operand, SourceRange range) implements Expr {
}
