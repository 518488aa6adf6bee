package dev.berth.engine.hcl;

import dev.berth.engine.diag.SourceRange;

import java.util.List;

/**
 * {@code { key = value, ... }}. A bare identifier key is already a string {@link LiteralExpr};
 * a parenthesised key is evaluated.
 */
public record ObjectConsExpr(List<Item> items, SourceRange range) implements Expr {
    public ObjectConsExpr {
        items = List.copyOf(items);
    }

    public record Item(Expr key, Expr value) {
    }
}
