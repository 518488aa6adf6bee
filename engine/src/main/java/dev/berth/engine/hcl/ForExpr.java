package dev.berth.engine.hcl;

import dev.berth.engine.diag.SourceRange;

/**
 * {@code [for k, v in coll : value if cond]} or {@code {for k, v in coll : key => value... if cond}}.
 * keyVar is null with a single variable; keyExpr is null for the tuple form; condition may be null.
 */
public record ForExpr(String keyVar, String valueVar, Expr collection, Expr keyExpr,
                      Expr valueExpr, Expr condition, boolean grouping, SourceRange range)
        implements Expr {
    public boolean isObject() {
        return keyExpr != null;
    }
}
