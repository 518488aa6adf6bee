package dev.berth.engine.hcl;

import dev.berth.engine.diag.SourceRange;

import java.util.List;

/** {@code [a, b, c]}. */
public record TupleConsExpr(List<Expr> items, SourceRange range) implements Expr {
    public TupleConsExpr {
        items = List.copyOf(items);
    }
}
