package dev.berth.engine.hcl;

import dev.berth.engine.diag.SourceRange;
import dev.berth.engine.value.Value;

/** A number, {@code true}, {@code false} or {@code null}. */
public record LiteralExpr(Value value, SourceRange range) implements Expr {
}
